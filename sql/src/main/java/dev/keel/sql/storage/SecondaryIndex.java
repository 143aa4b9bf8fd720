package dev.keel.sql.storage;

import dev.keel.sql.value.ValueOrder;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A secondary index: the table's rows' keys in {@link ValueOrder}, each entry {@code [key values..., rowid, row]}.
 *
 * <p>How it is designed, and why: a sorted set of small arrays, ordered by the key and then the rowid so that equal
 * keys are distinct entries and a unique check is one ceiling lookup. Each entry also holds the stored row itself
 * (rows are immutable; an update replaces the entry), so a lookup returns rows without a second search of the table
 * by rowid: the range-scan benchmark spent its time in those searches. Equality, IN and range lookups are sub-set views
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

    private final IndexSchema schema;
    private final Comparator<Object[]> order;
    private final TreeSet<Object[]> entries;
    /** Adds, removes and clears so far: statistics older than a tenth of the index's size in changes are redone. */
    private long changes;
    /** The leading column's statistics, computed when first asked and again once stale; a benign race to compute. */
    private volatile @Nullable Statistics statistics;

    /**
     * What the planner knows about an index's leading column.
     *
     * @param entries the entries when counted
     * @param distinct the distinct non-NULL values of the leading column then
     * @param atChange the change count when counted
     */
    public record Statistics(long entries, long distinct, long atChange) {
        /** The estimated rows per value of the leading column (at least 1). */
        public double rowsPerValue() {
            return distinct == 0 ? 1 : Math.max(1, (double) entries / distinct);
        }
    }

    /** An empty index. */
    public SecondaryIndex(IndexSchema schema) {
        this.schema = schema;
        int compared = schema.columns().size() + 1;
        this.order = (a, b) -> compareEntries(a, b, compared);
        this.entries = new TreeSet<>(order);
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
        changes++;
    }

    void remove(Object[] row) {
        entries.remove(entry(row));
        changes++;
    }

    void clear() {
        entries.clear();
        changes++;
    }

    /**
     * The leading column's statistics: counted by one walk of the index (O(n)) the first time the planner asks and
     * again after a tenth of the index has changed, as an ANALYZE would, rather than maintained on every write (which
     * would cost every insert two more tree searches). Callers hold the database's read or write lock.
     */
    public Statistics statistics() {
        Statistics s = statistics;
        if (s == null || Math.abs(changes - s.atChange()) > Math.max(16, entries.size() / 10)) {
            long distinct = 0;
            Object previous = null;
            for (Object[] e : entries) {
                Object value = e[0];
                if (value != null && (previous == null || ValueOrder.compareValues(value, previous) != 0)) {
                    distinct++;
                }
                previous = value;
            }
            s = new Statistics(entries.size(), distinct, changes);
            statistics = s;
        }
        return s;
    }

    private Object[] entry(Object[] row) {
        List<Integer> columns = schema.columns();
        Object[] e = new Object[columns.size() + 2];
        for (int i = 0; i < columns.size(); i++) {
            e[i] = row[columns.get(i)];
        }
        e[columns.size()] = row[row.length - 1];
        e[columns.size() + 1] = row;
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

    /** The rows whose first {@code prefix.length} key columns equal {@code prefix} (no NULLs in it), in key order. */
    public List<Object[]> equal(@Nullable Object[] prefix) {
        Object[] from = new Object[prefix.length + 1];
        Object[] to = new Object[prefix.length + 1];
        System.arraycopy(prefix, 0, from, 0, prefix.length);
        System.arraycopy(prefix, 0, to, 0, prefix.length);
        from[prefix.length] = Bound.LOW;
        to[prefix.length] = Bound.HIGH;
        return rows(entries.subSet(from, true, to, true));
    }

    /**
     * The rows whose first key column lies between {@code low} and {@code high} (a null bound is open;
     * NULL keys are never included), in key order.
     */
    public Collection<Object[]> range(
            @Nullable Object low, boolean lowInclusive, @Nullable Object high, boolean highInclusive) {
        Object[] from = low == null
                ? new Object[] {null, Bound.HIGH}
                : new Object[] {low, lowInclusive ? Bound.LOW : Bound.HIGH};
        Object[] to =
                high == null ? new Object[] {Bound.HIGH} : new Object[] {high, highInclusive ? Bound.HIGH : Bound.LOW};
        if (order.compare(from, to) > 0) {
            return List.of();
        }
        return new RowView(
                entries.subSet(from, true, to, true), schema.columns().size() + 1);
    }

    /**
     * The rows of a range of entries, read as the caller iterates: a range scan that stops early (LIMIT) or passes
     * rows straight on does not build a list first (the profile of the range-scan benchmark showed the copy). A view
     * of the live index: callers that change the table while iterating must copy first (the DML executor does).
     */
    private static final class RowView extends AbstractCollection<Object[]> {
        private final NavigableSet<Object[]> range;
        private final int rowAt;

        RowView(NavigableSet<Object[]> range, int rowAt) {
            this.range = range;
            this.rowAt = rowAt;
        }

        @Override
        public Iterator<Object[]> iterator() {
            Iterator<Object[]> entries = range.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return entries.hasNext();
                }

                @Override
                public Object[] next() {
                    return (Object[]) entries.next()[rowAt];
                }
            };
        }

        @Override
        public int size() {
            return range.size();
        }
    }

    private List<Object[]> rows(NavigableSet<Object[]> range) {
        int rowAt = schema.columns().size() + 1;
        List<Object[]> rows = new ArrayList<>();
        for (Object[] e : range) {
            rows.add((Object[]) e[rowAt]);
        }
        return rows;
    }

    /** Compares keys and rowid (the first {@code compared} components); probes end earlier, with a sentinel. */
    private static int compareEntries(Object[] a, Object[] b, int compared) {
        int n = Math.min(compared, Math.min(a.length, b.length));
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
