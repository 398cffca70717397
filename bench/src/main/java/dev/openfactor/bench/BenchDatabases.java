package dev.openfactor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The bench's own databases (openfactor_bench_*), emptied before each run so runs are comparable. */
final class BenchDatabases {

    static final String[] SERVICES = {"enrollment", "verification", "notification", "prompt"};

    private BenchDatabases() {
    }

    static String url(String service) {
        return "jdbc:postgresql://127.0.0.1:5432/openfactor_bench_" + service;
    }

    static Connection connect(String service) throws SQLException {
        return DriverManager.getConnection(url(service), "openfactor", "openfactor");
    }

    /** Drops every table; each service's Flyway recreates its schema at start. */
    static void empty() {
        for (String service : SERVICES) {
            try (Connection c = connect(service); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA public CASCADE");
                s.execute("CREATE SCHEMA public");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot empty openfactor_bench_" + service
                        + " (deploy/local/postgres.sh creates it): " + e.getMessage(), e);
            }
        }
    }
}
