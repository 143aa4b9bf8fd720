package dev.keel.sql.jdbc;

import dev.keel.sql.value.Affinity;
import dev.keel.sql.value.Blob;
import dev.keel.sql.value.Numbers;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A forward-only, read-only result set over a query's rows. Getters convert as SQLite's do: a number column read as
 * text gives its text, text read as a number gives its leading number (or 0), NULL gives 0 or null and sets
 * {@link #wasNull()}.
 *
 * <p>Not thread-safe.
 */
final class KeelResultSet extends UnsupportedResultSet {

    private final @Nullable KeelStatement statement;
    private final List<String> columns;
    private final List<Object[]> rows;
    private int position = -1;
    private boolean wasNull;
    private boolean closed;

    KeelResultSet(@Nullable KeelStatement statement, List<String> columns, List<Object[]> rows) {
        this.statement = statement;
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    List<String> columnNames() {
        return columns;
    }

    List<Object[]> rowList() {
        return rows;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw Errors.closed("result set");
        }
    }

    private @Nullable Object value(int column) throws SQLException {
        checkOpen();
        if (position < 0 || position >= rows.size()) {
            throw new SQLException("no current row (call next() first, and only while it returns true)", "24000");
        }
        if (column < 1 || column > columns.size()) {
            throw new SQLException(
                    "column index " + column + " out of range (expected: 1 to " + columns.size() + ")", "07009");
        }
        Object v = rows.get(position)[column - 1];
        wasNull = v == null;
        return v;
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (position < rows.size()) {
            position++;
        }
        return position < rows.size();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (statement != null) {
                try {
                    statement.statementResultSetClosed();
                } catch (SQLException e) {
                    throw new IllegalStateException("closing the statement on completion failed", e);
                }
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(label)) {
                return i + 1;
            }
        }
        throw new SQLException(
                "no column '" + label + "' in the result (columns: " + String.join(", ", columns) + ")", "42S22");
    }

    @Override
    public @Nullable String getString(int column) throws SQLException {
        return Numbers.toText(value(column));
    }

    @Override
    public @Nullable String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public long getLong(int column) throws SQLException {
        Object v = Affinity.INTEGER.cast(value(column));
        return v == null ? 0 : (Long) v;
    }

    @Override
    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    @Override
    public int getInt(int column) throws SQLException {
        long v = getLong(column);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new SQLException("column " + column + " = " + v + " does not fit in an int", "22003");
        }
        return (int) v;
    }

    @Override
    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    @Override
    public short getShort(int column) throws SQLException {
        int v = getInt(column);
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw new SQLException("column " + column + " = " + v + " does not fit in a short", "22003");
        }
        return (short) v;
    }

    @Override
    public short getShort(String label) throws SQLException {
        return getShort(findColumn(label));
    }

    @Override
    public byte getByte(int column) throws SQLException {
        int v = getInt(column);
        if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
            throw new SQLException("column " + column + " = " + v + " does not fit in a byte", "22003");
        }
        return (byte) v;
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return getByte(findColumn(label));
    }

    @Override
    public double getDouble(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : Numbers.toDouble(Numbers.toNumeric(v));
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return getDouble(findColumn(label));
    }

    @Override
    public float getFloat(int column) throws SQLException {
        return (float) getDouble(column);
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return getFloat(findColumn(label));
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        return getDouble(column) != 0;
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return getBoolean(findColumn(label));
    }

    @Override
    public @Nullable BigDecimal getBigDecimal(int column) throws SQLException {
        Object v = value(column);
        return switch (Numbers.toNumeric(v)) {
            case null -> null;
            case Long l -> BigDecimal.valueOf(l);
            case Double d -> BigDecimal.valueOf(d);
            default -> throw new SQLException("column " + column + " is not a number");
        };
    }

    @Override
    public @Nullable BigDecimal getBigDecimal(String label) throws SQLException {
        return getBigDecimal(findColumn(label));
    }

    @Override
    public byte @Nullable [] getBytes(int column) throws SQLException {
        Object v = value(column);
        return switch (v) {
            case null -> null;
            case Blob b -> b.bytes();
            default -> Numbers.toText(v).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        };
    }

    @Override
    public byte @Nullable [] getBytes(String label) throws SQLException {
        return getBytes(findColumn(label));
    }

    @Override
    public @Nullable Object getObject(int column) throws SQLException {
        Object v = value(column);
        return v instanceof Blob b ? b.bytes() : v;
    }

    @Override
    public @Nullable Object getObject(String label) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public <T> @Nullable T getObject(int column, Class<T> type) throws SQLException {
        Object v = value(column);
        if (v == null) {
            return null;
        }
        Object converted;
        if (type == String.class) {
            converted = getString(column);
        } else if (type == Long.class) {
            converted = getLong(column);
        } else if (type == Integer.class) {
            converted = getInt(column);
        } else if (type == Double.class) {
            converted = getDouble(column);
        } else if (type == Boolean.class) {
            converted = getBoolean(column);
        } else if (type == BigDecimal.class) {
            converted = getBigDecimal(column);
        } else if (type == byte[].class) {
            converted = getBytes(column);
        } else if (type.isInstance(v)) {
            converted = v;
        } else {
            throw new SQLException("cannot read column " + column + " as " + type.getName(), "22018");
        }
        return type.cast(converted);
    }

    @Override
    public <T> @Nullable T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new KeelResultSetMetaData(columns, rows);
    }

    @Override
    public @Nullable Statement getStatement() {
        return statement;
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return position >= 0 && position < rows.size() ? position + 1 : 0;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return position < 0 && !rows.isEmpty();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return position >= rows.size() && !rows.isEmpty();
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return position == 0 && !rows.isEmpty();
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return position == rows.size() - 1 && !rows.isEmpty();
    }

    @Override
    public int getType() {
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
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
    public @Nullable SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {}
}
