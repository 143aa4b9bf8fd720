package dev.keel.sql.jdbc;

import dev.keel.sql.parse.Parser;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A prepared statement: parsed once, run many times with {@code ?} parameters; batches run their parameter sets in
 * order.
 *
 * <p>Not thread-safe.
 */
final class KeelPreparedStatement extends UnsupportedPreparedStatement {

    private static final Object UNSET = new Object();

    private final Parser.Parsed parsed;
    private final Object[] parameters;
    private final List<Object[]> batches = new ArrayList<>();

    KeelPreparedStatement(KeelConnection connection, Parser.Parsed parsed) {
        super(connection);
        this.parsed = parsed;
        this.parameters = new Object[parsed.parameterCount()];
        Arrays.fill(parameters, UNSET);
    }

    private Object[] values() throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == UNSET) {
                throw new SQLException(
                        "parameter " + (i + 1) + " is not set (" + parameters.length + " parameters)", "07001");
            }
        }
        return parameters.clone();
    }

    private void set(int index, @Nullable Object value) throws SQLException {
        checkOpen();
        if (index < 1 || index > parameters.length) {
            throw new SQLException(
                    "parameter index " + index + " out of range (expected: 1 to " + parameters.length + ")", "07009");
        }
        parameters[index - 1] = value;
    }

    @Override
    public boolean execute() throws SQLException {
        return runAll(List.of(parsed), values());
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        if (!execute()) {
            throw new SQLException("executeQuery: the statement returned no result set (use executeUpdate)");
        }
        return getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        if (execute()) {
            throw new SQLException("executeUpdate: the statement returned a result set (use executeQuery)");
        }
        return getUpdateCount();
    }

    @Override
    public void addBatch() throws SQLException {
        batches.add(values());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batches.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        checkOpen();
        int[] counts = new int[batches.size()];
        try {
            for (int i = 0; i < counts.length; i++) {
                if (runAll(List.of(parsed), batches.get(i))) {
                    throw new SQLException("a batch cannot contain a query");
                }
                counts[i] = getUpdateCount();
            }
        } finally {
            batches.clear();
        }
        return counts;
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(parameters, UNSET);
    }

    @Override
    public void setNull(int index, int sqlType) throws SQLException {
        set(index, null);
    }

    @Override
    public void setBoolean(int index, boolean x) throws SQLException {
        set(index, x ? 1L : 0L);
    }

    @Override
    public void setByte(int index, byte x) throws SQLException {
        set(index, (long) x);
    }

    @Override
    public void setShort(int index, short x) throws SQLException {
        set(index, (long) x);
    }

    @Override
    public void setInt(int index, int x) throws SQLException {
        set(index, (long) x);
    }

    @Override
    public void setLong(int index, long x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setFloat(int index, float x) throws SQLException {
        set(index, (double) x);
    }

    @Override
    public void setDouble(int index, double x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setBigDecimal(int index, @Nullable BigDecimal x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setString(int index, @Nullable String x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setBytes(int index, byte @Nullable [] x) throws SQLException {
        set(index, x == null ? null : x.clone());
    }

    @Override
    public void setObject(int index, @Nullable Object x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setObject(int index, @Nullable Object x, int targetSqlType) throws SQLException {
        set(index, x);
    }

    @Override
    public @Nullable ResultSetMetaData getMetaData() {
        return null;
    }
}
