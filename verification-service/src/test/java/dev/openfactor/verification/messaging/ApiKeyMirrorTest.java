package dev.openfactor.verification.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.platform.testing.EventSender;
import dev.openfactor.platform.security.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import static java.nio.charset.StandardCharsets.UTF_8;

/** API keys announced on the real topic (as enrollment-service announces them) authenticate here. */
@QuarkusTest
class ApiKeyMirrorTest {

    @Inject
    ApiKeys apiKeys;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void announcedKeyAuthenticatesUntilItsRevocationArrives() throws Exception {
        String keyId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).replaceAll("[01lo]", "a");
        String secret = "s3cr3t-" + UUID.randomUUID();
        String tenantId = "tenant-" + UUID.randomUUID();
        String apiKey = "ofk_" + keyId + "_" + secret;
        Instant created = Instant.parse("2026-11-24T10:00:00Z");

        announce(new ApiKeySnapshot(keyId, tenantId, "frontend", sha256(secret), created, null));
        assertEquals(Optional.of(tenantId), await(() -> apiKeys.authenticate(apiKey), Optional.of(tenantId)));

        announce(new ApiKeySnapshot(keyId, tenantId, "frontend", sha256(secret), created, created.plusSeconds(60)));
        assertEquals(Optional.empty(), await(() -> apiKeys.authenticate(apiKey), Optional.empty()));
    }

    private void announce(ApiKeySnapshot snapshot) throws Exception {
        EventSender.send(bootstrapServers, ApiKeyMirror.TOPIC, snapshot.keyId(), EventSender.event(ApiKeySnapshot.TYPE,
                "/openfactor/enrollment-service", snapshot.tenantId(), mapper.writeValueAsString(snapshot)));
    }

    private static String sha256(String secret) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(UTF_8)));
    }

    private static <T> T await(Supplier<T> probe, T expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T value = probe.get();
        while (!expected.equals(value) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = probe.get();
        }
        return value;
    }
}
