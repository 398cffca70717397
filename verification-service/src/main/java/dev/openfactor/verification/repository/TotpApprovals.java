package dev.openfactor.verification.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.openfactor.platform.jdbc.Jdbc;
import dev.openfactor.platform.outbox.Outbox;
import dev.openfactor.verification.domain.Challenge;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The hottest write: a TOTP sign-in whose code is right, approved in one statement that commits
 * by itself (called outside any transaction). It spends the step, then resets the guard unless
 * the user is locked, and writes the approved challenge and its audit rows only if both
 * succeeded. Its locks come in the order of the transactional paths' (the credential's replay
 * row, then the user's guard row), so they cannot deadlock with it.
 */
@ApplicationScoped
public class TotpApprovals {

    /**
     * {@code guard} is the guard's own reset: it waits for a concurrent failure and judges its
     * result. A lock that lands between the caller's read and this statement still spends the
     * step (the code is burnt, nothing is approved), which is the only difference from the
     * transactional path, whose rollback would have kept it. Public for the bench, whose same-SQL
     * reference runs it verbatim.
     */
    public static final String APPROVE = """
            WITH step AS (
                INSERT INTO totp_state (method_id, tenant_id, last_step) VALUES (?, ?, ?)
                ON CONFLICT (method_id) DO UPDATE SET last_step = EXCLUDED.last_step
                WHERE totp_state.last_step < EXCLUDED.last_step
                RETURNING 1
            ), guard AS (
                UPDATE user_guard SET failures = CASE WHEN locked_until > ?::timestamptz THEN failures ELSE 0 END
                WHERE tenant_id = ? AND user_id = ? AND (failures > 0 OR locked_until > ?::timestamptz)
                    AND EXISTS (SELECT 1 FROM step)
                RETURNING locked_until
            ), approved AS (
                SELECT 1 FROM step WHERE NOT EXISTS (SELECT 1 FROM guard WHERE locked_until > ?::timestamptz)
            ), challenge AS (
                INSERT INTO challenge (%s)
                SELECT %s WHERE EXISTS (SELECT 1 FROM approved)
            ), audit AS (
            %s
            )
            SELECT EXISTS (SELECT 1 FROM step), (SELECT locked_until FROM guard)""".formatted(ChallengeRepository.COLUMNS,
            ChallengeRepository.PLACEHOLDERS, Outbox.Staged.insertWhere("EXISTS (SELECT 1 FROM approved)"));

    private final Jdbc jdbc;

    TotpApprovals(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the step was spent here, and the lock the guard was under then, if any. */
    public record Result(boolean stepSpent, Instant lockedUntil) {

        public boolean approved(Instant now) {
            return stepSpent && (lockedUntil == null || !now.isBefore(lockedUntil));
        }
    }

    /** {@code approved} is the challenge already decided; {@code audit} its events, written with it. */
    public Result approve(Challenge approved, String methodId, long step, Outbox.Staged audit, Instant now) {
        List<Object> parameters = new ArrayList<>(List.of(methodId, approved.tenantId(), step,
                now, approved.tenantId(), approved.userId(), now, now));
        Collections.addAll(parameters, ChallengeRepository.values(approved)); // some are null
        Collections.addAll(parameters, audit.parameters());
        return jdbc.first(APPROVE, row -> new Result(row.getBoolean(1), Jdbc.instant(row, 2)), parameters.toArray()).orElseThrow();
    }
}
