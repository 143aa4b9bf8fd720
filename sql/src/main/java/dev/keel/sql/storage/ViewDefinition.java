package dev.keel.sql.storage;

import dev.keel.sql.parse.Query;
import java.util.List;
import java.util.Locale;

/**
 * A view: a named query, expanded where it is used.
 *
 * @param name the view's name as declared
 * @param columnNames the declared column names, or empty to take the query's
 * @param query the query
 * @param definition the CREATE VIEW statement as written (a checkpoint stores it)
 */
public record ViewDefinition(String name, List<String> columnNames, Query query, String definition) {

    public ViewDefinition {
        columnNames = List.copyOf(columnNames);
    }

    /** The key under which the catalog files this view. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }
}
