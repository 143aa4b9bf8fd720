package dev.keel.sql.jdbc;

import dev.keel.sql.SqlException;
import dev.keel.sql.engine.StatementResult;
import dev.keel.sql.parse.Parser;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A JDBC statement. A SQL string with several statements separated by {@code ;} runs them all; the last one's result
 * is the statement's result.
 *
 * <p>Not thread-safe.
 */
class KeelStatement extends UnsupportedStatement {

    private final KeelConnection connection;
    private final List<String> batch = new ArrayList<>();
    private @Nullable KeelResultSet resultSet;
    private long updateCount = -1;
    private int maxRows;
    private boolean closed;
    private boolean closeOnCompletion;

    KeelStatement(KeelConnection connection) {
        this.connection = connection;
    }

    final KeelConnection keelConnection() {
        return connection;
    }

    final void checkOpen() throws SQLException {
        if (closed) {
            throw Errors.closed("statement");
        }
        connection.checkOpen();
    }

    /** Runs parsed statements and keeps the last result; returns whether it is a result set. */
    final boolean runAll(List<Parser.Parsed> statements, @Nullable Object[] parameters) throws SQLException {
        checkOpen();
        clearResult();
        StatementResult last = StatementResult.count(0);
        for (Parser.Parsed parsed : statements) {
            last = connection.run(parsed, parameters);
        }
        if (last.isQuery()) {
            List<Object[]> rows = last.rows();
            if (maxRows > 0 && rows.size() > maxRows) {
                rows = rows.subList(0, maxRows);
            }
            resultSet = new KeelResultSet(this, last.columns(), rows);
            return true;
        }
        updateCount = last.updateCount();
        return false;
    }

    private void clearResult() {
        if (resultSet != null) {
            resultSet.close();
        }
        resultSet = null;
        updateCount = -1;
    }

    private static List<Parser.Parsed> parse(String sql) throws SQLException {
        try {
            return Parser.parseScript(sql);
        } catch (SqlException e) {
            throw Errors.of(e);
        }
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return runAll(parse(sql), new Object[0]);
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        if (!execute(sql)) {
            throw new SQLException("executeQuery: the statement returned no result set (use executeUpdate): " + sql);
        }
        return resultSet;
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        if (execute(sql)) {
            throw new SQLException("executeUpdate: the statement returned a result set (use executeQuery): " + sql);
        }
        return (int) Math.min(Integer.MAX_VALUE, updateCount);
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        executeUpdate(sql);
        return updateCount;
    }

    @Override
    public @Nullable ResultSet getResultSet() throws SQLException {
        checkOpen();
        return resultSet;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        checkOpen();
        return (int) Math.min(Integer.MAX_VALUE, updateCount);
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        checkOpen();
        clearResult();
        return false;
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        checkOpen();
        int[] counts = new int[batch.size()];
        try {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = executeUpdate(batch.get(i));
            }
        } finally {
            batch.clear();
        }
        return counts;
    }

    void statementResultSetClosed() throws SQLException {
        if (closeOnCompletion) {
            close();
        }
    }

    @Override
    public void close() {
        if (!closed) {
            clearResult();
            closed = true;
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    @Override
    public int getMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw new SQLException("maxRows (" + max + ") must not be negative", "22023");
        }
        maxRows = max;
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) {
            throw new SQLException("queryTimeout (" + seconds + ") must not be negative", "22023");
        }
    }

    @Override
    public int getFetchSize() {
        return 0;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        if (rows < 0) {
            throw new SQLException("fetchSize (" + rows + ") must not be negative", "22023");
        }
    }

    @Override
    public int getFetchDirection() {
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        if (direction != ResultSet.FETCH_FORWARD) {
            throw new SQLException("only FETCH_FORWARD is supported (got " + direction + ")", "0A000");
        }
    }

    @Override
    public int getResultSetType() {
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public void setEscapeProcessing(boolean enable) {}

    @Override
    public @Nullable SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {}

    @Override
    public void setPoolable(boolean poolable) {}

    @Override
    public boolean isPoolable() {
        return false;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() {
        return closeOnCompletion;
    }
}
