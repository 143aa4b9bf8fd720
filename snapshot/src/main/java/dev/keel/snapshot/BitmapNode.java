package dev.keel.snapshot;

import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/*
 * How the CHAMP branch node is designed, and why.
 *
 * A node covers 5 bits of the hash at its level (shift). Two 32-bit bitmaps say what each of the 32 positions holds:
 * dataMap marks an inline entry, nodeMap a sub-node, and no position is in both. One array holds everything:
 *
 *     content = [ k0, v0, k1, v1, ... k(d-1), v(d-1),  node(n-1), ... node1, node0 ]
 *                 entries in position order              sub-nodes in reverse position order
 *
 * An entry's index is bitCount(dataMap & (bit - 1)); a sub-node's is counted from the end the same way. Keeping
 * entries before nodes (Steindorfer and Vinju, "Optimizing Hash-Array Mapped Tries for Fast and Lean Immutable JVM
 * Collections", OOPSLA 2015) makes iteration a linear scan of the entries and a recursion into the nodes, with no
 * per-slot type test, which is what makes CHAMP iterate and compare faster than Clojure's HAMT (one bitmap, slots that
 * are either an entry or a node, and empty slots for sub-trees).
 *
 * Canonical form: a sub-node always holds at least two entries in its sub-tree. When a removal leaves a sub-node with
 * a single entry, the parent takes that entry inline (see remove), and so on up the path. With that rule, a set of keys
 * has exactly one trie whatever the order of insertions and removals, so equality is a parallel walk of two tries that
 * compares bitmaps first and can stop at the first difference (see equivalent).
 *
 * Rejected: a node class that keeps two entries in fields (Capsule's specialised nodes, for the commonest shape at the
 * sparse bottom of a trie: one object instead of a node and an array). Tried in session 4: it cut memory from 21.1 to
 * 16.2 bytes per entry at 1M entries, but made iteration at 1,024 entries about 1.3x slower relative to Scala in
 * interleaved A/B runs (the iterator's node calls turn bimorphic and it must copy the fields out), which is the goal
 * this layout exists for; at 1M no gain could be seen on a loaded machine.
 *
 * Rejected: caching each key's hash in the node (Scala 2.13 does, for faster misses and rehash-free merges) costs 4
 * bytes per entry; keel keeps the node lean and recomputes the one hash it needs when two keys meet at a position.
 * put computes that hash before calling equals: the hash is needed anyway to push the two keys down, and it settles
 * the common case (different keys, different hashes) without equals, which for a String reads both character arrays.
 * Lookups and removals keep equals alone: they need no hash, and a hit with an equal but distinct key would pay for
 * one (uncached for most key types other than String).
 */
final class BitmapNode<K, V> extends ChampNode<K, V> {

    private static final BitmapNode<?, ?> EMPTY = new BitmapNode<>(0, 0, new Object[0]);

    /** Mutable only through {@link #putInPlace} on a builder's own nodes. */
    private int dataMap;

    private int nodeMap;
    private Object[] content;

    BitmapNode(int dataMap, int nodeMap, Object[] content) {
        this.dataMap = dataMap;
        this.nodeMap = nodeMap;
        this.content = content;
    }

    @SuppressWarnings("unchecked")
    static <K, V> BitmapNode<K, V> empty() {
        return (BitmapNode<K, V>) EMPTY;
    }

    static int mask(int hash, int shift) {
        return (hash >>> shift) & 31;
    }

    static int bitpos(int mask) {
        return 1 << mask;
    }

    int dataMap() {
        return dataMap;
    }

    int nodeMap() {
        return nodeMap;
    }

    private static int index(int bitmap, int bit) {
        return Integer.bitCount(bitmap & (bit - 1));
    }

    /**
     * The index of the sub-node at the position of {@code bit}, from the end of the content. Computed from the bitmaps
     * ({@code content.length} is {@code 2 * entries + nodes}) rather than read from the array's length: the length is
     * in the array's first cache line and the sub-nodes are at its end, so reading it first would make a lookup wait
     * for two misses in a row on a large node; from the bitmaps, only the bounds check waits for the length.
     */
    private int nodeIndex(int bit) {
        return 2 * Integer.bitCount(dataMap) + Integer.bitCount(nodeMap) - 1 - index(nodeMap, bit);
    }

    /** The key of the entry at the position of {@code bit}, which must be in {@link #dataMap()}. */
    @SuppressWarnings("unchecked")
    K keyAtBit(int bit) {
        return (K) content[2 * index(dataMap, bit)];
    }

    /** The value of the entry at the position of {@code bit}, which must be in {@link #dataMap()}. */
    @SuppressWarnings("unchecked")
    V valueAtBit(int bit) {
        return (V) content[2 * index(dataMap, bit) + 1];
    }

    /** The sub-node at the position of {@code bit}, which must be in {@link #nodeMap()}. */
    @SuppressWarnings("unchecked")
    ChampNode<K, V> nodeAtBit(int bit) {
        return (ChampNode<K, V>) content[nodeIndex(bit)];
    }

    @Override
    @SuppressWarnings("unchecked")
    @Nullable
    V get(Object key, int hash, int shift) {
        int bit = bitpos(mask(hash, shift));
        if ((dataMap & bit) != 0) {
            int i = 2 * index(dataMap, bit);
            Object k = content[i];
            return k == key || key.equals(k) ? (V) content[i + 1] : null;
        }
        if ((nodeMap & bit) != 0) {
            return nodeAtBit(bit).get(key, hash, shift + BITS);
        }
        return null;
    }

    @Override
    boolean containsKey(Object key, int hash, int shift) {
        int bit = bitpos(mask(hash, shift));
        if ((dataMap & bit) != 0) {
            Object k = content[2 * index(dataMap, bit)];
            return k == key || key.equals(k);
        }
        return (nodeMap & bit) != 0 && nodeAtBit(bit).containsKey(key, hash, shift + BITS);
    }

    @Override
    @SuppressWarnings("unchecked")
    ChampNode<K, V> put(K key, V value, int hash, int shift, Change<V> change) {
        int bit = bitpos(mask(hash, shift));
        if ((dataMap & bit) != 0) {
            int i = 2 * index(dataMap, bit);
            K k = (K) content[i];
            int kHash;
            if (k == key || ((kHash = hash(k)) == hash && k.equals(key))) {
                V old = (V) content[i + 1];
                if (old == value) {
                    return this;
                }
                change.replaced(old);
                Object[] copy = content.clone();
                copy[i + 1] = value;
                return new BitmapNode<>(dataMap, nodeMap, copy);
            }
            change.added();
            ChampNode<K, V> merged = mergeTwo(k, (V) content[i + 1], kHash, key, value, hash, shift + BITS);
            return new BitmapNode<>(dataMap ^ bit, nodeMap | bit, dataToNode(bit, i, merged));
        }
        if ((nodeMap & bit) != 0) {
            int ni = nodeIndex(bit);
            ChampNode<K, V> sub = (ChampNode<K, V>) content[ni];
            ChampNode<K, V> updated = sub.put(key, value, hash, shift + BITS, change);
            if (updated == sub) {
                return this;
            }
            Object[] copy = content.clone();
            copy[ni] = updated;
            return new BitmapNode<>(dataMap, nodeMap, copy);
        }
        change.added();
        return new BitmapNode<>(dataMap | bit, nodeMap, insertEntry(2 * index(dataMap, bit), key, value));
    }

    @Override
    @SuppressWarnings("unchecked")
    ChampNode<K, V> putInPlace(K key, V value, int hash, int shift, Change<V> change) {
        int bit = bitpos(mask(hash, shift));
        if ((dataMap & bit) != 0) {
            int i = 2 * index(dataMap, bit);
            K k = (K) content[i];
            int kHash;
            if (k == key || ((kHash = hash(k)) == hash && k.equals(key))) {
                V old = (V) content[i + 1];
                if (old != value) {
                    change.replaced(old);
                    content[i + 1] = value;
                }
                return this;
            }
            change.added();
            ChampNode<K, V> merged = mergeTwo(k, (V) content[i + 1], kHash, key, value, hash, shift + BITS);
            content = dataToNode(bit, i, merged);
            dataMap ^= bit;
            nodeMap |= bit;
            return this;
        }
        if ((nodeMap & bit) != 0) {
            int ni = nodeIndex(bit);
            ChampNode<K, V> sub = (ChampNode<K, V>) content[ni];
            content[ni] = sub.putInPlace(key, value, hash, shift + BITS, change);
            return this;
        }
        change.added();
        content = insertEntry(2 * index(dataMap, bit), key, value);
        dataMap |= bit;
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    ChampNode<K, V> remove(Object key, int hash, int shift, Change<V> change) {
        int bit = bitpos(mask(hash, shift));
        if ((dataMap & bit) != 0) {
            int i = 2 * index(dataMap, bit);
            Object k = content[i];
            if (!(k == key || key.equals(k))) {
                return this;
            }
            change.removed((V) content[i + 1]);
            Object[] copy = new Object[content.length - 2];
            System.arraycopy(content, 0, copy, 0, i);
            System.arraycopy(content, i + 2, copy, i, content.length - i - 2);
            return new BitmapNode<>(dataMap ^ bit, nodeMap, copy);
        }
        if ((nodeMap & bit) != 0) {
            int ni = nodeIndex(bit);
            ChampNode<K, V> sub = (ChampNode<K, V>) content[ni];
            ChampNode<K, V> updated = sub.remove(key, hash, shift + BITS, change);
            if (updated == sub) {
                return this;
            }
            if (updated.isSingleEntry()) {
                return new BitmapNode<>(
                        dataMap | bit, nodeMap ^ bit, nodeToData(bit, ni, updated.keyAt(0), updated.valueAt(0)));
            }
            Object[] copy = content.clone();
            copy[ni] = updated;
            return new BitmapNode<>(dataMap, nodeMap, copy);
        }
        return this;
    }

    /** A sub-trie holding exactly the two entries, as deep as their hashes agree (a collision node below 32 bits). */
    static <K, V> ChampNode<K, V> mergeTwo(K k0, V v0, int h0, K k1, V v1, int h1, int shift) {
        if (shift >= Integer.SIZE) {
            return new CollisionNode<>(h0, new Object[] {k0, v0, k1, v1});
        }
        int m0 = mask(h0, shift);
        int m1 = mask(h1, shift);
        if (m0 != m1) {
            Object[] entries = m0 < m1 ? new Object[] {k0, v0, k1, v1} : new Object[] {k1, v1, k0, v0};
            return new BitmapNode<>(bitpos(m0) | bitpos(m1), 0, entries);
        }
        return new BitmapNode<>(0, bitpos(m0), new Object[] {mergeTwo(k0, v0, h0, k1, v1, h1, shift + BITS)});
    }

    private Object[] insertEntry(int i, Object key, Object value) {
        Object[] copy = new Object[content.length + 2];
        System.arraycopy(content, 0, copy, 0, i);
        copy[i] = key;
        copy[i + 1] = value;
        System.arraycopy(content, i, copy, i + 2, content.length - i);
        return copy;
    }

    /** The content with the entry at {@code i} replaced by {@code node} at the node position of {@code bit}. */
    private Object[] dataToNode(int bit, int i, ChampNode<?, ?> node) {
        int length = content.length;
        int j = index(nodeMap, bit);
        Object[] copy = new Object[length - 1];
        System.arraycopy(content, 0, copy, 0, i);
        System.arraycopy(content, i + 2, copy, i, length - 2 - j - i);
        copy[length - 2 - j] = node;
        System.arraycopy(content, length - j, copy, length - 1 - j, j);
        return copy;
    }

    /** The content with the node at {@code ni} removed and the entry inserted at the data position of {@code bit}. */
    private Object[] nodeToData(int bit, int ni, Object key, Object value) {
        int i = 2 * index(dataMap, bit);
        Object[] copy = new Object[content.length + 1];
        System.arraycopy(content, 0, copy, 0, i);
        copy[i] = key;
        copy[i + 1] = value;
        System.arraycopy(content, i, copy, i + 2, ni - i);
        System.arraycopy(content, ni + 1, copy, ni + 2, content.length - ni - 1);
        return copy;
    }

    @Override
    boolean isSingleEntry() {
        return nodeMap == 0 && Integer.bitCount(dataMap) == 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    K keyAt(int index) {
        return (K) content[2 * index];
    }

    @Override
    @SuppressWarnings("unchecked")
    V valueAt(int index) {
        return (V) content[2 * index + 1];
    }

    @Override
    int entryCount() {
        return Integer.bitCount(dataMap);
    }

    @Override
    int nodeCount() {
        return Integer.bitCount(nodeMap);
    }

    @Override
    @SuppressWarnings("unchecked")
    ChampNode<K, V> nodeAt(int index) {
        return (ChampNode<K, V>) content[content.length - 1 - index];
    }

    @Override
    Object[] entryArray() {
        return content;
    }

    @Override
    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<? super K, ? super V> action) {
        int entries = 2 * Integer.bitCount(dataMap);
        for (int i = 0; i < entries; i += 2) {
            action.accept((K) content[i], (V) content[i + 1]);
        }
        for (int i = content.length - 1; i >= entries; i--) {
            ((ChampNode<K, V>) content[i]).forEach(action);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    ChampNode<K, V> copyInIterationOrder() {
        Object[] copy = new Object[content.length];
        BitmapNode<K, V> node = new BitmapNode<>(dataMap, nodeMap, copy);
        int entries = 2 * Integer.bitCount(dataMap);
        System.arraycopy(content, 0, copy, 0, entries);
        // Sub-nodes are stored from the end and iterated from the end (nodeAt(0) is the last slot).
        for (int i = content.length - 1; i >= entries; i--) {
            copy[i] = ((ChampNode<K, V>) content[i]).copyInIterationOrder();
        }
        return node;
    }

    @Override
    boolean equivalent(ChampNode<?, ?> other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof BitmapNode<?, ?> that)
                || that.dataMap != dataMap
                || that.nodeMap != nodeMap
                || that.content.length != content.length) {
            return false;
        }
        Object[] mine = content;
        Object[] theirs = that.content;
        int entries = 2 * Integer.bitCount(dataMap);
        for (int i = 0; i < entries; i++) {
            // Identity first: versions of one map, and maps built from the same objects, share keys and values.
            Object a = mine[i];
            Object b = theirs[i];
            if (a != b && !a.equals(b)) {
                return false;
            }
        }
        for (int i = entries; i < mine.length; i++) {
            if (!((ChampNode<?, ?>) mine[i]).equivalent((ChampNode<?, ?>) theirs[i])) {
                return false;
            }
        }
        return true;
    }
}
