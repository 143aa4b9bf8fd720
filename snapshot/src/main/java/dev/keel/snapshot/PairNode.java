package dev.keel.snapshot;

import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/*
 * How the two-entry node is designed, and why.
 *
 * The bottom of a CHAMP trie is sparse: where random hashes put about one key per position, some two in five of the
 * occupied positions hold two or more keys, and those sub-nodes mostly hold exactly two (at 1M random keys, about
 * 190,000 of some 310,000 nodes, by a Poisson estimate). As a BitmapNode such a node is two objects: the node (24 bytes) and its array (32 bytes), two
 * dependent cache misses for a lookup or an iterator that reaches it. PairNode keeps the two entries in fields: one
 * object of 32 bytes, one cache miss (Steindorfer and Vinju's specialised nodes in Capsule, limited to the one shape
 * that dominates, so the code stays small).
 *
 * Its only state is dataMap (two bits, the positions of the entries) and the entries in position order, so k0/v0 is
 * the entry at the lower position. A node of this shape is always a PairNode (BranchNode.of), the root included,
 * which keeps the class of each node a function of the set of keys: equality may still compare node by node.
 * Immutable, also under a builder: putInPlace returns a new node, which the builder's parent stores.
 */
final class PairNode<K, V> extends BranchNode<K, V> {

    private final int dataMap;
    private final Object k0;
    private final Object v0;
    private final Object k1;
    private final Object v1;

    PairNode(int dataMap, Object k0, Object v0, Object k1, Object v1) {
        this.dataMap = dataMap;
        this.k0 = k0;
        this.v0 = v0;
        this.k1 = k1;
        this.v1 = v1;
    }

    private boolean isFirst(int bit) {
        return bit == (dataMap & -dataMap);
    }

    @Override
    int dataMap() {
        return dataMap;
    }

    @Override
    int nodeMap() {
        return 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    K keyAtBit(int bit) {
        return (K) (isFirst(bit) ? k0 : k1);
    }

    @Override
    @SuppressWarnings("unchecked")
    V valueAtBit(int bit) {
        return (V) (isFirst(bit) ? v0 : v1);
    }

    @Override
    ChampNode<K, V> nodeAtBit(int bit) {
        throw new IllegalStateException("a pair node has no sub-node (bit " + Integer.toBinaryString(bit) + ")");
    }

    @Override
    @SuppressWarnings("unchecked")
    @Nullable
    V get(Object key, int hash, int shift) {
        int bit = bitpos(mask(hash, shift));
        if ((dataMap & bit) == 0) {
            return null;
        }
        Object k;
        Object v;
        if (isFirst(bit)) {
            k = k0;
            v = v0;
        } else {
            k = k1;
            v = v1;
        }
        return k == key || key.equals(k) ? (V) v : null;
    }

    @Override
    boolean containsKey(Object key, int hash, int shift) {
        int bit = bitpos(mask(hash, shift));
        if ((dataMap & bit) == 0) {
            return false;
        }
        Object k = isFirst(bit) ? k0 : k1;
        return k == key || key.equals(k);
    }

    @Override
    @SuppressWarnings("unchecked")
    ChampNode<K, V> put(K key, V value, int hash, int shift, Change<V> change) {
        int bit = bitpos(mask(hash, shift));
        if ((dataMap & bit) != 0) {
            boolean first = isFirst(bit);
            K k = (K) (first ? k0 : k1);
            V v = (V) (first ? v0 : v1);
            if (k == key || k.equals(key)) {
                if (v == value) {
                    return this;
                }
                change.replaced(v);
                return first ? new PairNode<>(dataMap, k0, value, k1, v1) : new PairNode<>(dataMap, k0, v0, k1, value);
            }
            change.added();
            ChampNode<K, V> merged = BitmapNode.mergeTwo(k, v, hash(k), key, value, hash, shift + BITS);
            Object[] content = first ? new Object[] {k1, v1, merged} : new Object[] {k0, v0, merged};
            return new BitmapNode<>(dataMap ^ bit, bit, content);
        }
        change.added();
        Object[] content;
        int low = dataMap & -dataMap;
        if (Integer.compareUnsigned(bit, low) < 0) {
            content = new Object[] {key, value, k0, v0, k1, v1};
        } else if (Integer.compareUnsigned(bit, dataMap ^ low) < 0) {
            content = new Object[] {k0, v0, key, value, k1, v1};
        } else {
            content = new Object[] {k0, v0, k1, v1, key, value};
        }
        return new BitmapNode<>(dataMap | bit, 0, content);
    }

    @Override
    ChampNode<K, V> putInPlace(K key, V value, int hash, int shift, Change<V> change) {
        return put(key, value, hash, shift, change);
    }

    @Override
    @SuppressWarnings("unchecked")
    ChampNode<K, V> remove(Object key, int hash, int shift, Change<V> change) {
        int bit = bitpos(mask(hash, shift));
        if ((dataMap & bit) == 0) {
            return this;
        }
        boolean first = isFirst(bit);
        Object k = first ? k0 : k1;
        if (!(k == key || key.equals(k))) {
            return this;
        }
        change.removed((V) (first ? v0 : v1));
        Object[] rest = first ? new Object[] {k1, v1} : new Object[] {k0, v0};
        return new BitmapNode<>(dataMap ^ bit, 0, rest);
    }

    @Override
    boolean isSingleEntry() {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    K keyAt(int index) {
        return (K) (index == 0 ? k0 : k1);
    }

    @Override
    @SuppressWarnings("unchecked")
    V valueAt(int index) {
        return (V) (index == 0 ? v0 : v1);
    }

    @Override
    int entryCount() {
        return 2;
    }

    @Override
    int nodeCount() {
        return 0;
    }

    @Override
    ChampNode<K, V> nodeAt(int index) {
        throw new IllegalStateException("a pair node has no sub-node (index " + index + ")");
    }

    @Override
    Object[] entryArray(Object[] scratch) {
        scratch[0] = k0;
        scratch[1] = v0;
        scratch[2] = k1;
        scratch[3] = v1;
        return scratch;
    }

    @Override
    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<? super K, ? super V> action) {
        action.accept((K) k0, (V) v0);
        action.accept((K) k1, (V) v1);
    }

    @Override
    boolean equivalent(ChampNode<?, ?> other) {
        if (other == this) {
            return true;
        }
        // Identity first, as in BitmapNode: versions of one map share their keys and values.
        return other instanceof PairNode<?, ?> that
                && that.dataMap == dataMap
                && (k0 == that.k0 || k0.equals(that.k0))
                && (v0 == that.v0 || v0.equals(that.v0))
                && (k1 == that.k1 || k1.equals(that.k1))
                && (v1 == that.v1 || v1.equals(that.v1));
    }
}
