package dev.keel.snapshot;

import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/*
 * How the persistent sorted map's tree is designed, and why.
 *
 * A weight-balanced binary search tree (Adams, "Efficient sets: a balancing act", 1993; the parameters delta = 3,
 * ratio = 2 are the ones Hirai and Yamamoto proved correct, used by Haskell's Data.Map). Every node stores the size
 * of its subtree, and the tree keeps, at every node with two or more entries below it, neither side more than delta
 * times the other. An update rebuilds the path from the root to the changed node (O(log n) new nodes), rebalancing
 * each rebuilt node with at most a double rotation; everything off the path is shared with the old tree.
 *
 * Why weight balance rather than red-black or AVL: the sizes give O(log n) split and join ("link" below), so a
 * range view (subMap, headMap, tailMap) is a real tree of its own, built in O(log n) by cutting the tree at its
 * bounds; and deletion is as simple as insertion (no red-black deletion cases). The cost is an int per node. A
 * B-tree would be shallower and denser in memory but copies a whole wide node per update.
 *
 * A null node is the empty tree. All algorithms are static and allocate only new nodes; nodes are never written.
 */
final class SortedTree {

    private static final int DELTA = 3;
    private static final int RATIO = 2;

    private SortedTree() {}

    /** An immutable tree node; {@code size} counts the entries of the subtree rooted here. */
    static final class Node<K, V> {
        final K key;
        final V value;
        final @Nullable Node<K, V> left;
        final @Nullable Node<K, V> right;
        final int size;

        Node(K key, V value, @Nullable Node<K, V> left, @Nullable Node<K, V> right) {
            this.key = key;
            this.value = value;
            this.left = left;
            this.right = right;
            this.size = size(left) + size(right) + 1;
        }
    }

    static int size(@Nullable Node<?, ?> node) {
        return node == null ? 0 : node.size;
    }

    static <K, V> @Nullable Node<K, V> find(@Nullable Node<K, V> node, Object key, Comparator<? super K> order) {
        @SuppressWarnings("unchecked")
        K k = (K) key;
        while (node != null) {
            int c = order.compare(k, node.key);
            if (c == 0) {
                return node;
            }
            node = c < 0 ? node.left : node.right;
        }
        return null;
    }

    static <K, V> Node<K, V> put(
            @Nullable Node<K, V> node, K key, V value, Comparator<? super K> order, ChampNode.Change<V> change) {
        if (node == null) {
            change.added();
            return new Node<>(key, value, null, null);
        }
        int c = order.compare(key, node.key);
        if (c < 0) {
            Node<K, V> left = put(node.left, key, value, order, change);
            return left == node.left ? node : balance(node.key, node.value, left, node.right);
        }
        if (c > 0) {
            Node<K, V> right = put(node.right, key, value, order, change);
            return right == node.right ? node : balance(node.key, node.value, node.left, right);
        }
        if (node.value == value) {
            return node;
        }
        change.replaced(node.value);
        return new Node<>(node.key, value, node.left, node.right);
    }

    static <K, V> @Nullable Node<K, V> remove(
            @Nullable Node<K, V> node, K key, Comparator<? super K> order, ChampNode.Change<V> change) {
        if (node == null) {
            return null;
        }
        int c = order.compare(key, node.key);
        if (c < 0) {
            Node<K, V> left = remove(node.left, key, order, change);
            return left == node.left ? node : balance(node.key, node.value, left, node.right);
        }
        if (c > 0) {
            Node<K, V> right = remove(node.right, key, order, change);
            return right == node.right ? node : balance(node.key, node.value, node.left, right);
        }
        change.removed(node.value);
        return glue(node.left, node.right);
    }

    /** Joins two trees whose sizes are balanced with each other, every key of {@code left} below {@code right}. */
    private static <K, V> @Nullable Node<K, V> glue(@Nullable Node<K, V> left, @Nullable Node<K, V> right) {
        if (left == null) {
            return right;
        }
        if (right == null) {
            return left;
        }
        if (left.size > right.size) {
            Node<K, V> max = max(left);
            return balance(max.key, max.value, removeMax(left), right);
        }
        Node<K, V> min = min(right);
        return balance(min.key, min.value, left, removeMin(right));
    }

    private static <K, V> @Nullable Node<K, V> removeMin(Node<K, V> node) {
        return node.left == null ? node.right : balance(node.key, node.value, removeMin(node.left), node.right);
    }

    private static <K, V> @Nullable Node<K, V> removeMax(Node<K, V> node) {
        return node.right == null ? node.left : balance(node.key, node.value, node.left, removeMax(node.right));
    }

    static <K, V> Node<K, V> min(Node<K, V> node) {
        while (node.left != null) {
            node = node.left;
        }
        return node;
    }

    static <K, V> Node<K, V> max(Node<K, V> node) {
        while (node.right != null) {
            node = node.right;
        }
        return node;
    }

    /** A node of the entry and the two subtrees, rotated once or twice if one side outweighs the other. */
    private static <K, V> Node<K, V> balance(K key, V value, @Nullable Node<K, V> left, @Nullable Node<K, V> right) {
        int sl = size(left);
        int sr = size(right);
        if (sl + sr <= 1) {
            return new Node<>(key, value, left, right);
        }
        if (sr > DELTA * sl) {
            Node<K, V> r = Objects.requireNonNull(right);
            if (size(r.left) < RATIO * size(r.right)) {
                return new Node<>(r.key, r.value, new Node<>(key, value, left, r.left), r.right);
            }
            Node<K, V> rl = Objects.requireNonNull(r.left);
            return new Node<>(
                    rl.key,
                    rl.value,
                    new Node<>(key, value, left, rl.left),
                    new Node<>(r.key, r.value, rl.right, r.right));
        }
        if (sl > DELTA * sr) {
            Node<K, V> l = Objects.requireNonNull(left);
            if (size(l.right) < RATIO * size(l.left)) {
                return new Node<>(l.key, l.value, l.left, new Node<>(key, value, l.right, right));
            }
            Node<K, V> lr = Objects.requireNonNull(l.right);
            return new Node<>(
                    lr.key,
                    lr.value,
                    new Node<>(l.key, l.value, l.left, lr.left),
                    new Node<>(key, value, lr.right, right));
        }
        return new Node<>(key, value, left, right);
    }

    /** Joins {@code left}, the entry and {@code right} (keys in that order), whatever their sizes: O(log n). */
    private static <K, V> Node<K, V> link(K key, V value, @Nullable Node<K, V> left, @Nullable Node<K, V> right) {
        if (left == null) {
            return insertMin(key, value, right);
        }
        if (right == null) {
            return insertMax(key, value, left);
        }
        if (DELTA * left.size < right.size) {
            return balance(right.key, right.value, link(key, value, left, right.left), right.right);
        }
        if (DELTA * right.size < left.size) {
            return balance(left.key, left.value, left.left, link(key, value, left.right, right));
        }
        return new Node<>(key, value, left, right);
    }

    private static <K, V> Node<K, V> insertMin(K key, V value, @Nullable Node<K, V> node) {
        return node == null
                ? new Node<>(key, value, null, null)
                : balance(node.key, node.value, insertMin(key, value, node.left), node.right);
    }

    private static <K, V> Node<K, V> insertMax(K key, V value, @Nullable Node<K, V> node) {
        return node == null
                ? new Node<>(key, value, null, null)
                : balance(node.key, node.value, node.left, insertMax(key, value, node.right));
    }

    /** The entries above {@code low} (or equal to it, if {@code inclusive}), as a tree: O(log n). */
    static <K, V> @Nullable Node<K, V> above(
            @Nullable Node<K, V> node, K low, boolean inclusive, Comparator<? super K> order) {
        if (node == null) {
            return null;
        }
        int c = order.compare(low, node.key);
        if (c < 0) {
            return link(node.key, node.value, above(node.left, low, inclusive, order), node.right);
        }
        if (c > 0) {
            return above(node.right, low, inclusive, order);
        }
        return inclusive ? insertMin(node.key, node.value, node.right) : node.right;
    }

    /** The entries below {@code high} (or equal to it, if {@code inclusive}), as a tree: O(log n). */
    static <K, V> @Nullable Node<K, V> below(
            @Nullable Node<K, V> node, K high, boolean inclusive, Comparator<? super K> order) {
        if (node == null) {
            return null;
        }
        int c = order.compare(high, node.key);
        if (c > 0) {
            return link(node.key, node.value, node.left, below(node.right, high, inclusive, order));
        }
        if (c < 0) {
            return below(node.left, high, inclusive, order);
        }
        return inclusive ? insertMax(node.key, node.value, node.left) : node.left;
    }

    /** The greatest entry below {@code key} (or equal to it, if {@code inclusive}); null if none. */
    static <K, V> @Nullable Node<K, V> floor(
            @Nullable Node<K, V> node, K key, boolean inclusive, Comparator<? super K> order) {
        Node<K, V> best = null;
        while (node != null) {
            int c = order.compare(key, node.key);
            if (c == 0 && inclusive) {
                return node;
            }
            if (c > 0) {
                best = node;
                node = node.right;
            } else {
                node = node.left;
            }
        }
        return best;
    }

    /** The least entry above {@code key} (or equal to it, if {@code inclusive}); null if none. */
    static <K, V> @Nullable Node<K, V> ceiling(
            @Nullable Node<K, V> node, K key, boolean inclusive, Comparator<? super K> order) {
        Node<K, V> best = null;
        while (node != null) {
            int c = order.compare(key, node.key);
            if (c == 0 && inclusive) {
                return node;
            }
            if (c < 0) {
                best = node;
                node = node.left;
            } else {
                node = node.right;
            }
        }
        return best;
    }
}
