package dev.keel.snapshot;

import dev.keel.snapshot.SortedTree.Node;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Walks a {@link SortedTree} in key order, ascending or descending, with an explicit stack of the nodes still to
 * visit (the path's left spine, or right spine when descending).
 *
 * <p>Not thread-safe (one iterator, one thread); the tree is immutable, so any number may walk it at once.
 */
abstract class SortedIterator<K, V, T> implements Iterator<T> {

    private final boolean descending;

    @SuppressWarnings("unchecked")
    private Node<K, V>[] stack = (Node<K, V>[]) new Node<?, ?>[16];

    private int depth;

    SortedIterator(@Nullable Node<K, V> root, boolean descending) {
        this.descending = descending;
        pushSpine(root);
    }

    private void pushSpine(@Nullable Node<K, V> node) {
        while (node != null) {
            if (depth == stack.length) {
                stack = Arrays.copyOf(stack, 2 * depth);
            }
            stack[depth++] = node;
            node = descending ? node.right : node.left;
        }
    }

    @Override
    public final boolean hasNext() {
        return depth > 0;
    }

    @Override
    public final T next() {
        if (depth == 0) {
            throw new NoSuchElementException("no more entries");
        }
        Node<K, V> node = stack[--depth];
        stack[depth] = null;
        pushSpine(descending ? node.left : node.right);
        return output(node);
    }

    abstract T output(Node<K, V> node);

    static final class Entries<K, V> extends SortedIterator<K, V, Map.Entry<K, V>> {
        Entries(@Nullable Node<K, V> root, boolean descending) {
            super(root, descending);
        }

        @Override
        Map.Entry<K, V> output(Node<K, V> node) {
            return Map.entry(node.key, node.value);
        }
    }

    static final class Keys<K, V> extends SortedIterator<K, V, K> {
        Keys(@Nullable Node<K, V> root, boolean descending) {
            super(root, descending);
        }

        @Override
        K output(Node<K, V> node) {
            return node.key;
        }
    }

    static final class Values<K, V> extends SortedIterator<K, V, V> {
        Values(@Nullable Node<K, V> root, boolean descending) {
            super(root, descending);
        }

        @Override
        V output(Node<K, V> node) {
            return node.value;
        }
    }
}
