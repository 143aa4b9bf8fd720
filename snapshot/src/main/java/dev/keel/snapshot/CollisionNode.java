package dev.keel.snapshot;

import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Entries whose keys have the same full 32-bit (spread) hash, below the last level of {@link BitmapNode}s: a small
 * unordered array searched linearly, as in Scala's {@code HashCollisionMapNode} and Clojure's
 * {@code HashCollisionNode}. Its order depends on insertion order, so {@link #equivalent} compares it as a set.
 *
 * <p>Canonical form: a collision node always holds at least two entries; when a removal leaves one, it reports
 * {@link #isSingleEntry()} and its parent takes the entry inline.
 */
final class CollisionNode<K, V> extends ChampNode<K, V> {

    private final int hash;

    /** {@code [k0, v0, k1, v1, ...]}; replaced, never written, except by a builder's {@link #putInPlace}. */
    private Object[] entries;

    CollisionNode(int hash, Object[] entries) {
        this.hash = hash;
        this.entries = entries;
    }

    int hash() {
        return hash;
    }

    private int find(Object key) {
        for (int i = 0; i < entries.length; i += 2) {
            Object k = entries[i];
            if (k == key || key.equals(k)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    @SuppressWarnings("unchecked")
    @Nullable
    V get(Object key, int hash, int shift) {
        int i = hash == this.hash ? find(key) : -1;
        return i < 0 ? null : (V) entries[i + 1];
    }

    @Override
    boolean containsKey(Object key, int hash, int shift) {
        return hash == this.hash && find(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    ChampNode<K, V> put(K key, V value, int hash, int shift, Change<V> change) {
        Object[] updated = withEntry(key, value, change);
        return updated == entries ? this : new CollisionNode<>(this.hash, updated);
    }

    @Override
    ChampNode<K, V> putInPlace(K key, V value, int hash, int shift, Change<V> change) {
        entries = withEntry(key, value, change);
        return this;
    }

    @SuppressWarnings("unchecked")
    private Object[] withEntry(K key, V value, Change<V> change) {
        int i = find(key);
        if (i >= 0) {
            V old = (V) entries[i + 1];
            if (old == value) {
                return entries;
            }
            change.replaced(old);
            Object[] copy = entries.clone();
            copy[i + 1] = value;
            return copy;
        }
        change.added();
        Object[] copy = new Object[entries.length + 2];
        System.arraycopy(entries, 0, copy, 0, entries.length);
        copy[entries.length] = key;
        copy[entries.length + 1] = value;
        return copy;
    }

    @Override
    @SuppressWarnings("unchecked")
    ChampNode<K, V> remove(Object key, int hash, int shift, Change<V> change) {
        int i = hash == this.hash ? find(key) : -1;
        if (i < 0) {
            return this;
        }
        change.removed((V) entries[i + 1]);
        Object[] copy = new Object[entries.length - 2];
        System.arraycopy(entries, 0, copy, 0, i);
        System.arraycopy(entries, i + 2, copy, i, entries.length - i - 2);
        return new CollisionNode<>(this.hash, copy);
    }

    @Override
    boolean isSingleEntry() {
        return entries.length == 2;
    }

    @Override
    @SuppressWarnings("unchecked")
    K keyAt(int index) {
        return (K) entries[2 * index];
    }

    @Override
    @SuppressWarnings("unchecked")
    V valueAt(int index) {
        return (V) entries[2 * index + 1];
    }

    @Override
    int entryCount() {
        return entries.length / 2;
    }

    @Override
    int nodeCount() {
        return 0;
    }

    @Override
    ChampNode<K, V> nodeAt(int index) {
        throw new IndexOutOfBoundsException("a collision node has no sub-nodes (index " + index + ")");
    }

    @Override
    Object[] entryArray() {
        return entries;
    }

    @Override
    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<? super K, ? super V> action) {
        for (int i = 0; i < entries.length; i += 2) {
            action.accept((K) entries[i], (V) entries[i + 1]);
        }
    }

    /** Shared, not copied: collision nodes are rare and small, so where they sit does not matter to a walk. */
    @Override
    ChampNode<K, V> copyInIterationOrder() {
        return this;
    }

    @Override
    boolean equivalent(ChampNode<?, ?> other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof CollisionNode<?, ?> that)
                || that.hash != hash
                || that.entries.length != entries.length) {
            return false;
        }
        for (int i = 0; i < entries.length; i += 2) {
            int j = that.find(entries[i]);
            if (j < 0 || !entries[i + 1].equals(that.entries[j + 1])) {
                return false;
            }
        }
        return true;
    }
}
