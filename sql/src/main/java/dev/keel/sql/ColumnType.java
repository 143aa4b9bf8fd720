package dev.keel.sql;

/** The column types of {@link SQLEngine#createTable}; each maps to the SQL type name keel's DDL uses. */
public enum ColumnType {
    /** 64-bit integer; as a single-column primary key, the table's rowid (rows are ordered by it). */
    INTEGER("INTEGER"),
    /** 64-bit integer. */
    BIGINT("BIGINT"),
    /** 64-bit IEEE floating point. */
    REAL("REAL"),
    /** Text. */
    TEXT("TEXT"),
    /** True or false, stored as 1 or 0. */
    BOOLEAN("BOOLEAN");

    private final String sqlName;

    ColumnType(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The type's name in SQL. */
    public String sqlName() {
        return sqlName;
    }
}
