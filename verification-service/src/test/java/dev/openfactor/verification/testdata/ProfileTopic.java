package dev.openfactor.verification.testdata;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.platform.testing.EventSender;
import dev.openfactor.verification.repository.ProfileRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Publishes profile snapshots and tombstones onto the real {@code openfactor.profiles}, as enrollment-service does. */
public final class ProfileTopic {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProfileTopic() {
    }

    public static void publish(String bootstrap, Map<String, Object> snapshot) {
        String key = snapshot.get("tenantId") + "/" + snapshot.get("userId");
        try {
            send(bootstrap, key, "dev.openfactor.profile.snapshot.v1", MAPPER.writeValueAsString(snapshot));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void tombstone(String bootstrap, String tenantId, String userId) {
        send(bootstrap, tenantId + "/" + userId, "dev.openfactor.profile.deleted.v1", null);
    }

    /** Waits until the projection holds {@code version} (or newer) of the user's profile. */
    public static void awaitVersion(ProfileRepository profiles, String tenantId, String userId, long version) {
        await(() -> profiles.find(tenantId, userId).map(p -> p.version() >= version).orElse(false),
                "verification-service never stored version " + version + " of " + userId);
    }

    /** Waits until the user's profile is gone (after a tombstone). */
    public static void awaitForgotten(ProfileRepository profiles, String tenantId, String userId) {
        await(() -> profiles.find(tenantId, userId).isEmpty(), "verification-service never forgot " + userId);
    }

    private static void await(BooleanSupplier done, String failure) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (QuarkusTransaction.requiringNew().call(done::getAsBoolean)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(failure);
    }

    private static void send(String bootstrap, String key, String type, String data) {
        EventSender.send(bootstrap, "openfactor.profiles", key,
                EventSender.event(type, "/openfactor/enrollment-service", key, data));
    }
}
