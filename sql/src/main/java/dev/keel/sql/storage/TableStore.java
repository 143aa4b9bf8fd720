package dev.keel.sql.storage;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import dev.keel.sql.parse.Statement.Conflict;
import dev.keel.sql.value.Numbers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A table's rows, ordered by rowid, and its secondary indexes, kept consistent on every write.
 *
 * <p>How it is designed, and why: as in SQLite, every row has a 64-bit rowid and the table is a map from rowid to
 * row; an INTEGER PRIMARY KEY column is the rowid itself, so the table is ordered by that key and a primary-key
 * lookup is one map lookup. Any other PRIMARY KEY or UNIQUE constraint is an automatic unique
 * {@link SecondaryIndex}. Writes check NOT NULL and every unique key before changing anything, then apply the row to
 * the map and every index and record the change in the caller's {@link ChangeLog}; the conflict policy (ABORT,
 * REPLACE, IGNORE) decides what a duplicate key does. Rows are immutable arrays: an update stores a new array.
 *
 * <p>Not thread-safe: the engine serialises writers.
 */
public final class TableStore {

    private final TableSchema schema;
    private final String definition;
    private final TreeMap<Long, Object[]> rows = new TreeMap<>();
    private final List<SecondaryIndex> indexes = new ArrayList<>();

    /** An empty table of shape {@code schema}, created by the statement {@code definition}. */
    public TableStore(TableSchema schema, String definition) {
        this.schema = schema;
        this.definition = definition;
    }

    public TableSchema schema() {
        return schema;
    }

    /** The CREATE TABLE statement that made this table, as written (a checkpoint stores it). */
    public String definition() {
        return definition;
    }

    /** The number of rows. */
    public int size() {
        return rows.size();
    }

    /** The rows in rowid order; each array ends with its rowid. Callers must not change them. */
    public Collection<Object[]> rows() {
        return rows.values();
    }

    /** The row with {@code rowid}, or null. */
    public Object @Nullable [] row(long rowid) {
        return rows.get(rowid);
    }

    /** The rows with rowid between the bounds (null bounds are open). */
    public Collection<Object[]> rowidRange(
            @Nullable Long low, boolean lowInclusive, @Nullable Long high, boolean highInclusive) {
        if (low != null && high != null) {
            if (low > high || (low.equals(high) && !(lowInclusive && highInclusive))) {
                return List.of();
            }
            return rows.subMap(low, lowInclusive, high, highInclusive).values();
        }
        if (low != null) {
            return rows.tailMap(low, lowInclusive).values();
        }
        if (high != null) {
            return rows.headMap(high, highInclusive).values();
        }
        return rows.values();
    }

    /** The secondary indexes, including the automatic ones. */
    public List<SecondaryIndex> indexes() {
        return List.copyOf(indexes);
    }

    /**
     * Inserts a row of column values (affinity already applied), returning false when the IGNORE policy skipped it.
     *
     * @throws SqlException for a NULL in a NOT NULL column, a non-integer INTEGER PRIMARY KEY, or a duplicate key
     *     under the ABORT policy
     */
    public boolean insert(Object[] values, Conflict conflict, ChangeLog log) {
        Object[] row = withRowid(values);
        return store(row, null, conflict, log);
    }

    /** Replaces the row {@code rowid} by new column values, under the same checks as {@link #insert}. */
    public boolean update(Object[] before, Object[] values, Conflict conflict, ChangeLog log) {
        Object[] row = new Object[values.length + 1];
        System.arraycopy(values, 0, row, 0, values.length);
        long rowid =
                schema.rowidColumn() >= 0 ? integerKey(values[schema.rowidColumn()]) : (Long) before[before.length - 1];
        row[values.length] = rowid;
        return store(row, before, conflict, log);
    }

    /** Deletes a stored row. */
    public void delete(Object[] row, ChangeLog log) {
        removeRow(row);
        log.record(new Change.Deleted(this, row));
    }

    private Object[] withRowid(Object[] values) {
        Object[] row = new Object[values.length + 1];
        System.arraycopy(values, 0, row, 0, values.length);
        int pk = schema.rowidColumn();
        long rowid;
        if (pk >= 0 && values[pk] != null) {
            rowid = integerKey(values[pk]);
        } else {
            rowid = rows.isEmpty() ? 1 : Math.addExact(rows.lastKey(), 1);
            if (pk >= 0) {
                row[pk] = rowid;
            }
        }
        row[values.length] = rowid;
        return row;
    }

    private long integerKey(@Nullable Object value) {
        if (value instanceof Long l) {
            return l;
        }
        String column = schema.columns().get(schema.rowidColumn()).name();
        throw new SqlException(
                SqlError.DATA_EXCEPTION,
                "datatype mismatch: " + schema.name() + "." + column + " is an INTEGER PRIMARY KEY and cannot hold "
                        + describe(value) + " (expected: an integer)");
    }

    private boolean store(Object[] row, Object @Nullable [] before, Conflict conflict, ChangeLog log) {
        checkNotNull(row);
        long rowid = (Long) row[row.length - 1];
        List<Object[]> displaced = new ArrayList<>();
        Object[] sameRowid = rows.get(rowid);
        if (sameRowid != null && sameRowid != before) {
            if (conflict == Conflict.IGNORE) {
                return false;
            }
            if (conflict == Conflict.ABORT) {
                throw uniqueViolation(schema.primaryKey(), row, "PRIMARY KEY");
            }
            displaced.add(sameRowid);
        }
        for (SecondaryIndex index : indexes) {
            Long other = index.conflictingRowid(row);
            if (other != null && (before == null || !other.equals(before[before.length - 1]))) {
                if (conflict == Conflict.IGNORE) {
                    return false;
                }
                if (conflict == Conflict.ABORT) {
                    throw uniqueViolation(
                            index.schema().columns(), row, index.schema().name());
                }
                Object[] victim = rows.get(other);
                if (victim != null && !displaced.contains(victim)) {
                    displaced.add(victim);
                }
            }
        }
        if (before != null) {
            delete(before, log);
        }
        for (Object[] victim : displaced) {
            if (victim != before) {
                delete(victim, log);
            }
        }
        putRow(row);
        log.record(new Change.Inserted(this, row));
        return true;
    }

    private void checkNotNull(Object[] row) {
        for (int i = 0; i < schema.width(); i++) {
            ColumnSchema column = schema.columns().get(i);
            if (column.notNull() && row[i] == null) {
                throw new SqlException(
                        SqlError.NOT_NULL_VIOLATION,
                        "NOT NULL constraint failed: " + schema.name() + "." + column.name()
                                + " (expected: a value, got NULL)");
            }
        }
    }

    private SqlException uniqueViolation(List<Integer> columns, Object[] row, String constraint) {
        String names = columns.stream()
                .map(c -> schema.name() + "." + schema.columns().get(c).name())
                .collect(Collectors.joining(", "));
        String key = columns.stream().map(c -> describe(row[c])).collect(Collectors.joining(", "));
        return new SqlException(
                SqlError.UNIQUE_VIOLATION,
                "UNIQUE constraint failed: " + names + " (" + constraint + ": key (" + key + ") already exists)");
    }

    private static String describe(@Nullable Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(Numbers.toText(value));
    }

    /**
     * Puts back a stored row (columns then rowid) read from a checkpoint, without the constraint checks: the rows were
     * checked when they were first written.
     */
    public void restore(Object[] storedRow) {
        if (storedRow.length != schema.width() + 1 || !(storedRow[schema.width()] instanceof Long)) {
            throw new IllegalArgumentException("storedRow: " + storedRow.length + " values (expected: " + schema.width()
                    + " columns of " + schema.name() + " and an integer rowid)");
        }
        putRow(storedRow);
    }

    /** Puts a complete stored row into the map and every index (also used to undo a deletion). */
    void putRow(Object[] row) {
        rows.put((Long) row[row.length - 1], row);
        for (SecondaryIndex index : indexes) {
            index.add(row);
        }
    }

    /** Removes a stored row from the map and every index (also used to undo an insertion). */
    void removeRow(Object[] row) {
        rows.remove((Long) row[row.length - 1]);
        for (SecondaryIndex index : indexes) {
            index.remove(row);
        }
    }

    /**
     * Adds an index over the existing rows.
     *
     * @throws SqlException if it is unique and the existing rows already have a duplicate key
     */
    public SecondaryIndex addIndex(IndexSchema indexSchema, ChangeLog log) {
        SecondaryIndex index = new SecondaryIndex(indexSchema);
        for (Object[] row : rows.values()) {
            if (index.conflictingRowid(row) != null) {
                throw uniqueViolation(indexSchema.columns(), row, indexSchema.name());
            }
            index.add(row);
        }
        indexes.add(index);
        log.record(new Change.CreatedIndex(this, index));
        return index;
    }

    /** Drops an index. */
    public void dropIndex(SecondaryIndex index, ChangeLog log) {
        int position = indexes.indexOf(index);
        indexes.remove(index);
        log.record(new Change.DroppedIndex(this, index, position));
    }

    /** Rebuilds an index from the rows (REINDEX). */
    public void rebuild(SecondaryIndex index) {
        index.clear();
        for (Object[] row : rows.values()) {
            index.add(row);
        }
    }

    void removeIndex(SecondaryIndex index) {
        indexes.remove(index);
    }

    void restoreIndex(SecondaryIndex index, int position) {
        indexes.add(Math.min(position, indexes.size()), index);
    }
}
