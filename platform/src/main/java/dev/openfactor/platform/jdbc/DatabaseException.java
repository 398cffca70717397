package dev.openfactor.platform.jdbc;

import java.sql.SQLException;

/** A statement failed; unchecked so that it rolls the caller's transaction back on its way out. */
public class DatabaseException extends RuntimeException {

    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
