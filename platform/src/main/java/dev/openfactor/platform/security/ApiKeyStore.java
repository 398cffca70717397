package dev.openfactor.platform.security;

import java.time.Instant;
import java.util.Optional;

import dev.openfactor.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** SQL for the {@code api_key} table. */
@ApplicationScoped
class ApiKeyStore {

    record Row(String keyId, String tenantId, String label, byte[] secretHash, Instant createdAt, Instant revokedAt) {
        boolean revoked() {
            return revokedAt != null;
        }
    }

    private final Jdbc jdbc;

    ApiKeyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces a key: enrollment issues keys, other services mirror them from events. */
    void upsert(String keyId, String tenantId, String label, byte[] secretHash, Instant createdAt, Instant revokedAt) {
        jdbc.update("""
                INSERT INTO api_key (key_id, tenant_id, label, secret_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (key_id) DO UPDATE SET revoked_at = EXCLUDED.revoked_at""",
                keyId, tenantId, label, secretHash, createdAt, revokedAt);
    }

    boolean revoke(String tenantId, String keyId, Instant now) {
        return jdbc.update("UPDATE api_key SET revoked_at = ? WHERE tenant_id = ? AND key_id = ? AND revoked_at IS NULL",
                now, tenantId, keyId) == 1;
    }

    boolean exists(String tenantId, String keyId) {
        return jdbc.first("SELECT 1 FROM api_key WHERE tenant_id = ? AND key_id = ?", row -> true, tenantId, keyId)
                .isPresent();
    }

    Optional<Row> find(String keyId) {
        return jdbc.first("SELECT key_id, tenant_id, label, secret_hash, created_at, revoked_at FROM api_key WHERE key_id = ?",
                row -> new Row(row.getString(1), row.getString(2), row.getString(3), row.getBytes(4), Jdbc.instant(row, 5),
                        Jdbc.instant(row, 6)),
                keyId);
    }
}
