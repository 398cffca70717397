package dev.openfactor.verification.repository;

import java.time.Instant;

import dev.openfactor.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** One statement each decides whether a TOTP step or a recovery code may still be used. */
@ApplicationScoped
public class ReplayRepository {

    private final Jdbc jdbc;

    ReplayRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records {@code step} as the credential's last accepted step, only if it is newer than the
     * one stored. Concurrent callers with the same step: exactly one gets true.
     */
    public boolean acceptStep(String methodId, String tenantId, long step) {
        return jdbc.update("""
                INSERT INTO totp_state (method_id, tenant_id, last_step) VALUES (?, ?, ?)
                ON CONFLICT (method_id) DO UPDATE SET last_step = EXCLUDED.last_step
                WHERE totp_state.last_step < EXCLUDED.last_step""", methodId, tenantId, step) == 1;
    }

    /** True the first time this recovery code (by its hash) is spent. */
    public boolean spendRecoveryCode(String methodId, String codeHash, Instant now) {
        return jdbc.update("INSERT INTO recovery_code_used (method_id, code_hash, used_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                methodId, codeHash, now) == 1;
    }
}
