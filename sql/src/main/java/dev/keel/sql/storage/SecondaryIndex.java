package dev.keel.sql.storage;

import dev.keel.sql.value.ValueOrder;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A secondary index: the table's rows' keys in {@link ValueOrder}, each entry {@code (key values..., rowid)} pointing
 * at its stored row.
 *
 * <p>How it is designed, and why: the entries live in an {@link IndexTree}, a B+-tree whose leaf pages hold them in
 * parallel arrays, ordered by the key and then the rowid so that equal keys are distinct entries and a unique check
 * is one seek. Each entry also holds the stored row itself (rows are immutable; an update replaces the entry), so a
 * lookup returns rows without a second search of the table by rowid: the range-scan benchmark spent its time in those
 * searches. Equality, IN and range lookups seek to two probe keys padded with the {@link Bound} sentinels (below and
 * above every value) and walk the leaves between them, so no lookup copies the index. NULLs sort first and a range
 * never includes them ({@code col < 5} is not true for NULL). Indexes are not stored on disk: a checkpoint keeps each
 * index's CREATE INDEX statement and opening rebuilds it from the rows.
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
    private final IndexTree entries;
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
        this.entries = new IndexTree(schema.columns().size());
    }

    public IndexSchema schema() {
        return schema;
    }

    /** The number of entries (rows). */
    public int size() {
        return entries.size();
    }

    void add(Object[] row) {
        entries.add(entry(row), row);
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
            IndexTree.Cursor cursor = entries.cursor(entries.first(), entries.seek(new Object[] {Bound.HIGH}));
            while (cursor.hasNext()) {
                cursor.next();
                Object value = cursor.key(0);
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

    /** The entry's key values and rowid. */
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
        long self = (Long) row[row.length - 1];
        probe[columns.size()] = Bound.LOW;
        Object[] end = probe.clone();
        end[columns.size()] = Bound.HIGH;
        IndexTree.Cursor cursor = entries.cursor(entries.seek(probe), entries.seek(end));
        while (cursor.hasNext()) {
            cursor.next();
            if (cursor.rowid() != self) {
                return cursor.rowid();
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
        List<Object[]> rows = new ArrayList<>();
        IndexTree.Cursor cursor = entries.cursor(entries.seek(from), entries.seek(to));
        while (cursor.hasNext()) {
            rows.add(cursor.next());
        }
        return rows;
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
        if (compareProbes(from, to) > 0) {
            return List.of();
        }
        return new RowView(entries, entries.seek(from), entries.seek(to));
    }

    /**
     * The entries of {@link #range} as rows of {@code rowWidth} values (a table's columns then its rowid) holding only
     * the index's key columns, the rowid and its INTEGER PRIMARY KEY column {@code rowidColumn} (-1 if none); the other
     * columns are NULL. For a query that reads nothing else (a covering index scan): it reads the index pages alone,
     * not the stored rows, which at a million rows cost a cache miss each. Rows are built as the caller iterates.
     */
    public Collection<Object[]> coveringRange(
            @Nullable Object low,
            boolean lowInclusive,
            @Nullable Object high,
            boolean highInclusive,
            int rowWidth,
            int rowidColumn) {
        Collection<Object[]> range = range(low, lowInclusive, high, highInclusive);
        if (!(range instanceof RowView view)) {
            return range;
        }
        int[] columns = schema.columns().stream().mapToInt(Integer::intValue).toArray();
        return new AbstractCollection<>() {
            @Override
            public Iterator<Object[]> iterator() {
                IndexTree.Cursor cursor = entries.cursor(view.from, view.to);
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return cursor.hasNext();
                    }

                    @Override
                    public Object[] next() {
                        cursor.next();
                        Object[] row = new Object[rowWidth];
                        for (int c = 0; c < columns.length; c++) {
                            row[columns[c]] = cursor.key(c);
                        }
                        Long rowid = cursor.rowid();
                        row[rowWidth - 1] = rowid;
                        if (rowidColumn >= 0) {
                            row[rowidColumn] = rowid;
                        }
                        return row;
                    }
                };
            }

            @Override
            public int size() {
                return view.size();
            }
        };
    }

    /**
     * The rows of a range of entries, read as the caller iterates: a range scan that stops early (LIMIT) or passes
     * rows straight on does not build a list first (the profile of the range-scan benchmark showed the copy). A view
     * of the live index: callers that change the table while iterating must copy first (the DML executor does).
     */
    private static final class RowView extends AbstractCollection<Object[]> {
        private final IndexTree tree;
        private final IndexTree.Position from;
        private final IndexTree.Position to;

        RowView(IndexTree tree, IndexTree.Position from, IndexTree.Position to) {
            this.tree = tree;
            this.from = from;
            this.to = to;
        }

        @Override
        public Iterator<Object[]> iterator() {
            return tree.cursor(from, to);
        }

        @Override
        public int size() {
            int n = 0;
            for (Iterator<Object[]> i = iterator(); i.hasNext(); i.next()) {
                n++;
            }
            return n;
        }
    }

    /** Two probes compared: values in {@link ValueOrder}, a {@link Bound} below or above every value. */
    private static int compareProbes(Object[] a, Object[] b) {
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
