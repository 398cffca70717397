package dev.openfactor.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.openfactor.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** SQL for the {@code api_key} table. */
@ApplicationScoped
class ApiKeyStore {

    record Row(String keyId, String tenantId, String label, byte[] secretHash, Instant createdAt, Instant revokedAt) {
        boolean revoked() {
            return revokedAt != null;
        }
    }

    private final EntityManager em;

    ApiKeyStore(EntityManager em) {
        this.em = em;
    }

    /** Inserts or replaces a key: enrollment issues keys, other services mirror them from events. */
    void upsert(String keyId, String tenantId, String label, byte[] secretHash, Instant createdAt, Instant revokedAt) {
        em.createNativeQuery("""
                INSERT INTO api_key (key_id, tenant_id, label, secret_hash, created_at, revoked_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (key_id) DO UPDATE SET revoked_at = EXCLUDED.revoked_at""")
                .setParameter(1, keyId)
                .setParameter(2, tenantId)
                .setParameter(3, label)
                .setParameter(4, secretHash)
                .setParameter(5, createdAt)
                .setParameter(6, revokedAt)
                .executeUpdate();
    }

    boolean revoke(String tenantId, String keyId, Instant now) {
        return em.createNativeQuery("""
                UPDATE api_key SET revoked_at = ?3 WHERE tenant_id = ?1 AND key_id = ?2 AND revoked_at IS NULL""")
                .setParameter(1, tenantId)
                .setParameter(2, keyId)
                .setParameter(3, now)
                .executeUpdate() == 1;
    }

    boolean exists(String tenantId, String keyId) {
        return !em.createNativeQuery("SELECT 1 FROM api_key WHERE tenant_id = ?1 AND key_id = ?2")
                .setParameter(1, tenantId)
                .setParameter(2, keyId)
                .getResultList().isEmpty();
    }

    @SuppressWarnings("unchecked")
    Optional<Row> find(String keyId) {
        List<Object[]> rows = em.createNativeQuery(
                "SELECT key_id, tenant_id, label, secret_hash, created_at, revoked_at FROM api_key WHERE key_id = ?1")
                .setParameter(1, keyId)
                .getResultList();
        return rows.stream().findFirst()
                .map(r -> new Row((String) r[0], (String) r[1], (String) r[2], (byte[]) r[3], Timestamps.toInstant(r[4]),
                        r[5] == null ? null : Timestamps.toInstant(r[5])));
    }
}
