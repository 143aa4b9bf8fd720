package dev.keel.sql.storage;

import dev.keel.sql.value.ValueOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A secondary index: the table's rows' keys in {@link ValueOrder}, each entry {@code [key values..., rowid]}.
 *
 * <p>How it is designed, and why: a sorted set of small arrays, with the rowid as the last component so that equal
 * keys are distinct entries and a unique check is one ceiling lookup. Equality, IN and range lookups are sub-set views
 * between two probe keys padded with the {@link Bound} sentinels (below and above every value), so no lookup copies the
 * index. A B-tree would pack keys more densely; a red-black tree keeps this code small and its cost (one node per row)
 * is measured in docs/sql.md. NULLs sort first and a range never includes them ({@code col < 5} is not true for NULL).
 *
 * <p>Not thread-safe: the engine serialises writers.
 */
public final class SecondaryIndex {

    /** Sentinels that sort below ({@link #LOW}) or above ({@link #HIGH}) every SQL value. */
    public enum Bound {
        LOW,
        HIGH
    }

    private static final Comparator<Object[]> ENTRY_ORDER = SecondaryIndex::compareEntries;

    private final IndexSchema schema;
    private final TreeSet<Object[]> entries = new TreeSet<>(ENTRY_ORDER);

    /** An empty index. */
    public SecondaryIndex(IndexSchema schema) {
        this.schema = schema;
    }

    public IndexSchema schema() {
        return schema;
    }

    /** The number of entries (rows). */
    public int size() {
        return entries.size();
    }

    void add(Object[] row) {
        entries.add(entry(row));
    }

    void remove(Object[] row) {
        entries.remove(entry(row));
    }

    void clear() {
        entries.clear();
    }

    private Object[] entry(Object[] row) {
        List<Integer> columns = schema.columns();
        Object[] e = new Object[columns.size() + 1];
        for (int i = 0; i < columns.size(); i++) {
            e[i] = row[columns.get(i)];
        }
        e[columns.size()] = row[row.length - 1];
        return e;
    }

    /**
     * The rowid of another row that has the same key as {@code row}, if this is a unique index and the key has no
     * NULL; otherwise null.
     */
    @Nullable
    Long conflictingRowid(Object[] row) {
        if (!schema.unique()) {
            return null;
        }
        List<Integer> columns = schema.columns();
        Object[] probe = new Object[columns.size() + 1];
        for (int i = 0; i < columns.size(); i++) {
            Object v = row[columns.get(i)];
            if (v == null) {
                return null;
            }
            probe[i] = v;
        }
        probe[columns.size()] = Bound.LOW;
        Long self = (Long) row[row.length - 1];
        for (Object[] e : entries.tailSet(probe, false)) {
            for (int i = 0; i < columns.size(); i++) {
                if (ValueOrder.compareValues(e[i], probe[i]) != 0) {
                    return null;
                }
            }
            Long rowid = (Long) e[columns.size()];
            if (!rowid.equals(self)) {
                return rowid;
            }
        }
        return null;
    }

    /** The rowids of rows whose first {@code prefix.length} key columns equal {@code prefix} (no NULLs in it). */
    public List<Long> equal(@Nullable Object[] prefix) {
        Object[] from = new Object[prefix.length + 1];
        Object[] to = new Object[prefix.length + 1];
        System.arraycopy(prefix, 0, from, 0, prefix.length);
        System.arraycopy(prefix, 0, to, 0, prefix.length);
        from[prefix.length] = Bound.LOW;
        to[prefix.length] = Bound.HIGH;
        return rowids(entries.subSet(from, true, to, true));
    }

    /**
     * The rowids of rows whose first key column lies between {@code low} and {@code high} (a null bound is open;
     * NULL keys are never included).
     */
    public List<Long> range(@Nullable Object low, boolean lowInclusive, @Nullable Object high, boolean highInclusive) {
        Object[] from = low == null
                ? new Object[] {null, Bound.HIGH}
                : new Object[] {low, lowInclusive ? Bound.LOW : Bound.HIGH};
        Object[] to =
                high == null ? new Object[] {Bound.HIGH} : new Object[] {high, highInclusive ? Bound.HIGH : Bound.LOW};
        if (ENTRY_ORDER.compare(from, to) > 0) {
            return List.of();
        }
        return rowids(entries.subSet(from, true, to, true));
    }

    private List<Long> rowids(NavigableSet<Object[]> range) {
        int rowidAt = schema.columns().size();
        List<Long> ids = new ArrayList<>(Math.min(range.size(), 1024));
        for (Object[] e : range) {
            ids.add((Long) e[rowidAt]);
        }
        return ids;
    }

    private static int compareEntries(Object[] a, Object[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c = compareComponent(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static int compareComponent(@Nullable Object a, @Nullable Object b) {
        if (a instanceof Bound x) {
            return b instanceof Bound y ? x.compareTo(y) : (x == Bound.LOW ? -1 : 1);
        }
        if (b instanceof Bound y) {
            return y == Bound.LOW ? 1 : -1;
        }
        return ValueOrder.compareValues(a, b);
    }
}
