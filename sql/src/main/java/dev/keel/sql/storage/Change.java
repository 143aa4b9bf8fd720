package dev.keel.sql.storage;

/**
 * One change to the database, as the {@link ChangeLog} records it: enough to undo it (and, for a file database, to
 * redo it from the write-ahead log).
 */
public sealed interface Change {

    /** A row was inserted ({@code row} includes its rowid as the last value). */
    record Inserted(TableStore table, Object[] row) implements Change {}

    /** A row was deleted; an UPDATE is a deletion followed by an insertion. */
    record Deleted(TableStore table, Object[] row) implements Change {}

    /** A table was created. */
    record CreatedTable(TableStore table) implements Change {}

    /** A table (with its indexes and rows) was dropped. */
    record DroppedTable(TableStore table) implements Change {}

    /** An index was created on a table. */
    record CreatedIndex(TableStore table, SecondaryIndex index) implements Change {}

    /** An index was dropped. */
    record DroppedIndex(TableStore table, SecondaryIndex index, int position) implements Change {}

    /** A view was created. */
    record CreatedView(ViewDefinition view) implements Change {}

    /** A view was dropped. */
    record DroppedView(ViewDefinition view) implements Change {}

    /** A trigger was created. */
    record CreatedTrigger(String name, String table) implements Change {}

    /** A trigger was dropped. */
    record DroppedTrigger(String name, String table) implements Change {}
}
