package dev.keel.sql.jdbc;

import dev.keel.sql.SqlException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;

/** keel's errors as JDBC's: the message and the SQLSTATE carried over, the subclass chosen by the SQLSTATE class. */
final class Errors {

    private Errors() {}

    static SQLException of(SqlException e) {
        String state = e.sqlState();
        if (state.startsWith("23")) {
            return new SQLIntegrityConstraintViolationException(e.getMessage(), state, e);
        }
        if (state.startsWith("42")) {
            return new SQLSyntaxErrorException(e.getMessage(), state, e);
        }
        return new SQLException(e.getMessage(), state, e);
    }

    static SQLException closed(String what) {
        return new SQLException(what + " is closed", "08003");
    }
}
