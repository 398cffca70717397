package dev.openfactor.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.openfactor.verification.repository.ProfileRepository;
import dev.openfactor.verification.repository.TotpApprovals;

/**
 * The fair reference for a TOTP sign-in: verification-service's own statements for one, run
 * verbatim (read the profile and guard in one query, then one statement that spends the step,
 * resets the guard and writes the challenge row and its two audit rows, each committing by itself),
 * on copies of its tables in a schema of their own, from a plain JDBC pool with the service's
 * connection count. What the service adds on top is the framework's.
 */
final class SignInCeiling {

    private static final String SCHEMA = "ceiling";

    private static final String[] TABLES = {"user_profile", "user_guard", "totp_state", "challenge", "outbox"};

    /** When every copied profile was stored. */
    private static final Timestamp STORED = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));

    /** A typical profile snapshot's size: the row is read on every sign-in. */
    private static final String SNAPSHOT = "{\"methods\":[" + "{\"type\":\"totp\",\"methodId\":\"m\"},".repeat(12) + "{}]}";

    private static final String AUDIT_PAYLOAD = "{\"tenantId\":\"t\",\"userId\":\"u\",\"action\":\"challenge.approved\","
            + "\"outcome\":\"success\",\"actor\":\"frontend\",\"details\":{\"method\":\"totp\"}}";

    Saturation.Result measure(int connections, Duration duration, int users) throws SQLException {
        try (Connection admin = connect(); Statement s = admin.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
            for (String table : TABLES) {
                s.execute("CREATE TABLE " + SCHEMA + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
            }
            s.execute("INSERT INTO " + SCHEMA + ".user_profile SELECT 'ceiling', 'user-' || g, 1, '" + SNAPSHOT
                    + "', '" + STORED.toInstant() + "' FROM generate_series(0, " + (users - 1) + ") g");
            s.execute("ANALYZE");
        }
        try {
            return JdbcWorkers.saturate(connections, duration, SCHEMA, (connection, worker, seq) -> {
                // steps grow, as accepted ones do
                return signIn(connection, "user-" + (seq * connections + worker) % users, System.nanoTime());
            });
        } finally {
            try (Connection admin = connect(); Statement s = admin.createStatement()) {
                s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
            }
        }
    }

    /** True if the step was spent, as the service's approval needs. */
    private static boolean signIn(Connection c, String userId, long step) throws SQLException {
        Instant now = Instant.now();
        Timestamp nowTs = Timestamp.from(now);
        String challengeId = UUID.randomUUID().toString();
        try (PreparedStatement read = c.prepareStatement(ProfileRepository.SIGN_IN_READ)) {
            // the service holds every profile decoded and current: the snapshot does not travel
            read.setLong(1, 1);
            read.setTimestamp(2, STORED);
            read.setString(3, "ceiling");
            read.setString(4, userId);
            read.executeQuery().close();
        }
        try (PreparedStatement approve = c.prepareStatement(TotpApprovals.APPROVE)) {
            String methodId = "totp-" + userId;
            // the step, the guard, then the challenge row's columns in ChallengeRepository's order
            Object[] values = {methodId, "ceiling", step, nowTs, "ceiling", userId, nowTs, nowTs,
                challengeId, "ceiling", userId, "TOTP", methodId, "APPROVED", null, null, null, null, 1, "{}", null,
                Timestamp.from(now.plusSeconds(300)), nowTs, nowTs};
            int i = 0;
            for (Object value : values) {
                approve.setObject(++i, value);
            }
            String[][] audit = auditRows(userId, challengeId, now);
            for (String[] column : audit) {
                approve.setArray(++i, c.createArrayOf("text", column));
            }
            try (ResultSet result = approve.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
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
