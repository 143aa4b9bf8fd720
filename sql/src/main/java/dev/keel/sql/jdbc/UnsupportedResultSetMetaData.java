package dev.keel.sql.jdbc;

/**
 * Every method of {@link java.sql.ResultSetMetaData} that keel does not support, each failing with a
 * {@link java.sql.SQLFeatureNotSupportedException} that names it. Generated from the interface by reflection, so
 * that the driver's classes hold only what they do support. Not thread-safe.
 */
@SuppressWarnings("unused")
abstract class UnsupportedResultSetMetaData implements java.sql.ResultSetMetaData {

    @Override
    public java.lang.String getCatalogName(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getCatalogName is not supported by keel");
    }

    @Override
    public java.lang.String getColumnClassName(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "ResultSetMetaData.getColumnClassName is not supported by keel");
    }

    @Override
    public int getColumnCount() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getColumnCount is not supported by keel");
    }

    @Override
    public int getColumnDisplaySize(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "ResultSetMetaData.getColumnDisplaySize is not supported by keel");
    }

    @Override
    public java.lang.String getColumnLabel(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getColumnLabel is not supported by keel");
    }

    @Override
    public java.lang.String getColumnName(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getColumnName is not supported by keel");
    }

    @Override
    public int getColumnType(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getColumnType is not supported by keel");
    }

    @Override
    public java.lang.String getColumnTypeName(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "ResultSetMetaData.getColumnTypeName is not supported by keel");
    }

    @Override
    public int getPrecision(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getPrecision is not supported by keel");
    }

    @Override
    public int getScale(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getScale is not supported by keel");
    }

    @Override
    public java.lang.String getSchemaName(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getSchemaName is not supported by keel");
    }

    @Override
    public java.lang.String getTableName(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getTableName is not supported by keel");
    }

    @Override
    public boolean isAutoIncrement(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "ResultSetMetaData.isAutoIncrement is not supported by keel");
    }

    @Override
    public boolean isCaseSensitive(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "ResultSetMetaData.isCaseSensitive is not supported by keel");
    }

    @Override
    public boolean isCurrency(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.isCurrency is not supported by keel");
    }

    @Override
    public boolean isDefinitelyWritable(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "ResultSetMetaData.isDefinitelyWritable is not supported by keel");
    }

    @Override
    public int isNullable(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.isNullable is not supported by keel");
    }

    @Override
    public boolean isReadOnly(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.isReadOnly is not supported by keel");
    }

    @Override
    public boolean isSearchable(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.isSearchable is not supported by keel");
    }

    @Override
    public boolean isSigned(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.isSigned is not supported by keel");
    }

    @Override
    public boolean isWritable(int arg0) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.isWritable is not supported by keel");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new java.sql.SQLException("not a wrapper for " + type.getName());
    }
}
