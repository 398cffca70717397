package dev.openfactor.verification.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** One statement each decides whether a TOTP step or a recovery code may still be used. */
@ApplicationScoped
public class ReplayRepository {

    private final EntityManager em;

    ReplayRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Records {@code step} as the credential's last accepted step, only if it is newer than the
     * one stored. Concurrent callers with the same step: exactly one gets true.
     */
    public boolean acceptStep(String methodId, String tenantId, long step) {
        return em.createNativeQuery("""
                INSERT INTO totp_state (method_id, tenant_id, last_step) VALUES (?1, ?2, ?3)
                ON CONFLICT (method_id) DO UPDATE SET last_step = EXCLUDED.last_step
                WHERE totp_state.last_step < EXCLUDED.last_step""")
                .setParameter(1, methodId).setParameter(2, tenantId).setParameter(3, step)
                .executeUpdate() == 1;
    }

    /** True the first time this recovery code (by its hash) is spent. */
    public boolean spendRecoveryCode(String methodId, String codeHash, Instant now) {
        return em.createNativeQuery("""
                INSERT INTO recovery_code_used (method_id, code_hash, used_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING""")
                .setParameter(1, methodId).setParameter(2, codeHash).setParameter(3, now)
                .executeUpdate() == 1;
    }
}
