package dev.openfactor.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The persistence idiom of the platform and of verification- and notification-service: SQL
 * statements on the connection of the caller's JTA transaction (Agroal hands every call in one
 * transaction the same enlisted connection) or, called outside one, each statement committing by
 * itself (a hot path whose whole change is one statement); rows mapped to records by a
 * {@link RowReader}, and timestamps read by {@link #instant}, the one conversion. No ORM session:
 * nothing is loaded that is not asked for and nothing is flushed behind a statement's back. In enrollment-service,
 * whose entities are Hibernate's, use it only for tables no pending entity change touches.
 */
@ApplicationScoped
public class Jdbc {

    /** Maps the current row; the cursor is already on it. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int update(String sql, Object... parameters) {
        return work(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                return statement.executeUpdate();
            }
        });
    }

    /** One statement, many parameter rows, one round trip (the driver pipelines the batch). */
    public int[] batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    bindAll(connection, statement, row);
                    statement.addBatch();
                }
                return statement.executeBatch();
            }
        });
    }

    public <T> List<T> query(String sql, RowReader<T> reader, Object... parameters) {
        return work(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters);
                    ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
                return result;
            }
        });
    }

    /** The first row, if any. */
    public <T> Optional<T> first(String sql, RowReader<T> reader, Object... parameters) {
        return query(sql, reader, parameters).stream().findFirst();
    }

    public long count(String sql, Object... parameters) {
        return query(sql, row -> row.getLong(1), parameters).get(0);
    }

    /** A {@code timestamptz} column as an {@link Instant} (null stays null). */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime t = row.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private <T> T work(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bindAll(connection, statement, parameters);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bindAll(Connection connection, PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            bind(connection, statement, i + 1, values[i]);
        }
    }

    /** {@code String[]} binds as a PostgreSQL {@code text[]}, for {@code unnest(?)} over a whole batch. */
    private static void bind(Connection connection, PreparedStatement statement, int index, Object value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String[] texts) {
            statement.setArray(index, connection.createArrayOf("text", texts));
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof Enum<?> e) {
            statement.setString(index, e.name());
        } else {
            statement.setObject(index, value);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
