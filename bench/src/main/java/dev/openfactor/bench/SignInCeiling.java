package dev.openfactor.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The fair reference for a TOTP sign-in: exactly the statements verification-service commits for
 * one (read the profile and guard in one query, accept the step, reset the guard, write the two
 * audit rows in one batch and the challenge row), on copies of its own tables, one transaction
 * per sign-in, from a plain JDBC pool with the service's connection count. What the service adds
 * on top is the framework's.
 */
final class SignInCeiling {

    private static final String[] TABLES = {"user_profile", "user_guard", "totp_state", "challenge", "outbox"};

    private static final String READ = """
            SELECT p.snapshot, g.failures, g.locked_until, g.lock_count, g.push_blocked_until
            FROM ceiling_user_profile p LEFT JOIN ceiling_user_guard g ON g.tenant_id = p.tenant_id AND g.user_id = p.user_id
            WHERE p.tenant_id = ? AND p.user_id = ?""";

    private static final String ACCEPT_STEP = """
            INSERT INTO ceiling_totp_state (method_id, tenant_id, last_step) VALUES (?, ?, ?)
            ON CONFLICT (method_id) DO UPDATE SET last_step = EXCLUDED.last_step
            WHERE ceiling_totp_state.last_step < EXCLUDED.last_step""";

    private static final String RESET_GUARD = """
            UPDATE ceiling_user_guard SET failures = CASE WHEN locked_until > ? THEN failures ELSE 0 END
            WHERE tenant_id = ? AND user_id = ? AND (failures > 0 OR locked_until > ?)
            RETURNING locked_until""";

    private static final String INSERT_CHALLENGE = """
            INSERT INTO ceiling_challenge (id, tenant_id, user_id, method, method_id, status, attempts_left, context,
                expires_at, created_at, decided_at) VALUES (?, ?, ?, 'TOTP', ?, 'APPROVED', 1, '{}', ?, ?, ?)""";

    private static final String INSERT_AUDIT = """
            INSERT INTO ceiling_outbox (id, topic, message_key, ce_type, ce_source, ce_subject, ce_time, payload, created_at)
            VALUES (?, 'openfactor.audit', ?, ?, 'openfactor/verification-service', ?, ?, ?, ?)""";

    /** A typical profile snapshot's size: the row is read on every sign-in. */
    private static final String SNAPSHOT = "{\"methods\":[" + "{\"type\":\"totp\",\"methodId\":\"m\"},".repeat(12) + "{}]}";

    private static final String AUDIT_PAYLOAD = "{\"tenantId\":\"t\",\"userId\":\"u\",\"action\":\"challenge.approved\","
            + "\"outcome\":\"success\",\"actor\":\"frontend\",\"details\":{\"method\":\"totp\"}}";

    Saturation.Result measure(int connections, Duration duration, int users) throws SQLException {
        try (Connection admin = connect(); Statement s = admin.createStatement()) {
            for (String table : TABLES) {
                s.execute("DROP TABLE IF EXISTS ceiling_" + table);
                s.execute("CREATE TABLE ceiling_" + table + " (LIKE " + table + " INCLUDING ALL)");
            }
            s.execute("INSERT INTO ceiling_user_profile SELECT 'ceiling', 'user-' || g, 1, '" + SNAPSHOT
                    + "', now() FROM generate_series(0, " + (users - 1) + ") g");
            s.execute("ANALYZE");
        }
        try {
            return JdbcWorkers.saturate(connections, duration, false, (connection, worker, seq) -> {
                // steps grow, as accepted ones do
                signIn(connection, "user-" + (seq * connections + worker) % users, System.nanoTime());
                return true;
            });
        } finally {
            try (Connection admin = connect(); Statement s = admin.createStatement()) {
                for (String table : TABLES) {
                    s.execute("DROP TABLE ceiling_" + table);
                }
            }
        }
    }

    private static void signIn(Connection c, String userId, long step) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        String challengeId = UUID.randomUUID().toString();
        try {
            try (PreparedStatement read = c.prepareStatement(READ)) {
                read.setString(1, "ceiling");
                read.setString(2, userId);
                read.executeQuery().close();
            }
            try (PreparedStatement accept = c.prepareStatement(ACCEPT_STEP)) {
                accept.setString(1, "totp-" + userId);
                accept.setString(2, "ceiling");
                accept.setLong(3, step);
                accept.executeUpdate();
            }
            try (PreparedStatement reset = c.prepareStatement(RESET_GUARD)) {
                reset.setTimestamp(1, now);
                reset.setString(2, "ceiling");
                reset.setString(3, userId);
                reset.setTimestamp(4, now);
                reset.executeQuery().close();
            }
            try (PreparedStatement audit = c.prepareStatement(INSERT_AUDIT)) {
                addAudit(audit, userId, challengeId, "challenge.created", now);
                addAudit(audit, userId, challengeId, "challenge.approved", now);
                audit.executeBatch();
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT_CHALLENGE)) {
                insert.setString(1, challengeId);
                insert.setString(2, "ceiling");
                insert.setString(3, userId);
                insert.setString(4, "totp-" + userId);
                insert.setTimestamp(5, Timestamp.from(now.toInstant().plusSeconds(300)));
                insert.setTimestamp(6, now);
                insert.setTimestamp(7, now);
                insert.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /** The challenge's two audit rows go as one batch, as the service's outbox writes them. */
    private static void addAudit(PreparedStatement insert, String userId, String challengeId, String type, Timestamp now)
            throws SQLException {
        insert.setObject(1, UUID.randomUUID());
        insert.setString(2, "ceiling/" + userId);
        insert.setString(3, "dev.openfactor.audit." + type);
        insert.setString(4, challengeId);
        insert.setTimestamp(5, now);
        insert.setString(6, AUDIT_PAYLOAD);
        insert.setTimestamp(7, now);
        insert.addBatch();
    }

    private static Connection connect() throws SQLException {
        return BenchDatabases.connect("verification");
    }
}
