package dev.keel.sql.storage;

import dev.keel.sql.value.ValueOrder;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * The sorted entries of a secondary index: a B+-tree whose leaves are pages of parallel arrays.
 *
 * <p>How it is designed, and why: an entry is {@code (key values..., rowid)} plus the stored row it points to, ordered
 * by the key in {@link ValueOrder} and then the rowid, so equal keys are distinct entries. A leaf holds up to
 * {@code leafCapacity} entries (256 by default) column by column: one array per key column (the first column's
 * integers also in a {@code long[]}), a {@code long[]} of rowids and an array of the rows, all indexed by slot, and
 * leaves are linked both ways. An inner node holds its
 * children and, for each child but the first, a separator: a copy of that child's first entry when it was split off,
 * so every entry of child {@code j} is at least separator {@code j} and below separator {@code j + 1}.
 *
 * <p>The red-black tree this replaces (a {@code TreeSet} of small arrays) cost a range scan two dependent cache misses
 * per entry (the tree node, then the entry array) before the row itself; over a million-row index they were most of
 * the scan's time (JFR: {@code TreeMap.successor}). Here a range scan finds its first and last positions with two
 * descents (three levels for a million entries) and then walks the rows array of each leaf in order, so the only
 * miss per entry is the row the query reads; a query that reads only the index's columns and the rowid (a covering
 * scan, as SQLite and H2 do) reads the pages alone and touches no row at all. Inserting costs an array shift of at most a page, and a split
 * when a page is full; a page split at the right edge of the tree moves only the new entry, so keys inserted in
 * ascending order (rowids, timestamps, a bulk load) fill pages completely instead of half (SQLite and PostgreSQL do
 * the same). Deleting frees a page when it becomes empty and collapses a root with one child; pages are not merged
 * while they hold entries (as PostgreSQL's nbtree), so after mass deletions REINDEX repacks them.
 *
 * <p>Probes compare against entries component by component; a probe may be shorter than an entry and may end with a
 * {@link SecondaryIndex.Bound} sentinel, which sorts below or above every value, so {@code (5, LOW)} seeks to the
 * first entry with key 5 and {@code (5, HIGH)} past the last.
 *
 * <p>Not thread-safe: the engine serialises writers, and readers run only while no writer does.
 */
final class IndexTree {

    static final int DEFAULT_LEAF_CAPACITY = 256;
    static final int DEFAULT_INNER_CAPACITY = 128;

    private final int keyColumns;
    private final int leafCapacity;
    private final int innerCapacity;
    private Node root;
    private int size;

    /** An empty tree of entries with {@code keyColumns} key values each. */
    IndexTree(int keyColumns) {
        this(keyColumns, DEFAULT_LEAF_CAPACITY, DEFAULT_INNER_CAPACITY);
    }

    /** With small pages, tests reach splits and multi-level trees with few entries. */
    IndexTree(int keyColumns, int leafCapacity, int innerCapacity) {
        if (keyColumns < 1 || leafCapacity < 2 || innerCapacity < 3) {
            throw new IllegalArgumentException("keyColumns " + keyColumns + ", leafCapacity " + leafCapacity
                    + ", innerCapacity " + innerCapacity + " (expected: >= 1, >= 2, >= 3)");
        }
        this.keyColumns = keyColumns;
        this.leafCapacity = leafCapacity;
        this.innerCapacity = innerCapacity;
        this.root = new Leaf(keyColumns, leafCapacity);
    }

    int size() {
        return size;
    }

    void clear() {
        root = new Leaf(keyColumns, leafCapacity);
        size = 0;
    }

    /**
     * Adds an entry unless one with the same key and rowid is there (the tree is a set).
     *
     * @param tuple the key values followed by the rowid (a {@code Long}); kept by the tree as a separator if the
     *     entry starts a page that is split off, so callers must not change it
     */
    void add(Object[] tuple, Object[] row) {
        Split split = insert(root, tuple, row);
        if (split != null) {
            Inner top = new Inner(innerCapacity);
            top.children[0] = root;
            top.children[1] = split.right();
            top.separators[1] = split.separator();
            top.count = 2;
            root = top;
        }
    }

    /** Removes the entry with this key and rowid, if present. */
    void remove(Object[] tuple) {
        delete(root, tuple);
        while (root instanceof Inner inner && inner.count <= 1) {
            root = inner.count == 0 ? new Leaf(keyColumns, leafCapacity) : inner.children[0];
        }
    }

    /** The position of the first entry at or above {@code probe}. */
    Position seek(Object[] probe) {
        Node node = root;
        while (node instanceof Inner inner) {
            node = inner.children[inner.childFor(probe)];
        }
        Leaf leaf = (Leaf) node;
        int slot = leaf.lowerBound(probe);
        if (slot == leaf.count && leaf.next != null) {
            return new Position(leaf.next, 0);
        }
        return new Position(leaf, slot);
    }

    /** The position of the first entry. */
    Position first() {
        Node node = root;
        while (node instanceof Inner inner) {
            node = inner.children[0];
        }
        return new Position((Leaf) node, 0);
    }

    /** The entries from {@code from} (inclusive) to {@code to} (exclusive), read as the caller iterates. */
    Cursor cursor(Position from, Position to) {
        return new Cursor(from, to);
    }

    /** A place between entries: before {@code slot} of {@code leaf} (the slot may be the leaf's count at the end). */
    record Position(Leaf leaf, int slot) {}

    /**
     * Walks entries in order between two positions: {@link #next()} returns the row and moves on; {@link #key(int)}
     * and {@link #rowid()} read the entry last returned.
     */
    static final class Cursor implements Iterator<Object[]> {
        private Leaf leaf;
        private int slot;
        private final Leaf endLeaf;
        private final int endSlot;
        private int current = -1;
        private @Nullable Leaf currentLeaf;

        private Cursor(Position from, Position to) {
            this.leaf = from.leaf();
            this.slot = from.slot();
            this.endLeaf = to.leaf();
            this.endSlot = to.slot();
        }

        @Override
        public boolean hasNext() {
            while (slot >= leaf.count && leaf != endLeaf && leaf.next != null) {
                leaf = leaf.next;
                slot = 0;
            }
            return leaf == endLeaf ? slot < endSlot : slot < leaf.count;
        }

        @Override
        public Object[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            currentLeaf = leaf;
            current = slot++;
            return leaf.rows[current];
        }

        /**
         * Key column {@code column} of the entry last returned; an integer in the first column comes from the page's
         * {@code long[]}, boxed afresh, so a covering scan does not load the boxed value stored with the row.
         */
        @Nullable
        Object key(int column) {
            Leaf leaf = current();
            if (column == 0 && leaf.isInt[current]) {
                return leaf.ints[current];
            }
            return leaf.keys[column][current];
        }

        /** The rowid of the entry last returned. */
        long rowid() {
            return current().rowids[current];
        }

        private Leaf current() {
            if (currentLeaf == null) {
                throw new IllegalStateException("no entry read yet");
            }
            return currentLeaf;
        }
    }

    private record Split(Object[] separator, Node right) {}

    private @Nullable Split insert(Node node, Object[] tuple, Object[] row) {
        if (node instanceof Leaf leaf) {
            return insertIntoLeaf(leaf, tuple, row);
        }
        Inner inner = (Inner) node;
        int child = inner.childFor(tuple);
        Split split = insert(inner.children[child], tuple, row);
        if (split == null) {
            return null;
        }
        inner.insertChild(child + 1, split.separator(), split.right());
        return inner.count > innerCapacity ? splitInner(inner) : null;
    }

    private @Nullable Split insertIntoLeaf(Leaf leaf, Object[] tuple, Object[] row) {
        int slot = leaf.lowerBound(tuple);
        if (slot < leaf.count && compare(tuple, leaf, slot) == 0) {
            return null;
        }
        leaf.insert(slot, tuple, row);
        size++;
        if (leaf.count <= leafCapacity) {
            return null;
        }
        boolean appended = slot == leaf.count - 1 && leaf.next == null;
        int keep = appended ? leaf.count - 1 : leaf.count / 2;
        Leaf right = leaf.splitOff(keep, leafCapacity);
        Object[] separator = new Object[keyColumns + 1];
        for (int c = 0; c < keyColumns; c++) {
            separator[c] = right.keys[c][0];
        }
        separator[keyColumns] = right.rowids[0];
        return new Split(separator, right);
    }

    private Split splitInner(Inner inner) {
        int keep = inner.count / 2;
        Inner right = new Inner(innerCapacity);
        int moved = inner.count - keep;
        System.arraycopy(inner.children, keep, right.children, 0, moved);
        System.arraycopy(inner.separators, keep, right.separators, 0, moved);
        Object[] separator = right.separators[0];
        right.separators[0] = null;
        right.count = moved;
        java.util.Arrays.fill(inner.children, keep, inner.count, null);
        java.util.Arrays.fill(inner.separators, keep, inner.count, null);
        inner.count = keep;
        return new Split(separator, right);
    }

    private boolean delete(Node node, Object[] tuple) {
        if (node instanceof Leaf leaf) {
            int slot = leaf.lowerBound(tuple);
            if (slot == leaf.count || compare(tuple, leaf, slot) != 0) {
                return false;
            }
            leaf.delete(slot);
            size--;
            return true;
        }
        Inner inner = (Inner) node;
        int child = inner.childFor(tuple);
        Node target = inner.children[child];
        if (!delete(target, tuple)) {
            return false;
        }
        if (target.count == 0) {
            if (target instanceof Leaf emptied) {
                emptied.unlink();
            }
            inner.removeChild(child);
        }
        return true;
    }

    /** {@code probe} compared with the entry at {@code slot}: negative if the probe sorts first. */
    static int compare(Object[] probe, Leaf leaf, int slot) {
        int columns = leaf.keys.length;
        int n = Math.min(probe.length, columns + 1);
        for (int c = 0; c < n; c++) {
            Object p = probe[c];
            int cmp;
            if (p instanceof SecondaryIndex.Bound bound) {
                return bound == SecondaryIndex.Bound.LOW ? -1 : 1;
            } else if (c == 0 && leaf.isInt[slot] && p instanceof Long integer) {
                cmp = Long.compare(integer, leaf.ints[slot]); // no load of the boxed key
            } else if (c < columns) {
                cmp = ValueOrder.compareValues(p, leaf.keys[c][slot]);
            } else {
                cmp = Long.compare((Long) p, leaf.rowids[slot]);
            }
            if (cmp != 0) {
                return cmp;
            }
        }
        return probe.length <= columns ? -1 : 0;
    }

    /** {@code probe} compared with a separator (a full key and rowid). */
    static int compare(Object[] probe, Object[] separator) {
        int n = Math.min(probe.length, separator.length);
        for (int c = 0; c < n; c++) {
            Object p = probe[c];
            if (p instanceof SecondaryIndex.Bound bound) {
                return bound == SecondaryIndex.Bound.LOW ? -1 : 1;
            }
            int cmp = ValueOrder.compareValues(p, separator[c]);
            if (cmp != 0) {
                return cmp;
            }
        }
        return probe.length < separator.length ? -1 : 0;
    }

    /** A page. */
    abstract static sealed class Node permits Leaf, Inner {
        int count;
    }

    /** A leaf page: entries column by column in slots {@code 0..count-1}, linked to its neighbours. */
    static final class Leaf extends Node {
        final @Nullable Object[][] keys;
        /** The first key column again where it is an integer ({@code isInt}), read without touching the boxed value. */
        final long[] ints;

        final boolean[] isInt;
        final long[] rowids;
        final Object[][] rows;

        @Nullable
        Leaf prev;

        @Nullable
        Leaf next;

        Leaf(int keyColumns, int capacity) {
            // one spare slot: an insert into a full page goes in first, then the page is split
            keys = new Object[keyColumns][capacity + 1];
            ints = new long[capacity + 1];
            isInt = new boolean[capacity + 1];
            rowids = new long[capacity + 1];
            rows = new Object[capacity + 1][];
        }

        /** The first slot whose entry is at or above {@code probe} ({@code count} if none). */
        int lowerBound(Object[] probe) {
            int low = 0;
            int high = count;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (compare(probe, this, mid) > 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        void insert(int slot, Object[] tuple, Object[] row) {
            int tail = count - slot;
            for (int c = 0; c < keys.length; c++) {
                System.arraycopy(keys[c], slot, keys[c], slot + 1, tail);
                keys[c][slot] = tuple[c];
            }
            System.arraycopy(ints, slot, ints, slot + 1, tail);
            System.arraycopy(isInt, slot, isInt, slot + 1, tail);
            isInt[slot] = tuple[0] instanceof Long;
            ints[slot] = tuple[0] instanceof Long l ? l : 0;
            System.arraycopy(rowids, slot, rowids, slot + 1, tail);
            rowids[slot] = (Long) tuple[keys.length];
            System.arraycopy(rows, slot, rows, slot + 1, tail);
            rows[slot] = row;
            count++;
        }

        void delete(int slot) {
            int tail = count - slot - 1;
            for (Object[] column : keys) {
                System.arraycopy(column, slot + 1, column, slot, tail);
                column[count - 1] = null;
            }
            System.arraycopy(ints, slot + 1, ints, slot, tail);
            System.arraycopy(isInt, slot + 1, isInt, slot, tail);
            System.arraycopy(rowids, slot + 1, rowids, slot, tail);
            System.arraycopy(rows, slot + 1, rows, slot, tail);
            rows[count - 1] = null;
            count--;
        }

        /** Moves slots {@code keep..count-1} to a new leaf linked after this one. */
        Leaf splitOff(int keep, int capacity) {
            Leaf right = new Leaf(keys.length, capacity);
            int moved = count - keep;
            for (int c = 0; c < keys.length; c++) {
                System.arraycopy(keys[c], keep, right.keys[c], 0, moved);
                java.util.Arrays.fill(keys[c], keep, count, null);
            }
            System.arraycopy(ints, keep, right.ints, 0, moved);
            System.arraycopy(isInt, keep, right.isInt, 0, moved);
            System.arraycopy(rowids, keep, right.rowids, 0, moved);
            System.arraycopy(rows, keep, right.rows, 0, moved);
            java.util.Arrays.fill(rows, keep, count, null);
            right.count = moved;
            count = keep;
            right.next = next;
            right.prev = this;
            if (next != null) {
                next.prev = right;
            }
            next = right;
            return right;
        }

        void unlink() {
            if (prev != null) {
                prev.next = next;
            }
            if (next != null) {
                next.prev = prev;
            }
            prev = null;
            next = null;
        }
    }

    /** An inner page: children, and for each child but the first the separator below which its entries do not go. */
    static final class Inner extends Node {
        final Node[] children;
        final @Nullable Object[][] separators;

        Inner(int capacity) {
            children = new Node[capacity + 1];
            separators = new Object[capacity + 1][];
        }

        /** The last child whose separator is at or below {@code probe} (the first child if none). */
        int childFor(Object[] probe) {
            int low = 1;
            int high = count;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (compare(probe, separators[mid]) >= 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low - 1;
        }

        void insertChild(int at, Object[] separator, Node child) {
            System.arraycopy(children, at, children, at + 1, count - at);
            System.arraycopy(separators, at, separators, at + 1, count - at);
            children[at] = child;
            separators[at] = separator;
            count++;
        }

        void removeChild(int at) {
            System.arraycopy(children, at + 1, children, at, count - at - 1);
            System.arraycopy(separators, at + 1, separators, at, count - at - 1);
            count--;
            children[count] = null;
            separators[count] = null;
            separators[0] = null;
        }
    }
}
