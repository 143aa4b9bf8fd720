package dev.keel.snapshot;

import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A node of the CHAMP trie behind {@link PersistentMap}: either a {@link BitmapNode} (the 32-way branch) or, below the
 * last bit of the hash, a {@link CollisionNode} (keys whose whole 32-bit hashes are equal).
 *
 * <p>Nodes are immutable once published. The only mutation is by a {@link PersistentMap.Builder} on nodes it created
 * itself and has not yet handed out (the transient mode); see {@link BitmapNode#putInPlace}.
 */
abstract sealed class ChampNode<K, V> permits BitmapNode, CollisionNode {

    /** Bits of the hash consumed per level: 32 branches. */
    static final int BITS = 5;

    /** The spread hash every level of the trie works on. */
    static int hash(Object key) {
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }

    abstract @Nullable V get(Object key, int hash, int shift);

    abstract boolean containsKey(Object key, int hash, int shift);

    /** This node with {@code key} mapped to {@code value}: {@code this} when nothing changed. */
    abstract ChampNode<K, V> put(K key, V value, int hash, int shift, Change<V> change);

    /** Like {@link #put}, but mutates this node where it can; only for nodes owned by a builder. */
    abstract ChampNode<K, V> putInPlace(K key, V value, int hash, int shift, Change<V> change);

    /** This node without {@code key}: {@code this} when it was absent. */
    abstract ChampNode<K, V> remove(Object key, int hash, int shift, Change<V> change);

    /** True when the node holds exactly one entry and no sub-node: its parent inlines it (canonical form). */
    abstract boolean isSingleEntry();

    /** The key of the entry at {@code index} among this node's own entries. */
    abstract K keyAt(int index);

    abstract V valueAt(int index);

    /** How many entries this node holds itself (not in its sub-nodes). */
    abstract int entryCount();

    /** How many sub-nodes this node has. */
    abstract int nodeCount();

    abstract ChampNode<K, V> nodeAt(int index);

    /** The array whose first {@code 2 * entryCount()} slots are this node's entries as key, value pairs. */
    abstract Object[] entryArray();

    abstract void forEach(BiConsumer<? super K, ? super V> action);

    /**
     * A copy of this sub-trie whose nodes are allocated in the order an iterator visits them (each node, then its
     * array, then its sub-nodes depth first), so that a walk reads memory mostly in sequence. Only for a trie no one
     * else can see yet: {@link PersistentMap.Builder#build()} calls it on the trie it filled in place.
     */
    abstract ChampNode<K, V> copyInIterationOrder();

    /** Structural equality: the canonical form makes two equal maps have the same shape. */
    abstract boolean equivalent(ChampNode<?, ?> other);

    /** What one update did: whether it added an entry, and the value it replaced or removed. */
    static final class Change<V> {
        boolean modified;
        boolean sizeChanged;

        @Nullable
        V previous;

        void added() {
            modified = true;
            sizeChanged = true;
        }

        void replaced(V old) {
            modified = true;
            previous = old;
        }

        void removed(V old) {
            modified = true;
            sizeChanged = true;
            previous = old;
        }
    }
}
