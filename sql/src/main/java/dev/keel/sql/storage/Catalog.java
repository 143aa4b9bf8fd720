package dev.keel.sql.storage;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The database's named objects: tables, views, indexes (which live with their table) and triggers. Names are
 * case-insensitive and tables, views and indexes share one namespace, as in SQLite.
 *
 * <p>Not thread-safe: the engine serialises writers.
 */
public final class Catalog {

    private final Map<String, TableStore> tables = new TreeMap<>();
    private final Map<String, ViewDefinition> views = new TreeMap<>();
    private final Map<String, String> triggers = new TreeMap<>();
    private long version;

    /**
     * A number that changes whenever the schema does (a table, index, view or trigger created, dropped or restored by a
     * rollback): cached plans are valid only for the version they were planned at.
     */
    public long version() {
        return version;
    }

    /** Records that the schema changed. */
    public void changed() {
        version++;
    }

    /** The rows in all tables, for deciding when cached plans' estimates are stale. */
    public long totalRows() {
        long rows = 0;
        for (TableStore table : tables.values()) {
            rows += table.size();
        }
        return rows;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The table named {@code name}, or null. */
    public @Nullable TableStore table(String name) {
        return tables.get(key(name));
    }

    /** The table named {@code name}. */
    public TableStore requireTable(String name) {
        TableStore table = table(name);
        if (table == null) {
            throw new SqlException(SqlError.UNKNOWN_TABLE, "no such table: " + name + describeTables());
        }
        return table;
    }

    /** The view named {@code name}, or null. */
    public @Nullable ViewDefinition view(String name) {
        return views.get(key(name));
    }

    /** Every table, by name. */
    public List<TableStore> tables() {
        return List.copyOf(tables.values());
    }

    /** Every view, by name. */
    public List<ViewDefinition> views() {
        return List.copyOf(views.values());
    }

    /** " (tables: a, b)" or " (there are no tables)", for error messages. */
    public String describeTables() {
        return tables.isEmpty()
                ? " (there are no tables)"
                : " (tables: "
                        + String.join(
                                ", ",
                                tables.values().stream()
                                        .map(t -> t.schema().name())
                                        .toList()) + ")";
    }

    /** Creates a table; {@code definition} is the CREATE TABLE statement, kept for checkpoints. */
    public TableStore createTable(TableSchema schema, String definition, ChangeLog log) {
        checkNameFree(schema.name());
        TableStore table = new TableStore(schema, definition);
        putTable(table);
        log.record(new Change.CreatedTable(table));
        return table;
    }

    /** Drops a table with its indexes and triggers. */
    public void dropTable(TableStore table, ChangeLog log) {
        for (Map.Entry<String, String> trigger : new ArrayList<>(triggers.entrySet())) {
            if (trigger.getValue().equals(table.schema().key())) {
                dropTrigger(trigger.getKey(), log);
            }
        }
        removeTable(table);
        log.record(new Change.DroppedTable(table));
    }

    /** The index named {@code name} with its table, or null. */
    public @Nullable IndexEntry index(String name) {
        for (TableStore table : tables.values()) {
            for (SecondaryIndex index : table.indexes()) {
                if (index.schema().name().equalsIgnoreCase(name)) {
                    return new IndexEntry(table, index);
                }
            }
        }
        return null;
    }

    /**
     * An index with its table.
     *
     * @param table the indexed table
     * @param index the index
     */
    public record IndexEntry(TableStore table, SecondaryIndex index) {}

    /** Creates a view. */
    public void createView(ViewDefinition view, ChangeLog log) {
        checkNameFree(view.name());
        putView(view);
        log.record(new Change.CreatedView(view));
    }

    /** Drops a view. */
    public void dropView(ViewDefinition view, ChangeLog log) {
        removeView(view);
        log.record(new Change.DroppedView(view));
    }

    /** Every trigger: its name to the key of its table. */
    public Map<String, String> triggers() {
        return Map.copyOf(triggers);
    }

    /** Whether a trigger named {@code name} exists. */
    public boolean hasTrigger(String name) {
        return triggers.containsKey(key(name));
    }

    /** Records a trigger on {@code table}. */
    public void createTrigger(String name, String table, ChangeLog log) {
        if (hasTrigger(name)) {
            throw new SqlException(SqlError.DUPLICATE_OBJECT, "trigger " + name + " already exists");
        }
        putTrigger(key(name), key(table));
        log.record(new Change.CreatedTrigger(key(name), key(table)));
    }

    /** Drops a trigger. */
    public void dropTrigger(String name, ChangeLog log) {
        String table = triggers.remove(key(name));
        if (table != null) {
            log.record(new Change.DroppedTrigger(key(name), table));
        }
    }

    /** Fails unless {@code name} is free for a table, view or index. */
    public void checkNameFree(String name) {
        if (table(name) != null) {
            throw new SqlException(SqlError.DUPLICATE_OBJECT, "table " + name + " already exists");
        }
        if (view(name) != null) {
            throw new SqlException(SqlError.DUPLICATE_OBJECT, "view " + name + " already exists");
        }
        if (index(name) != null) {
            throw new SqlException(SqlError.DUPLICATE_OBJECT, "index " + name + " already exists");
        }
    }

    void putTable(TableStore table) {
        tables.put(table.schema().key(), table);
    }

    void removeTable(TableStore table) {
        tables.remove(table.schema().key());
    }

    void putView(ViewDefinition view) {
        views.put(view.key(), view);
    }

    void removeView(ViewDefinition view) {
        views.remove(view.key());
    }

    void putTrigger(String name, String table) {
        triggers.put(name, table);
    }

    void removeTrigger(String name) {
        triggers.remove(name);
    }
}
