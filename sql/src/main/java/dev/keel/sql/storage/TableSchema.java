package dev.keel.sql.storage;

import java.util.List;
import java.util.Locale;

/**
 * The shape of a table. A stored row is an {@code Object[]} of {@code columns().size() + 1} values: the columns in
 * declaration order, then the rowid.
 *
 * @param name the table's name as declared
 * @param columns the columns in declaration order
 * @param rowidColumn the index of the INTEGER PRIMARY KEY column, which is the rowid itself, or -1
 * @param primaryKey the indexes of the primary key's columns (empty when there is none)
 */
public record TableSchema(String name, List<ColumnSchema> columns, int rowidColumn, List<Integer> primaryKey) {

    public TableSchema {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    /** The index of the column named {@code column} (case-insensitive), or -1. */
    public int columnIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    /** The number of declared columns (the stored row has one more slot, for the rowid). */
    public int width() {
        return columns.size();
    }

    /** The column names, comma-separated, for error messages. */
    public String columnNames() {
        return String.join(", ", columns.stream().map(ColumnSchema::name).toList());
    }

    /** The key under which the catalog files this table. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }
}
