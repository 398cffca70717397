package dev.openfactor.verification.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import dev.openfactor.platform.jdbc.Jdbc;
import dev.openfactor.verification.domain.UserGuard;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code user_guard}, changed only by single conditional statements: each counts, locks or resets
 * on the row as committed (waiting for a concurrent writer), and writes only its own columns, so
 * concurrent failures all count and no write can undo a lock or cool-down another request set.
 */
@ApplicationScoped
public class GuardRepository {

    static final String COLUMNS = "failures, locked_until, lock_count, push_blocked_until";

    private final Jdbc jdbc;

    GuardRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public UserGuard read(String tenantId, String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM user_guard WHERE tenant_id = ? AND user_id = ?",
                GuardRepository::guard, tenantId, userId).stream().findFirst().orElse(UserGuard.NONE);
    }

    /**
     * One more failure, unless the user is locked at {@code now} (then empty: the failure is not
     * judged). The row stays locked by this transaction until it ends.
     */
    public Optional<UserGuard> addFailure(String tenantId, String userId, Instant now) {
        return jdbc.query("""
                INSERT INTO user_guard (tenant_id, user_id, failures, lock_count) VALUES (?, ?, 1, 0)
                ON CONFLICT (tenant_id, user_id) DO UPDATE SET failures = user_guard.failures + 1
                WHERE user_guard.locked_until IS NULL OR user_guard.locked_until <= ?
                RETURNING\s""" + COLUMNS, GuardRepository::guard, tenantId, userId, now).stream().findFirst();
    }

    /** Locks the user until {@code until}; called after {@link #addFailure} in the same transaction. */
    public void lock(String tenantId, String userId, Instant until) {
        jdbc.update("""
                UPDATE user_guard SET failures = 0, lock_count = lock_count + 1, locked_until = ?
                WHERE tenant_id = ? AND user_id = ?""", until, tenantId, userId);
    }

    /**
     * A success: the failure count starts again, unless the user is locked at {@code now}, in which
     * case nothing changes and the lock's end is answered. Writes nothing for a user with no failures.
     */
    public Optional<Instant> resetUnlessLocked(String tenantId, String userId, Instant now) {
        return jdbc.query("""
                UPDATE user_guard SET failures = CASE WHEN locked_until > ? THEN failures ELSE 0 END
                WHERE tenant_id = ? AND user_id = ? AND (failures > 0 OR locked_until > ?)
                RETURNING locked_until""", row -> Optional.ofNullable(Jdbc.instant(row, 1)), now, tenantId, userId, now)
                .stream().flatMap(Optional::stream).filter(now::isBefore).findFirst();
    }

    /** An operator's unlock: the count starts again; earlier locks still double the next one. */
    public void unlock(String tenantId, String userId) {
        jdbc.update("UPDATE user_guard SET failures = 0, locked_until = NULL WHERE tenant_id = ? AND user_id = ?",
                tenantId, userId);
    }

    /** Push suspended until {@code until}, or longer if a cool-down already runs past it. */
    public void suspendPush(String tenantId, String userId, Instant until) {
        jdbc.update("""
                INSERT INTO user_guard (tenant_id, user_id, failures, lock_count, push_blocked_until) VALUES (?, ?, 0, 0, ?)
                ON CONFLICT (tenant_id, user_id) DO UPDATE
                SET push_blocked_until = GREATEST(user_guard.push_blocked_until, EXCLUDED.push_blocked_until)""",
                tenantId, userId, until);
    }

    private static UserGuard guard(ResultSet row) throws SQLException {
        return guard(row, 1);
    }

    /** The guard in {@link #COLUMNS}' order from {@code first} on; a user without a row has {@link UserGuard#NONE}. */
    static UserGuard guard(ResultSet row, int first) throws SQLException {
        if (row.getObject(first) == null) {
            return UserGuard.NONE;
        }
        return new UserGuard(row.getInt(first), Jdbc.instant(row, first + 1), row.getInt(first + 2), Jdbc.instant(row, first + 3));
    }
}
