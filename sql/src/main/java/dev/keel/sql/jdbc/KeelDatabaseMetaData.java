package dev.keel.sql.jdbc;

import dev.keel.sql.TableInfo;
import dev.keel.sql.value.Affinity;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What tools need to browse a keel database: product and driver names, the tables and views
 * ({@link #getTables}), their columns ({@link #getColumns}) and primary keys. keel has no catalogs or schemas. The
 * capability questions this class does not answer say no ({@link UnsupportedCapabilities}).
 *
 * <p>Not thread-safe; each call reads the catalog afresh.
 */
final class KeelDatabaseMetaData extends UnsupportedDatabaseMetaData {

    private final KeelConnection connection;

    KeelDatabaseMetaData(KeelConnection connection) {
        this.connection = connection;
    }

    private static ResultSet result(List<String> columns, List<Object[]> rows) {
        return new KeelResultSet(null, columns, rows);
    }

    /** A JDBC LIKE pattern ({@code %}, {@code _}, null for all) as a regex, case-insensitive as keel's names are. */
    private static Pattern pattern(@Nullable String like) {
        if (like == null) {
            return Pattern.compile(".*", Pattern.DOTALL);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : like.toCharArray()) {
            regex.append(
                    switch (c) {
                        case '%' -> ".*";
                        case '_' -> ".";
                        default -> Pattern.quote(String.valueOf(c));
                    });
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    private List<TableInfo> tables(@Nullable String tableNamePattern) throws SQLException {
        connection.checkOpen();
        Pattern p = pattern(tableNamePattern);
        return connection.session().tables().stream()
                .filter(t -> p.matcher(t.name()).matches())
                .toList();
    }

    @Override
    public ResultSet getTables(
            @Nullable String catalog,
            @Nullable String schemaPattern,
            @Nullable String tableNamePattern,
            String @Nullable [] types)
            throws SQLException {
        List<String> wanted = types == null ? List.of("TABLE", "VIEW") : Arrays.asList(types);
        List<Object[]> rows = new ArrayList<>();
        for (TableInfo t : tables(tableNamePattern)) {
            String type = t.view() ? "VIEW" : "TABLE";
            if (wanted.contains(type)) {
                rows.add(new Object[] {null, null, t.name(), type, null, null, null, null, null, null});
            }
        }
        return result(
                List.of(
                        "TABLE_CAT",
                        "TABLE_SCHEM",
                        "TABLE_NAME",
                        "TABLE_TYPE",
                        "REMARKS",
                        "TYPE_CAT",
                        "TYPE_SCHEM",
                        "TYPE_NAME",
                        "SELF_REFERENCING_COL_NAME",
                        "REF_GENERATION"),
                rows);
    }

    @Override
    public ResultSet getColumns(
            @Nullable String catalog,
            @Nullable String schemaPattern,
            @Nullable String tableNamePattern,
            @Nullable String columnNamePattern)
            throws SQLException {
        Pattern columnPattern = pattern(columnNamePattern);
        List<Object[]> rows = new ArrayList<>();
        for (TableInfo t : tables(tableNamePattern)) {
            for (int i = 0; i < t.columns().size(); i++) {
                TableInfo.ColumnInfo c = t.columns().get(i);
                if (!columnPattern.matcher(c.name()).matches()) {
                    continue;
                }
                long nullable = c.notNull() ? columnNoNulls : columnNullable;
                rows.add(new Object[] {
                    null,
                    null,
                    t.name(),
                    c.name(),
                    (long) sqlType(c.typeName()),
                    c.typeName().isEmpty() ? "BLOB" : c.typeName(),
                    null,
                    null,
                    null,
                    10L,
                    nullable,
                    null,
                    c.defaultValue(),
                    null,
                    null,
                    null,
                    (long) (i + 1),
                    c.notNull() ? "NO" : "YES",
                    null,
                    null,
                    null,
                    null,
                    "NO",
                    "NO"
                });
            }
        }
        return result(
                List.of(
                        "TABLE_CAT",
                        "TABLE_SCHEM",
                        "TABLE_NAME",
                        "COLUMN_NAME",
                        "DATA_TYPE",
                        "TYPE_NAME",
                        "COLUMN_SIZE",
                        "BUFFER_LENGTH",
                        "DECIMAL_DIGITS",
                        "NUM_PREC_RADIX",
                        "NULLABLE",
                        "REMARKS",
                        "COLUMN_DEF",
                        "SQL_DATA_TYPE",
                        "SQL_DATETIME_SUB",
                        "CHAR_OCTET_LENGTH",
                        "ORDINAL_POSITION",
                        "IS_NULLABLE",
                        "SCOPE_CATALOG",
                        "SCOPE_SCHEMA",
                        "SCOPE_TABLE",
                        "SOURCE_DATA_TYPE",
                        "IS_AUTOINCREMENT",
                        "IS_GENERATEDCOLUMN"),
                rows);
    }

    private static int sqlType(String typeName) {
        return switch (Affinity.ofTypeName(typeName)) {
            case INTEGER -> Types.BIGINT;
            case REAL -> Types.DOUBLE;
            case TEXT -> Types.VARCHAR;
            case BLOB -> Types.BLOB;
            case NUMERIC -> typeName.toUpperCase(Locale.ROOT).contains("BOOL") ? Types.BOOLEAN : Types.NUMERIC;
        };
    }

    @Override
    public ResultSet getPrimaryKeys(@Nullable String catalog, @Nullable String schema, String table)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (TableInfo t : tables(null)) {
            if (!t.name().equalsIgnoreCase(table)) {
                continue;
            }
            long seq = 1;
            for (TableInfo.ColumnInfo c : t.columns()) {
                if (c.primaryKey()) {
                    rows.add(new Object[] {null, null, t.name(), c.name(), seq++, null});
                }
            }
        }
        return result(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"), rows);
    }

    @Override
    public ResultSet getTableTypes() {
        return result(List.of("TABLE_TYPE"), List.of(new Object[] {"TABLE"}, new Object[] {"VIEW"}));
    }

    @Override
    public ResultSet getSchemas() {
        return result(List.of("TABLE_SCHEM", "TABLE_CATALOG"), List.of());
    }

    @Override
    public ResultSet getCatalogs() {
        return result(List.of("TABLE_CAT"), List.of());
    }

    @Override
    public String getDatabaseProductName() {
        return "keel";
    }

    @Override
    public String getDatabaseProductVersion() {
        return "0.1";
    }

    @Override
    public int getDatabaseMajorVersion() {
        return 0;
    }

    @Override
    public int getDatabaseMinorVersion() {
        return 1;
    }

    @Override
    public String getDriverName() {
        return "keel JDBC driver";
    }

    @Override
    public String getDriverVersion() {
        return "0.1";
    }

    @Override
    public int getDriverMajorVersion() {
        return 0;
    }

    @Override
    public int getDriverMinorVersion() {
        return 1;
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 3;
    }

    @Override
    public String getURL() {
        return connection.url();
    }

    @Override
    public String getUserName() {
        return "";
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }

    @Override
    public String getSQLKeywords() {
        return "";
    }

    @Override
    public String getCatalogSeparator() {
        return ".";
    }

    @Override
    public String getSchemaTerm() {
        return "schema";
    }

    @Override
    public String getCatalogTerm() {
        return "catalog";
    }

    @Override
    public String getProcedureTerm() {
        return "procedure";
    }

    @Override
    public String getSearchStringEscape() {
        return "\\";
    }

    @Override
    public String getExtraNameCharacters() {
        return "";
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }

    @Override
    public boolean supportsUnion() {
        return true;
    }

    @Override
    public boolean supportsUnionAll() {
        return true;
    }

    @Override
    public boolean supportsGroupBy() {
        return true;
    }

    @Override
    public boolean supportsOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause() {
        return true;
    }

    @Override
    public boolean supportsMinimumSQLGrammar() {
        return true;
    }

    @Override
    public boolean nullsAreSortedLow() {
        return true;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean allTablesAreSelectable() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }
}
