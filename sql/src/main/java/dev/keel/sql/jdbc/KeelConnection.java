package dev.keel.sql.jdbc;

import dev.keel.sql.SqlException;
import dev.keel.sql.engine.Database;
import dev.keel.sql.engine.Session;
import dev.keel.sql.engine.StatementResult;
import dev.keel.sql.parse.Parser;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * A JDBC connection: one keel {@link Session}. In autocommit mode (the default) every statement is its own
 * transaction; with autocommit off, the first statement begins a transaction that {@link #commit()} or
 * {@link #rollback()} ends. Transactions are serializable (the only level keel has).
 *
 * <p>Not thread-safe, as JDBC connections usually are not: use it from one thread at a time, and end a transaction
 * on the thread that began it.
 */
final class KeelConnection extends UnsupportedConnection {

    private final Session session;
    private final String url;
    private boolean autoCommit = true;
    private boolean closed;

    KeelConnection(Database database, String url) {
        this.session = database.openSession();
        this.url = url;
    }

    String url() {
        return url;
    }

    Session session() {
        return session;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw Errors.closed("connection");
        }
    }

    /** Runs a statement, first beginning a transaction if autocommit is off and none is open. */
    StatementResult run(Parser.Parsed parsed, @Nullable Object[] parameters) throws SQLException {
        checkOpen();
        try {
            if (!autoCommit && !session.inTransaction() && !isTransactionControl(parsed)) {
                session.execute("BEGIN");
            }
            return session.execute(parsed, parameters);
        } catch (SqlException e) {
            throw Errors.of(e);
        }
    }

    private static boolean isTransactionControl(Parser.Parsed parsed) {
        return parsed.statement() instanceof dev.keel.sql.parse.Statement.Begin
                || parsed.statement() instanceof dev.keel.sql.parse.Statement.Commit
                || parsed.statement() instanceof dev.keel.sql.parse.Statement.Rollback;
    }

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return new KeelStatement(this);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        checkForwardOnly(resultSetType, resultSetConcurrency);
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        try {
            return new KeelPreparedStatement(this, Parser.parseStatement(sql));
        } catch (SqlException e) {
            throw Errors.of(e);
        }
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        checkForwardOnly(resultSetType, resultSetConcurrency);
        return prepareStatement(sql);
    }

    private static void checkForwardOnly(int type, int concurrency) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw new SQLFeatureNotSupportedException(
                    "result sets are TYPE_FORWARD_ONLY and CONCUR_READ_ONLY (asked for type " + type + ", concurrency "
                            + concurrency + ")");
        }
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        if (autoCommit && !this.autoCommit && session.inTransaction()) {
            commit();
        }
        this.autoCommit = autoCommit;
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public void commit() throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw new SQLException("commit() with autocommit on (call setAutoCommit(false) first)", "25000");
        }
        if (session.inTransaction()) {
            run(Parser.parseStatement("COMMIT"), new Object[0]);
        }
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw new SQLException("rollback() with autocommit on (call setAutoCommit(false) first)", "25000");
        }
        if (session.inTransaction()) {
            run(Parser.parseStatement("ROLLBACK"), new Object[0]);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            session.close();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw new SQLException("timeout (" + timeout + ") must not be negative", "22023");
        }
        return !closed;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new KeelDatabaseMetaData(this);
    }

    @Override
    public int getTransactionIsolation() {
        return TRANSACTION_SERIALIZABLE;
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        if (level != TRANSACTION_SERIALIZABLE
                && level != TRANSACTION_READ_COMMITTED
                && level != TRANSACTION_READ_UNCOMMITTED
                && level != TRANSACTION_REPEATABLE_READ) {
            throw new SQLException("unknown transaction isolation level " + level, "22023");
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public @Nullable SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {}

    @Override
    public String nativeSQL(String sql) {
        return sql;
    }

    @Override
    public void setCatalog(String catalog) {}

    @Override
    public @Nullable String getCatalog() {
        return null;
    }

    @Override
    public void setSchema(String schema) {}

    @Override
    public @Nullable String getSchema() {
        return null;
    }

    @Override
    public int getHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public String toString() {
        return "KeelConnection[" + url + (closed ? ", closed]" : "]");
    }
}
