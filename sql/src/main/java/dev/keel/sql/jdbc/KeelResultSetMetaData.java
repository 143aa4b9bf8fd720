package dev.keel.sql.jdbc;

import dev.keel.sql.value.Blob;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Column names and types of a result. keel's values are dynamically typed (as SQLite's are), so a column's type is
 * that of its first non-NULL value: BIGINT, DOUBLE, VARCHAR or BLOB (NULL when every value is NULL).
 *
 * <p>Immutable.
 */
final class KeelResultSetMetaData extends UnsupportedResultSetMetaData {

    private final List<String> columns;
    private final List<Object[]> rows;

    KeelResultSetMetaData(List<String> columns, List<Object[]> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    private int check(int column) throws SQLException {
        if (column < 1 || column > columns.size()) {
            throw new SQLException(
                    "column index " + column + " out of range (expected: 1 to " + columns.size() + ")", "07009");
        }
        return column - 1;
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return columns.get(check(column));
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return getColumnName(column);
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        int i = check(column);
        for (Object[] row : rows) {
            Object v = row[i];
            if (v != null) {
                return switch (v) {
                    case Long l -> Types.BIGINT;
                    case Double d -> Types.DOUBLE;
                    case Blob b -> Types.BLOB;
                    default -> Types.VARCHAR;
                };
            }
        }
        return Types.NULL;
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return switch (getColumnType(column)) {
            case Types.BIGINT -> "INTEGER";
            case Types.DOUBLE -> "REAL";
            case Types.BLOB -> "BLOB";
            case Types.VARCHAR -> "TEXT";
            default -> "NULL";
        };
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return switch (getColumnType(column)) {
            case Types.BIGINT -> Long.class.getName();
            case Types.DOUBLE -> Double.class.getName();
            case Types.BLOB -> byte[].class.getName();
            case Types.VARCHAR -> String.class.getName();
            default -> Object.class.getName();
        };
    }

    @Override
    public int isNullable(int column) throws SQLException {
        check(column);
        return columnNullableUnknown;
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        check(column);
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        check(column);
        return true;
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        check(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        check(column);
        return false;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        int type = getColumnType(column);
        return type == Types.BIGINT || type == Types.DOUBLE;
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        check(column);
        return 20;
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        check(column);
        return "";
    }

    @Override
    public String getTableName(int column) throws SQLException {
        check(column);
        return "";
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        check(column);
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        check(column);
        return 0;
    }

    @Override
    public int getScale(int column) throws SQLException {
        check(column);
        return 0;
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        check(column);
        return true;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        check(column);
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        check(column);
        return false;
    }
}
