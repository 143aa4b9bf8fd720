package dev.keel.snapshot;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/*
 * How the walk is designed, and why.
 *
 * The state is a handful of scalar fields and no arrays: the entries being scanned (array, cursor, limit), the node
 * whose sub-nodes are being visited ("parent", with the index of the next one), that node's depth, and the path from
 * the root to it as one int of 5-bit child indexes (the index taken at level 0 in the highest digit). A parent is at
 * most at depth 6 (shift 30, the last branch level; collision nodes below it have no sub-nodes), so the path needs at
 * most six digits, 30 bits.
 *
 * Going down (a sub-node that has sub-nodes of its own becomes the parent) appends a digit; finishing a parent's
 * sub-nodes pops one and finds the grandparent again by following the remaining digits from the root
 * (parentOnPath). That costs one array read per level, once per node that has sub-nodes: at 2^20 entries 50,000 of
 * the 327,000 nodes (the benchmark's keys), and the levels it reads are the top of the trie, in cache.
 *
 * Why: so that a for-each over the map allocates nothing. C2 removes an allocation (scalar replacement) only when
 * the object never escapes, so every call that takes the iterator must be inlined into the caller's loop. The walk
 * before this one (a stack of node and index arrays, as Scala 2.13's ChampBaseIterator has, made only when the walk
 * left the root) moved to the next node in a method of its own, which C2 never inlined: it inlines a method of more
 * than 35 bytes of bytecode only from a call site that runs at least a quarter as often as its caller, and moving to
 * the next node runs once per node while hasNext() runs once per entry. So the iterator escaped into that call and
 * was allocated, with its arrays when the walk went deeper: 48 bytes per walk of 16 Integer keys, 144 for the 16
 * String keys of the benchmark (JMH -prof gc, session 7), about as much time as reading the 16 entries. Now the whole
 * walk is in hasNext() (called once per entry, so it is inlined up to 325 bytes of bytecode), the re-descent is a
 * static method (taking no `this` out of line even when not inlined), there are no arrays to index by depth, and
 * the iterator, and the Map.Entry each next() makes, are scalar-replaced: 0 bytes per walk. (Session 6 tried two
 * levels in fields over the arrays: no clear gain, not kept.)
 *
 * next() is written in each subclass, not once here: a shared next() would see entry, key and value iterators at its
 * one call to a subclass's output method and stop inlining it (a megamorphic call), and the entry would escape.
 */
/**
 * Walks a CHAMP trie depth first: a node's own entries (a linear scan of its array), then each sub-node.
 *
 * <p>Not thread-safe (one iterator, one thread); the trie it walks is immutable, so any number of iterators may walk
 * it at once.
 */
abstract class ChampIterator<K, V, T> implements Iterator<T> {

    private static final int DIGIT_BITS = ChampNode.BITS;
    private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;

    private final ChampNode<?, ?> root;
    private @Nullable ChampNode<?, ?> parent;
    private int nextChild;
    private int depth;
    private int path;

    Object[] entries;
    int cursor;
    private int limit;

    ChampIterator(ChampNode<K, V> root) {
        this.root = root;
        entries = root.entryArray();
        limit = 2 * root.entryCount();
        if (root.nodeCount() > 0) {
            parent = root;
        }
    }

    /* The whole walk is here, not in a method this calls, so that it inlines into the caller's loop (see above). */
    @Override
    public final boolean hasNext() {
        if (cursor < limit) {
            return true;
        }
        ChampNode<?, ?> node = parent;
        while (node != null) {
            int index = nextChild;
            if (index < node.nodeCount()) {
                ChampNode<?, ?> child = node.nodeAt(index);
                if (child.nodeCount() > 0) {
                    path = (path << DIGIT_BITS) | index;
                    depth++;
                    parent = child;
                    nextChild = 0;
                } else {
                    nextChild = index + 1;
                }
                int count = child.entryCount();
                if (count > 0) {
                    entries = child.entryArray();
                    cursor = 0;
                    limit = 2 * count;
                    return true;
                }
            } else if (depth == 0) {
                parent = null;
            } else {
                nextChild = (path & DIGIT_MASK) + 1;
                path >>>= DIGIT_BITS;
                depth--;
                parent = parentOnPath(root, path, depth);
            }
            node = parent;
        }
        return false;
    }

    /** The node at {@code depth} below {@code root} reached by the digits of {@code path}, the first in the highest. */
    private static ChampNode<?, ?> parentOnPath(ChampNode<?, ?> root, int path, int depth) {
        ChampNode<?, ?> node = root;
        for (int shift = DIGIT_BITS * (depth - 1); shift >= 0; shift -= DIGIT_BITS) {
            node = node.nodeAt((path >>> shift) & DIGIT_MASK);
        }
        return node;
    }

    /** Moves past the next entry and returns the index of its key in {@link #entries}. */
    final int step() {
        int i = cursor;
        if (i >= limit) {
            if (!hasNext()) {
                throw new NoSuchElementException("no more entries");
            }
            i = cursor;
        }
        cursor = i + 2;
        return i;
    }

    static final class Entries<K, V> extends ChampIterator<K, V, Map.Entry<K, V>> {
        Entries(ChampNode<K, V> root) {
            super(root);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map.Entry<K, V> next() {
            int i = step();
            return Map.entry((K) entries[i], (V) entries[i + 1]);
        }
    }

    static final class Keys<K, V> extends ChampIterator<K, V, K> {
        Keys(ChampNode<K, V> root) {
            super(root);
        }

        @Override
        @SuppressWarnings("unchecked")
        public K next() {
            int i = step();
            return (K) entries[i];
        }
    }

    static final class Values<K, V> extends ChampIterator<K, V, V> {
        Values(ChampNode<K, V> root) {
            super(root);
        }

        @Override
        @SuppressWarnings("unchecked")
        public V next() {
            int i = step();
            return (V) entries[i + 1];
        }
    }
}
