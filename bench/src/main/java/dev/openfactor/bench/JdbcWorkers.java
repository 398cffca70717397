package dev.openfactor.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The database references' client: one plain JDBC connection to the bench's verification database
 * per saturation worker, as many as the service's pool, closed afterwards.
 */
final class JdbcWorkers {

    /** One operation on the worker's own connection; true if it did what it should. */
    @FunctionalInterface
    interface Work {
        boolean run(Connection connection, int worker, long seq) throws SQLException;
    }

    private JdbcWorkers() {
    }

    /** Each connection in autocommit, as the service runs its sign-in statements, with {@code schema} first on its path. */
    static Saturation.Result saturate(int connections, Duration duration, String schema, Work work) throws SQLException {
        Connection[] pool = new Connection[connections];
        try {
            for (int i = 0; i < connections; i++) {
                pool[i] = BenchDatabases.connect("verification");
                pool[i].setSchema(schema);
            }
            return Saturation.run(connections, duration, (worker, seq) -> {
                try {
                    return work.run(pool[worker], worker, seq) ? Saturation.Outcome.OK : Saturation.Outcome.FAILED;
                } catch (SQLException e) {
                    return Saturation.Outcome.FAILED;
                }
            });
        } finally {
            for (Connection c : pool) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }
}
