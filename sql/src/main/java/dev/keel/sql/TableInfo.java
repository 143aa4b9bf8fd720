package dev.keel.sql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A table or view as metadata readers (JDBC's DatabaseMetaData, the shell's {@code .tables} and {@code .schema})
 * see it.
 *
 * @param name its name
 * @param view whether it is a view
 * @param columns its columns
 * @param indexes the CREATE INDEX statements of its (non-automatic) indexes
 */
public record TableInfo(String name, boolean view, List<ColumnInfo> columns, List<String> indexes) {

    public TableInfo {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
    }

    /**
     * A column.
     *
     * @param name its name
     * @param typeName its declared type, possibly empty
     * @param notNull whether NULL is rejected
     * @param primaryKey whether it is (part of) the primary key
     * @param defaultValue its DEFAULT as SQL text, or null
     */
    public record ColumnInfo(
            String name,
            String typeName,
            boolean notNull,
            boolean primaryKey,
            @Nullable String defaultValue) {}

    /** A CREATE statement that recreates the table's shape (or a comment for a view). */
    public String createStatement() {
        if (view) {
            return "CREATE VIEW " + name + " AS ...;";
        }
        StringBuilder sql = new StringBuilder("CREATE TABLE " + name + " (");
        for (int i = 0; i < columns.size(); i++) {
            ColumnInfo c = columns.get(i);
            sql.append(i == 0 ? "" : ", ").append(c.name());
            if (!c.typeName().isEmpty()) {
                sql.append(' ').append(c.typeName());
            }
            if (c.primaryKey()) {
                sql.append(" PRIMARY KEY");
            } else if (c.notNull()) {
                sql.append(" NOT NULL");
            }
            if (c.defaultValue() != null) {
                sql.append(" DEFAULT ").append(c.defaultValue());
            }
        }
        return sql.append(");").toString();
    }
}
