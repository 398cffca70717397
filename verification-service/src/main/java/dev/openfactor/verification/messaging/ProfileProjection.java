package dev.openfactor.verification.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.openfactor.platform.consumer.ConsumerSpec;
import dev.openfactor.platform.consumer.EventConsumers;
import dev.openfactor.platform.events.CloudEvent;
import dev.openfactor.platform.events.EventJson;
import dev.openfactor.verification.domain.Profile;
import dev.openfactor.verification.repository.ProfileRepository;
import dev.openfactor.verification.repository.ReplayRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps each user's latest profile snapshot from the compacted {@code openfactor.profiles}:
 * a snapshot replaces the stored one only if its version is newer (and seeds the TOTP replay state
 * with the steps enrollment accepted); a tombstone deletes it.
 * Runs inside the idempotent consumer's transaction, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class ProfileProjection {

    static final String TOPIC = "openfactor.profiles";
    static final String GROUP = "verification-service.profiles";
    static final String SNAPSHOT = "dev.openfactor.profile.snapshot.v1";
    static final String DELETED = "dev.openfactor.profile.deleted.v1";

    private final EventConsumers consumers;
    private final ProfileRepository profiles;
    private final ReplayRepository replays;
    private final EventJson json;
    private final Clock clock;

    ProfileProjection(EventConsumers consumers, ProfileRepository profiles, ReplayRepository replays, EventJson json,
            Clock clock) {
        this.consumers = consumers;
        this.profiles = profiles;
        this.replays = replays;
        this.json = json;
        this.clock = clock;
    }

    void start(@Observes StartupEvent ignored) {
        consumers.start(new ConsumerSpec(GROUP, List.of(TOPIC), Map.of(SNAPSHOT, this::apply, DELETED, this::apply)));
    }

    void apply(CloudEvent event) {
        if (event.isTombstone()) {
            String[] key = event.subject() == null ? new String[0] : event.subject().split("/", 2);
            if (key.length == 2) {
                profiles.delete(key[0], key[1]);
            }
            return;
        }
        Profile p = json.read(event, Profile.class);
        if (profiles.storeIfNewer(p.tenantId(), p.userId(), p.version(), event.data(), clock.instant())) {
            profiles.replaceDevices(p.tenantId(), p.userId(), p.apps().stream()
                    .map(m -> new ProfileRepository.DeviceRow(m.device().deviceId(), p.tenantId(), p.userId(), m.methodId(),
                            m.device().publicKey()))
                    .toList());
            seedReplayState(p);
        }
    }

    /**
     * The step enrollment accepted when a credential was confirmed counts as used here too, or the
     * confirming code would sign in once more. Same monotonic upsert as a sign-in: never lowers a step.
     */
    private void seedReplayState(Profile p) {
        for (Profile.Method m : p.codeGenerators()) {
            if (m.totp().lastAcceptedStep() != null) {
                replays.acceptStep(m.methodId(), p.tenantId(), m.totp().lastAcceptedStep());
            }
        }
    }
}
