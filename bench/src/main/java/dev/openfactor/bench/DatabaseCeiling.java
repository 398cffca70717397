package dev.openfactor.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Reference for TOTP verification: the same durable work without the service, i.e. the
 * single-row conditional UPDATE that replay protection needs, one committed transaction per
 * operation, over as many connections as the service's pool.
 */
final class DatabaseCeiling {

    Saturation.Result measure(int connections, Duration duration, int rows) throws SQLException {
        try (Connection admin = connect(); Statement s = admin.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_replay_ceiling");
            s.execute("CREATE TABLE bench_replay_ceiling (credential_id INT PRIMARY KEY, last_step BIGINT NOT NULL)");
            s.execute("INSERT INTO bench_replay_ceiling SELECT g, 0 FROM generate_series(0, " + (rows - 1) + ") g");
        }
        PreparedStatement[] statements = new PreparedStatement[connections];
        try {
            return JdbcWorkers.saturate(connections, duration, "public", (connection, worker, seq) -> {
                if (statements[worker] == null) { // prepared once per connection, as a pool's statement cache would
                    statements[worker] = connection.prepareStatement(
                            "UPDATE bench_replay_ceiling SET last_step = ? WHERE credential_id = ? AND last_step < ?");
                }
                long step = System.nanoTime(); // grows, as accepted time steps do
                PreparedStatement update = statements[worker];
                update.setLong(1, step);
                update.setInt(2, (int) ((seq * connections + worker) % rows));
                update.setLong(3, step);
                return update.executeUpdate() == 1;
            });
        } finally {
            try (Connection admin = connect(); Statement s = admin.createStatement()) {
                s.execute("DROP TABLE bench_replay_ceiling");
            }
        }
    }

    private Connection connect() throws SQLException {
        return BenchDatabases.connect("verification");
    }
}
