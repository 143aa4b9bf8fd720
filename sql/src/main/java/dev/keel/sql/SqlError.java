package dev.keel.sql;

/** What went wrong in a statement, with the SQLSTATE a JDBC caller sees for it. */
public enum SqlError {
    /** The text is not valid SQL: the message names the line, the column, what was found and what was expected. */
    SYNTAX("42000"),
    /** A table or view that does not exist. */
    UNKNOWN_TABLE("42S02"),
    /** A column that does not exist in any table in scope, or is ambiguous. */
    UNKNOWN_COLUMN("42S22"),
    /** An index, trigger or function that does not exist. */
    UNKNOWN_OBJECT("42000"),
    /** A table, view, index or trigger created under a name already taken. */
    DUPLICATE_OBJECT("42S01"),
    /** A UNIQUE or PRIMARY KEY constraint would be violated. */
    UNIQUE_VIOLATION("23505"),
    /** A NOT NULL constraint would be violated. */
    NOT_NULL_VIOLATION("23502"),
    /** A value of the wrong kind (a non-integer primary key, a bad parameter). */
    DATA_EXCEPTION("22000"),
    /** A statement that is valid SQL but not allowed here (writing to a view, a wrong number of values). */
    INVALID_STATEMENT("42000"),
    /** An arithmetic result out of range (an integer SUM that overflows). */
    NUMERIC_OVERFLOW("22003"),
    /** A transaction command out of order (COMMIT without BEGIN). */
    INVALID_TRANSACTION_STATE("25000"),
    /** The log of a file database could not be written: the statement or transaction was not committed. */
    STORAGE_FAILURE("58030");

    private final String sqlState;

    SqlError(String sqlState) {
        this.sqlState = sqlState;
    }

    /** The five-character SQLSTATE for this error. */
    public String sqlState() {
        return sqlState;
    }
}
