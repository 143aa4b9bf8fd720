package dev.keel.sql.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * The changes made since a transaction began, in order, so that a failed statement or a ROLLBACK undoes exactly them.
 *
 * <p>How it is designed, and why: an undo log of logical changes (row inserted, row deleted, object created or
 * dropped) rather than copies of tables: a statement that touches three rows of a million-row table costs three
 * entries. Undo applies the inverse changes newest first, which restores rows, index entries and catalog objects
 * exactly. The same records are what a file database writes to its write-ahead log at COMMIT.
 *
 * <p>Not thread-safe: it belongs to the one transaction that holds the write lock.
 */
public final class ChangeLog {

    private final List<Change> changes = new ArrayList<>();

    /** Records a change already applied. */
    public void record(Change change) {
        changes.add(change);
    }

    /** A position to roll back to (the start of a statement). */
    public int mark() {
        return changes.size();
    }

    /** The changes recorded so far, oldest first. */
    public List<Change> changes() {
        return List.copyOf(changes);
    }

    /** Undoes every change after {@code mark}, newest first. */
    public void rollbackTo(int mark, Catalog catalog) {
        for (int i = changes.size() - 1; i >= mark; i--) {
            undo(changes.remove(i), catalog);
        }
    }

    /** Forgets every change (after COMMIT). */
    public void clear() {
        changes.clear();
    }

    private static void undo(Change change, Catalog catalog) {
        if (!(change instanceof Change.Inserted) && !(change instanceof Change.Deleted)) {
            catalog.changed();
        }
        switch (change) {
            case Change.Inserted(TableStore table, Object[] row) -> table.removeRow(row);
            case Change.Deleted(TableStore table, Object[] row) -> table.putRow(row);
            case Change.CreatedTable(TableStore table) -> catalog.removeTable(table);
            case Change.DroppedTable(TableStore table) -> catalog.putTable(table);
            case Change.CreatedIndex(TableStore table, SecondaryIndex index) -> table.removeIndex(index);
            case Change.DroppedIndex(TableStore table, SecondaryIndex index, int position) ->
                table.restoreIndex(index, position);
            case Change.CreatedView(ViewDefinition view) -> catalog.removeView(view);
            case Change.DroppedView(ViewDefinition view) -> catalog.putView(view);
            case Change.CreatedTrigger(String name, String table) -> catalog.removeTrigger(name);
            case Change.DroppedTrigger(String name, String table) -> catalog.putTrigger(name, table);
        }
    }
}
