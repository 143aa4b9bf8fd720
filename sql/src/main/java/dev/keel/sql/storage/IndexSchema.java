package dev.keel.sql.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * A secondary index's definition.
 *
 * @param name the index's name (for an index made by a PRIMARY KEY or UNIQUE constraint, a generated
 *     {@code sqlite_autoindex_<table>_<n>} name as SQLite gives)
 * @param table the table's name
 * @param columns the indexed columns' positions in the table
 * @param descending for each column, whether it was declared DESC (recorded; lookups do not depend on it)
 * @param unique whether two rows may not share a key without NULLs
 * @param automatic whether a constraint created it (it cannot be dropped by DROP INDEX)
 */
public record IndexSchema(
        String name, String table, List<Integer> columns, List<Boolean> descending, boolean unique, boolean automatic) {

    public IndexSchema {
        columns = List.copyOf(columns);
        descending = List.copyOf(descending);
    }

    /** The CREATE INDEX statement that makes this index on {@code table}, with every name quoted. */
    public String definition(TableSchema table) {
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
            keys.add(quote(table.columns().get(columns.get(k)).name()) + (descending.get(k) ? " DESC" : ""));
        }
        return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + quote(name) + " ON " + quote(table.name()) + "("
                + String.join(", ", keys) + ")";
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
