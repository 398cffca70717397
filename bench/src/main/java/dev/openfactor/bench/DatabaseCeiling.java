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
        Connection[] pool = new Connection[connections];
        PreparedStatement[] statements = new PreparedStatement[connections];
        for (int i = 0; i < connections; i++) {
            pool[i] = connect();
            statements[i] = pool[i].prepareStatement(
                    "UPDATE bench_replay_ceiling SET last_step = ? WHERE credential_id = ? AND last_step < ?");
        }
        try {
            return Saturation.run(connections, duration, (worker, seq) -> {
                long step = System.nanoTime(); // grows, as accepted time steps do
                int row = (int) ((seq * connections + worker) % rows);
                try {
                    PreparedStatement update = statements[worker];
                    update.setLong(1, step);
                    update.setInt(2, row);
                    update.setLong(3, step);
                    return update.executeUpdate() == 1 ? Saturation.Outcome.OK : Saturation.Outcome.FAILED;
                } catch (SQLException e) {
                    return Saturation.Outcome.FAILED;
                }
            });
        } finally {
            for (Connection c : pool) {
                c.close();
            }
            try (Connection admin = connect(); Statement s = admin.createStatement()) {
                s.execute("DROP TABLE bench_replay_ceiling");
            }
        }
    }

    private Connection connect() throws SQLException {
        return BenchDatabases.connect("verification");
    }
}
