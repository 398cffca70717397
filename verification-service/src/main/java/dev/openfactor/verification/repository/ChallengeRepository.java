package dev.openfactor.verification.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.openfactor.platform.jdbc.Jdbc;
import dev.openfactor.verification.domain.Challenge;
import dev.openfactor.verification.domain.ChallengeMethod;
import dev.openfactor.verification.domain.ChallengeStatus;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code challenge} table. Challenges are always looked up within a tenant (and, for apps,
 * within the device's user); a save writes only what a decision changes, and only over a row
 * that is still pending, so no late writer can undo a decision.
 */
@ApplicationScoped
public class ChallengeRepository {

    static final String COLUMNS = """
            id, tenant_id, user_id, method, method_id, status, delivery, number_match, code_salt, code_hash, attempts_left,
            context, reason, expires_at, created_at, decided_at""";

    private final Jdbc jdbc;

    ChallengeRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Challenge c) {
        jdbc.update("INSERT INTO challenge (" + COLUMNS + ") VALUES (" + PLACEHOLDERS + ")", values(c));
    }

    /** {@link #COLUMNS}' values, typed so that they also bind in an {@code INSERT … SELECT}. */
    static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz";

    static Object[] values(Challenge c) {
        return new Object[] {c.id(), c.tenantId(), c.userId(), c.method(), c.methodId(), c.recordedStatus(), c.delivery(),
                c.numberMatch(), c.codeSalt(), c.codeHash(), c.attemptsLeft(), c.context(), c.reason(), c.expiresAt(),
                c.createdAt(), c.decidedAt()};
    }

    /** Writes a decision (or a spent attempt); false if the stored row had already ended. */
    public boolean save(Challenge c) {
        return jdbc.update("""
                UPDATE challenge SET status = ?, reason = ?, decided_at = ?, attempts_left = ?
                WHERE id = ? AND status = 'PENDING'""",
                c.recordedStatus(), c.reason(), c.decidedAt(), c.attemptsLeft(), c.id()) == 1;
    }

    public Optional<Challenge> find(String tenantId, String challengeId) {
        return jdbc.first("SELECT " + COLUMNS + " FROM challenge WHERE id = ? AND tenant_id = ?", ChallengeRepository::challenge,
                challengeId, tenantId);
    }

    /** Locked: an answer and a cancel, or two answers, must not both end the challenge. */
    public Optional<Challenge> lock(String tenantId, String challengeId) {
        return jdbc.first("SELECT " + COLUMNS + " FROM challenge WHERE id = ? AND tenant_id = ? FOR UPDATE",
                ChallengeRepository::challenge, challengeId, tenantId);
    }

    /** Runs before the new challenge is inserted (the push cap counts the others). */
    public long pendingPush(String tenantId, String userId, Instant now) {
        return jdbc.count("""
                SELECT count(*) FROM challenge
                WHERE tenant_id = ? AND user_id = ? AND status = ? AND method = ? AND expires_at > ?""",
                tenantId, userId, ChallengeStatus.PENDING, ChallengeMethod.PUSH, now);
    }

    public List<Challenge> pendingPushFor(String tenantId, String userId, Instant now) {
        return jdbc.query("SELECT " + COLUMNS + """
                 FROM challenge WHERE tenant_id = ? AND user_id = ? AND method = ? AND status = ? AND expires_at > ?
                ORDER BY created_at""", ChallengeRepository::challenge,
                tenantId, userId, ChallengeMethod.PUSH, ChallengeStatus.PENDING, now);
    }

    /**
     * A delivery report, as one conditional UPDATE (one arrives for every push and code sent):
     * sent is final, and a report that changes nothing writes nothing. True if it changed.
     */
    public boolean recordDelivery(String tenantId, String challengeId, Challenge.Delivery next) {
        return jdbc.update("""
                UPDATE challenge SET delivery = ?
                WHERE id = ? AND tenant_id = ? AND delivery IS DISTINCT FROM 'SENT' AND delivery IS DISTINCT FROM ?""",
                next, challengeId, tenantId, next) == 1;
    }

    /**
     * The user's unexpired pending challenges, locked; rows another transaction holds are skipped
     * (the caller must never wait on a challenge while it holds the user's guard row).
     */
    public List<Challenge> lockPendingOf(String tenantId, String userId, Instant now) {
        return jdbc.query("SELECT " + COLUMNS + """
                 FROM challenge WHERE tenant_id = ? AND user_id = ? AND status = ? AND expires_at > ?
                FOR UPDATE SKIP LOCKED""", ChallengeRepository::challenge, tenantId, userId, ChallengeStatus.PENDING, now);
    }

    /** Pending challenges past their expiry, oldest first, locked and skipped by other replicas' sweeps. */
    public List<Challenge> lockOverdue(Instant now, int limit) {
        return jdbc.query("SELECT " + COLUMNS + """
                 FROM challenge WHERE status = ? AND expires_at <= ? ORDER BY expires_at LIMIT ?
                FOR UPDATE SKIP LOCKED""", ChallengeRepository::challenge, ChallengeStatus.PENDING, now, limit);
    }

    private static Challenge challenge(ResultSet row) throws SQLException {
        String delivery = row.getString(7);
        return new Challenge(row.getString(1), row.getString(2), row.getString(3), ChallengeMethod.valueOf(row.getString(4)),
                row.getString(5), ChallengeStatus.valueOf(row.getString(6)),
                delivery == null ? null : Challenge.Delivery.valueOf(delivery), row.getString(8), row.getString(9),
                row.getString(10), row.getInt(11), row.getString(12), row.getString(13), Jdbc.instant(row, 14),
                Jdbc.instant(row, 15), Jdbc.instant(row, 16));
    }
}
