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
 * one (read the profile and guard in one query, then one statement that spends the step, resets
 * the guard and writes the challenge row and its two audit rows, each committing by itself), on copies of its own tables, from a plain JDBC pool with the
 * service's connection count. What the service adds on top is the framework's.
 */
final class SignInCeiling {

    private static final String[] TABLES = {"user_profile", "user_guard", "totp_state", "challenge", "outbox"};

    private static final String READ = """
            SELECT p.version, p.updated_at, CASE WHEN p.version = ? AND p.updated_at = ? THEN NULL ELSE p.snapshot END, g.failures, g.locked_until, g.lock_count, g.push_blocked_until
            FROM ceiling_user_profile p LEFT JOIN ceiling_user_guard g ON g.tenant_id = p.tenant_id AND g.user_id = p.user_id
            WHERE p.tenant_id = ? AND p.user_id = ?""";

    /** verification-service's TotpApprovals statement, on the copies. */
    private static final String APPROVE = """
            WITH step AS (
                INSERT INTO ceiling_totp_state (method_id, tenant_id, last_step) VALUES (?, ?, ?)
                ON CONFLICT (method_id) DO UPDATE SET last_step = EXCLUDED.last_step
                WHERE ceiling_totp_state.last_step < EXCLUDED.last_step
                RETURNING 1
            ), guard AS (
                UPDATE ceiling_user_guard SET failures = CASE WHEN locked_until > ?::timestamptz THEN failures ELSE 0 END
                WHERE tenant_id = ? AND user_id = ? AND (failures > 0 OR locked_until > ?::timestamptz)
                    AND EXISTS (SELECT 1 FROM step)
                RETURNING locked_until
            ), approved AS (
                SELECT 1 FROM step WHERE NOT EXISTS (SELECT 1 FROM guard WHERE locked_until > ?::timestamptz)
            ), challenge AS (
                INSERT INTO ceiling_challenge (id, tenant_id, user_id, method, method_id, status, delivery, number_match,
                    code_salt, code_hash, attempts_left, context, reason, expires_at, created_at, decided_at)
                SELECT ?, ?, ?, 'TOTP', ?, 'APPROVED', NULL, NULL, NULL, NULL, 1, '{}', NULL, ?::timestamptz,
                    ?::timestamptz, ?::timestamptz WHERE EXISTS (SELECT 1 FROM approved)
            ), audit AS (
                INSERT INTO ceiling_outbox (id, topic, message_key, ce_type, ce_source, ce_subject, ce_time, payload, created_at)
                SELECT r.id::uuid, r.topic, r.message_key, r.ce_type, r.ce_source, r.ce_subject, r.ce_time::timestamptz,
                    r.payload, r.created_at::timestamptz
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS r(id, topic, message_key, ce_type, ce_source, ce_subject, ce_time, payload, created_at)
                WHERE EXISTS (SELECT 1 FROM approved)
            )
            SELECT EXISTS (SELECT 1 FROM step), (SELECT locked_until FROM guard)""";

    /** When every copied profile was stored. */
    private static final Timestamp STORED = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));

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
                    + "', '" + STORED.toInstant() + "' FROM generate_series(0, " + (users - 1) + ") g");
            s.execute("ANALYZE");
        }
        try {
            return JdbcWorkers.saturate(connections, duration, true, (connection, worker, seq) -> {
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
        Instant now = Instant.now();
        Timestamp nowTs = Timestamp.from(now);
        String challengeId = UUID.randomUUID().toString();
        try (PreparedStatement read = c.prepareStatement(READ)) {
            // the service holds every profile decoded and current: the snapshot does not travel
            read.setLong(1, 1);
            read.setTimestamp(2, STORED);
            read.setString(3, "ceiling");
            read.setString(4, userId);
            read.executeQuery().close();
        }
        try (PreparedStatement approve = c.prepareStatement(APPROVE)) {
            int i = 0;
            approve.setString(++i, "totp-" + userId);
            approve.setString(++i, "ceiling");
            approve.setLong(++i, step);
            approve.setTimestamp(++i, nowTs);
            approve.setString(++i, "ceiling");
            approve.setString(++i, userId);
            approve.setTimestamp(++i, nowTs);
            approve.setTimestamp(++i, nowTs);
            approve.setString(++i, challengeId);
            approve.setString(++i, "ceiling");
            approve.setString(++i, userId);
            approve.setString(++i, "totp-" + userId);
            approve.setTimestamp(++i, Timestamp.from(now.plusSeconds(300)));
            approve.setTimestamp(++i, nowTs);
            approve.setTimestamp(++i, nowTs);
            String[][] audit = auditRows(userId, challengeId, now);
            for (String[] column : audit) {
                approve.setArray(++i, c.createArrayOf("text", column));
            }
            approve.executeQuery().close();
        }
    }

    /** The challenge's two audit rows, as the outbox's nine text columns. */
    private static String[][] auditRows(String userId, String challengeId, Instant now) {
        String[][] columns = new String[9][2];
        String[] types = {"challenge.created", "challenge.approved"};
        for (int r = 0; r < 2; r++) {
            String[] row = {UUID.randomUUID().toString(), "openfactor.audit", "ceiling/" + userId, "dev.openfactor.audit." + types[r],
                "openfactor/verification-service", challengeId, now.toString(), AUDIT_PAYLOAD, now.toString()};
            for (int col = 0; col < 9; col++) {
                columns[col][r] = row[col];
            }
        }
        return columns;
    }

    private static Connection connect() throws SQLException {
        return BenchDatabases.connect("verification");
    }
}
