package dev.keel.sql.jdbc;

/**
 * Every method of {@link java.sql.DatabaseMetaData} that keel does not support, each failing with a
 * {@link java.sql.SQLFeatureNotSupportedException} that names it (or, for the capability queries,
 * answering no). Generated from the interface by reflection, so
 * that the driver's classes hold only what they do support. Not thread-safe.
 */
@SuppressWarnings("unused")
abstract class UnsupportedDatabaseMetaData extends UnsupportedCapabilities implements java.sql.DatabaseMetaData {

    @Override
    public boolean allProceduresAreCallable() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean allTablesAreSelectable() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int arg0) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean generatedKeyAlwaysReturned() throws java.sql.SQLException {
        return false;
    }

    @Override
    public java.sql.ResultSet getAttributes(
            java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, java.lang.String arg3)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getAttributes is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getBestRowIdentifier(
            java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, int arg3, boolean arg4)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getBestRowIdentifier is not supported by keel");
    }

    @Override
    public java.lang.String getCatalogSeparator() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getCatalogSeparator is not supported by keel");
    }

    @Override
    public java.lang.String getCatalogTerm() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getCatalogTerm is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getCatalogs() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getCatalogs is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getClientInfoProperties() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getClientInfoProperties is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getColumnPrivileges(
            java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, java.lang.String arg3)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getColumnPrivileges is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getColumns(
            java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, java.lang.String arg3)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getColumns is not supported by keel");
    }

    @Override
    public java.sql.Connection getConnection() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getConnection is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getCrossReference(
            java.lang.String arg0,
            java.lang.String arg1,
            java.lang.String arg2,
            java.lang.String arg3,
            java.lang.String arg4,
            java.lang.String arg5)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getCrossReference is not supported by keel");
    }

    @Override
    public int getDatabaseMajorVersion() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getDatabaseMinorVersion() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public java.lang.String getDatabaseProductName() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getDatabaseProductName is not supported by keel");
    }

    @Override
    public java.lang.String getDatabaseProductVersion() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getDatabaseProductVersion is not supported by keel");
    }

    @Override
    public int getDefaultTransactionIsolation() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getDriverMajorVersion() {
        return 0;
    }

    @Override
    public int getDriverMinorVersion() {
        return 0;
    }

    @Override
    public java.lang.String getDriverName() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getDriverName is not supported by keel");
    }

    @Override
    public java.lang.String getDriverVersion() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getDriverVersion is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getExportedKeys(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getExportedKeys is not supported by keel");
    }

    @Override
    public java.lang.String getExtraNameCharacters() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getExtraNameCharacters is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getFunctionColumns(
            java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, java.lang.String arg3)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getFunctionColumns is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getFunctions(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getFunctions is not supported by keel");
    }

    @Override
    public java.lang.String getIdentifierQuoteString() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getIdentifierQuoteString is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getImportedKeys(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getImportedKeys is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getIndexInfo(
            java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, boolean arg3, boolean arg4)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getIndexInfo is not supported by keel");
    }

    @Override
    public int getJDBCMajorVersion() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getJDBCMinorVersion() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxBinaryLiteralLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxCatalogNameLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnNameLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInGroupBy() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInIndex() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInTable() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxConnections() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxCursorNameLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxIndexLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxProcedureNameLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxRowSize() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxSchemaNameLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxStatementLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxStatements() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxTableNameLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxTablesInSelect() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public int getMaxUserNameLength() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public java.lang.String getNumericFunctions() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getNumericFunctions is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getPrimaryKeys(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getPrimaryKeys is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getProcedureColumns(
            java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, java.lang.String arg3)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getProcedureColumns is not supported by keel");
    }

    @Override
    public java.lang.String getProcedureTerm() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getProcedureTerm is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getProcedures(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getProcedures is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getPseudoColumns(
            java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, java.lang.String arg3)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getPseudoColumns is not supported by keel");
    }

    @Override
    public int getResultSetHoldability() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public java.sql.RowIdLifetime getRowIdLifetime() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getRowIdLifetime is not supported by keel");
    }

    @Override
    public java.lang.String getSQLKeywords() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getSQLKeywords is not supported by keel");
    }

    @Override
    public int getSQLStateType() throws java.sql.SQLException {
        return 0;
    }

    @Override
    public java.lang.String getSchemaTerm() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getSchemaTerm is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getSchemas() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getSchemas is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getSchemas(java.lang.String arg0, java.lang.String arg1) throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getSchemas is not supported by keel");
    }

    @Override
    public java.lang.String getSearchStringEscape() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getSearchStringEscape is not supported by keel");
    }

    @Override
    public java.lang.String getStringFunctions() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getStringFunctions is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getSuperTables(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getSuperTables is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getSuperTypes(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getSuperTypes is not supported by keel");
    }

    @Override
    public java.lang.String getSystemFunctions() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getSystemFunctions is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getTablePrivileges(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getTablePrivileges is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getTableTypes() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getTableTypes is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getTables(
            java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, java.lang.String[] arg3)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getTables is not supported by keel");
    }

    @Override
    public java.lang.String getTimeDateFunctions() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getTimeDateFunctions is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getTypeInfo() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getTypeInfo is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getUDTs(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2, int[] arg3)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getUDTs is not supported by keel");
    }

    @Override
    public java.lang.String getURL() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getURL is not supported by keel");
    }

    @Override
    public java.lang.String getUserName() throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException("DatabaseMetaData.getUserName is not supported by keel");
    }

    @Override
    public java.sql.ResultSet getVersionColumns(java.lang.String arg0, java.lang.String arg1, java.lang.String arg2)
            throws java.sql.SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(
                "DatabaseMetaData.getVersionColumns is not supported by keel");
    }

    @Override
    public boolean insertsAreDetected(int arg0) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean isCatalogAtStart() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean isReadOnly() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean locatorsUpdateCopy() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean nullPlusNonNullIsNull() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean nullsAreSortedHigh() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean nullsAreSortedLow() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int arg0) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int arg0) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int arg0) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int arg0) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int arg0) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean ownUpdatesAreVisible(int arg0) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int arg0) throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean usesLocalFilePerTable() throws java.sql.SQLException {
        return false;
    }

    @Override
    public boolean usesLocalFiles() throws java.sql.SQLException {
        return false;
    }
}
