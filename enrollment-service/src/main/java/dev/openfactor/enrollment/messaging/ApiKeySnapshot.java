package dev.openfactor.enrollment.messaging;

import java.time.Instant;

/**
 * {@code dev.openfactor.apikey.snapshot.v1}: the full state of one API key, so that other
 * services can authenticate relying parties while enrollment is down. Carries the SHA-256 of
 * the secret (base64), never the key itself.
 */
public record ApiKeySnapshot(String keyId, String tenantId, String label, String secretSha256, Instant createdAt,
        Instant revokedAt) {

    public static final String TYPE = "dev.openfactor.apikey.snapshot.v1";
}
