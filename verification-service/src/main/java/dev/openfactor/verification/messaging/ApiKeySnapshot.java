package dev.openfactor.verification.messaging;

import java.time.Instant;

/** What this service reads of {@code dev.openfactor.apikey.snapshot.v1} (unknown fields ignored). */
public record ApiKeySnapshot(String keyId, String tenantId, String label, String secretSha256, Instant createdAt,
        Instant revokedAt) {

    public static final String TYPE = "dev.openfactor.apikey.snapshot.v1";
}
