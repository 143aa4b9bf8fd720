package dev.keel.snapshot;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Walks a CHAMP trie depth first: a node's own entries (a linear scan of its array), then each sub-node. The stack
 * holds at most one node per level, 7 branch levels above any collision node, so it is a fixed array.
 *
 * <p>Not thread-safe (one iterator, one thread); the trie it walks is immutable, so any number of iterators may walk
 * it at once.
 */
abstract class ChampIterator<K, V, T> implements Iterator<T> {

    private static final int MAX_DEPTH = 8;

    private final ChampNode<?, ?>[] stack = new ChampNode<?, ?>[MAX_DEPTH];
    private final int[] nextChild = new int[MAX_DEPTH];
    private int depth = -1;

    private Object[] entries;
    private int cursor;
    private int limit;

    ChampIterator(ChampNode<K, V> root) {
        entries = root.entryArray();
        limit = 2 * root.entryCount();
        if (root.nodeCount() > 0) {
            depth = 0;
            stack[0] = root;
        }
    }

    @Override
    public final boolean hasNext() {
        return cursor < limit || descend();
    }

    private boolean descend() {
        while (depth >= 0) {
            ChampNode<?, ?> node = stack[depth];
            if (nextChild[depth] < node.nodeCount()) {
                ChampNode<?, ?> child = node.nodeAt(nextChild[depth]++);
                if (child.nodeCount() > 0) {
                    depth++;
                    stack[depth] = child;
                    nextChild[depth] = 0;
                }
                if (child.entryCount() > 0) {
                    entries = child.entryArray();
                    cursor = 0;
                    limit = 2 * child.entryCount();
                    return true;
                }
            } else {
                stack[depth] = null;
                depth--;
            }
        }
        return false;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more entries");
        }
        int i = cursor;
        cursor = i + 2;
        return output(entries, i);
    }

    /** The element for the entry whose key is at {@code entries[i]} and value at {@code entries[i + 1]}. */
    abstract T output(Object[] entries, int i);

    static final class Entries<K, V> extends ChampIterator<K, V, Map.Entry<K, V>> {
        Entries(ChampNode<K, V> root) {
            super(root);
        }

        @Override
        @SuppressWarnings("unchecked")
        Map.Entry<K, V> output(Object[] entries, int i) {
            return Map.entry((K) entries[i], (V) entries[i + 1]);
        }
    }

    static final class Keys<K, V> extends ChampIterator<K, V, K> {
        Keys(ChampNode<K, V> root) {
            super(root);
        }

        @Override
        @SuppressWarnings("unchecked")
        K output(Object[] entries, int i) {
            return (K) entries[i];
        }
    }

    static final class Values<K, V> extends ChampIterator<K, V, V> {
        Values(ChampNode<K, V> root) {
            super(root);
        }

        @Override
        @SuppressWarnings("unchecked")
        V output(Object[] entries, int i) {
            return (V) entries[i + 1];
        }
    }
}
