package dev.keel.sql;

import java.io.Serial;

/**
 * A statement keel cannot run: bad SQL, an unknown table or column, a violated constraint. The engine's state is
 * unchanged when one is thrown (a failed statement leaves nothing behind).
 *
 * <p>Immutable.
 */
public final class SqlException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final SqlError error;

    /** An exception of kind {@code error} with a message that names the offending value. */
    public SqlException(SqlError error, String message) {
        super(message);
        this.error = error;
    }

    /** The kind of error, stable across releases. */
    public SqlError error() {
        return error;
    }

    /** The SQLSTATE of {@link #error()}. */
    public String sqlState() {
        return error.sqlState();
    }
}
