package dev.keel.snapshot;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An immutable hash map whose updates return a new map sharing all but one path with the old: a CHAMP trie
 * (Steindorfer and Vinju, OOPSLA 2015), the structure behind Scala 2.13's {@code immutable.HashMap}.
 *
 * <pre>{@code
 * PersistentMap<String, Integer> v0 = PersistentMap.of("a", 1);
 * PersistentMap<String, Integer> v1 = v0.with("b", 2);   // v0 is unchanged: {a=1}
 * PersistentMap<String, Integer> v2 = v1.without("a");   // {b=2}
 * }</pre>
 *
 * <p>{@link #with} and {@link #without} copy the path to one entry: O(log32 n) nodes, at most 7. {@link #get} and
 * {@link #containsKey} read at most 7 nodes. Iteration is a depth-first scan; {@link #equals} between two
 * {@code PersistentMap}s compares the tries node by node (their shape is canonical) and skips shared sub-tries. For
 * building a large map, {@link #builder()} updates its own nodes in place until {@link Builder#build()}.
 *
 * <p>A read-only {@link Map}: the {@code java.util} mutators ({@code put}, {@code remove}, {@code clear}, ...) throw
 * {@link UnsupportedOperationException}. Keys and values must not be null; querying for a null key throws
 * {@link NullPointerException}, as {@link Map#of()} does. Keys must have a consistent {@code hashCode} and
 * {@code equals}.
 *
 * <p>Immutable and thread-safe; its iterators are not thread-safe, each belongs to one thread.
 */
public final class PersistentMap<K, V> extends AbstractMap<K, V> {

    private static final PersistentMap<?, ?> EMPTY = new PersistentMap<>(BitmapNode.empty(), 0);

    private final ChampNode<K, V> root;
    private final int size;

    private PersistentMap(ChampNode<K, V> root, int size) {
        this.root = root;
        this.size = size;
    }

    /** The empty map. */
    @SuppressWarnings("unchecked")
    public static <K, V> PersistentMap<K, V> empty() {
        return (PersistentMap<K, V>) EMPTY;
    }

    /** A map of one entry. */
    public static <K, V> PersistentMap<K, V> of(K key, V value) {
        return PersistentMap.<K, V>empty().with(key, value);
    }

    /** A map of two entries; a repeated key keeps the later value. */
    public static <K, V> PersistentMap<K, V> of(K k1, V v1, K k2, V v2) {
        return PersistentMap.<K, V>empty().with(k1, v1).with(k2, v2);
    }

    /** A map of three entries; a repeated key keeps the later value. */
    public static <K, V> PersistentMap<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3) {
        return PersistentMap.<K, V>empty().with(k1, v1).with(k2, v2).with(k3, v3);
    }

    /** A map of the same entries as {@code map}; {@code map} itself when it is already a {@code PersistentMap}. */
    @SuppressWarnings("unchecked")
    public static <K, V> PersistentMap<K, V> copyOf(Map<? extends K, ? extends V> map) {
        Objects.requireNonNull(map, "map");
        if (map instanceof PersistentMap<?, ?> persistent) {
            return (PersistentMap<K, V>) persistent;
        }
        return PersistentMap.<K, V>builder().putAll(map).build();
    }

    /** A builder that fills a new map in place (the transient mode), for bulk construction. */
    public static <K, V> Builder<K, V> builder() {
        return new Builder<>(new BitmapNode<>(0, 0, new Object[0]), 0, true);
    }

    /** A builder starting from this map's entries; this map is never changed by it. */
    public Builder<K, V> toBuilder() {
        return new Builder<>(root, size, false);
    }

    ChampNode<K, V> root() {
        return root;
    }

    /** This map with {@code key} mapped to {@code value}; {@code this} when it already was. */
    public PersistentMap<K, V> with(K key, V value) {
        requireKey(key);
        Objects.requireNonNull(value, "value must not be null");
        ChampNode.Change<V> change = new ChampNode.Change<>();
        ChampNode<K, V> updated = root.put(key, value, ChampNode.hash(key), 0, change);
        if (updated == root) {
            return this;
        }
        return new PersistentMap<>(updated, change.sizeChanged ? size + 1 : size);
    }

    /** This map without {@code key}; {@code this} when it was absent. */
    public PersistentMap<K, V> without(Object key) {
        requireKey(key);
        ChampNode.Change<V> change = new ChampNode.Change<>();
        ChampNode<K, V> updated = root.remove(key, ChampNode.hash(key), 0, change);
        if (!change.modified) {
            return this;
        }
        return size == 1 ? empty() : new PersistentMap<>(updated, size - 1);
    }

    private static void requireKey(@Nullable Object key) {
        Objects.requireNonNull(key, "key must not be null");
    }

    @Override
    public @Nullable V get(@Nullable Object key) {
        requireKey(key);
        return root.get(key, ChampNode.hash(key), 0);
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        requireKey(key);
        return root.containsKey(key, ChampNode.hash(key), 0);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        Objects.requireNonNull(action, "action");
        root.forEach(action);
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new EntrySet();
    }

    @Override
    public Set<K> keySet() {
        return new KeySet();
    }

    @Override
    public Collection<V> values() {
        return new Values();
    }

    /** Equal to any {@link Map} with the same entries; between two {@code PersistentMap}s, a walk of both tries. */
    @Override
    public boolean equals(@Nullable Object other) {
        if (other == this) {
            return true;
        }
        if (other instanceof PersistentMap<?, ?> that) {
            return that.size == size && root.equivalent(that.root);
        }
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        int[] sum = {0};
        root.forEach((key, value) -> sum[0] += key.hashCode() ^ value.hashCode());
        return sum[0];
    }

    // The java.util mutators: a persistent map never changes.

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException("PersistentMap is immutable: use with(key, value) or without(key)");
    }

    @Override
    public V put(K key, V value) {
        throw immutable();
    }

    @Override
    public V remove(@Nullable Object key) {
        throw immutable();
    }

    @Override
    public boolean remove(@Nullable Object key, @Nullable Object value) {
        throw immutable();
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> map) {
        throw immutable();
    }

    @Override
    public void clear() {
        throw immutable();
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        throw immutable();
    }

    @Override
    public @Nullable V putIfAbsent(K key, V value) {
        throw immutable();
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        throw immutable();
    }

    @Override
    public @Nullable V replace(K key, V value) {
        throw immutable();
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        throw immutable();
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        throw immutable();
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super @Nullable V, ? extends V> remappingFunction) {
        throw immutable();
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        throw immutable();
    }

    private final class EntrySet extends AbstractSet<Entry<K, V>> {
        @Override
        public Iterator<Entry<K, V>> iterator() {
            return new ChampIterator.Entries<>(root);
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(@Nullable Object o) {
            if (!(o instanceof Entry<?, ?> entry) || entry.getKey() == null) {
                return false;
            }
            V value = root.get(entry.getKey(), ChampNode.hash(entry.getKey()), 0);
            return value != null && value.equals(entry.getValue());
        }
    }

    private final class KeySet extends AbstractSet<K> {
        @Override
        public Iterator<K> iterator() {
            return new ChampIterator.Keys<>(root);
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(@Nullable Object o) {
            return containsKey(o);
        }
    }

    private final class Values extends AbstractCollection<V> {
        @Override
        public Iterator<V> iterator() {
            return new ChampIterator.Values<>(root);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /**
     * Builds a {@link PersistentMap} by updating its own trie in place: no path copies, one array grown per new entry.
     * The nodes are handed over at {@link #build()}; later updates copy paths again, so a built map never changes.
     *
     * <p>Not thread-safe: one builder belongs to one thread.
     */
    public static final class Builder<K, V> {

        /**
         * The size from which {@link #build()} lays the trie out in iteration order: below it (about 340 KB of trie)
         * the whole trie stays in the processor's caches, where the order of its nodes makes no difference.
         */
        private static final int COMPACT_FROM = 1 << 14;

        private ChampNode<K, V> root;
        private int size;

        /** True while every node of {@link #root} was made by this builder and never handed out. */
        private boolean owned;

        private Builder(ChampNode<K, V> root, int size, boolean owned) {
            this.root = root;
            this.size = size;
            this.owned = owned;
        }

        /** Maps {@code key} to {@code value}, replacing any earlier value. */
        public Builder<K, V> put(K key, V value) {
            requireKey(key);
            Objects.requireNonNull(value, "value must not be null");
            ChampNode.Change<V> change = new ChampNode.Change<>();
            int hash = ChampNode.hash(key);
            root = owned ? root.putInPlace(key, value, hash, 0, change) : root.put(key, value, hash, 0, change);
            if (change.sizeChanged) {
                size++;
            }
            return this;
        }

        /** Puts every entry of {@code map}. */
        public Builder<K, V> putAll(Map<? extends K, ? extends V> map) {
            Objects.requireNonNull(map, "map");
            map.forEach(this::put);
            return this;
        }

        /** Removes {@code key} if present. A path copy leaves the rest of the trie owned by this builder. */
        public Builder<K, V> remove(Object key) {
            requireKey(key);
            ChampNode.Change<V> change = new ChampNode.Change<>();
            root = root.remove(key, ChampNode.hash(key), 0, change);
            if (change.sizeChanged) {
                size--;
            }
            return this;
        }

        /** How many entries the map built now would have. */
        public int size() {
            return size;
        }

        /**
         * The map of the entries put so far; the builder stays usable and never changes the returned map.
         *
         * <p>A trie this builder filled in place from empty, of at least 16,384 entries, is copied once, depth
         * first, so that its nodes lie in memory in the order an iteration visits them. In place, each put replaces
         * one node's array, so a node and its final array end up far apart, scattered among the arrays they
         * replaced; walking that trie is one cache miss after another, and how many depends on where the garbage
         * collector happened to move what (1M String keys: 5.6 to 21 ms of CPU per walk, JVM to JVM, against 3.7 ms
         * laid out). The copy costs one more allocation of the trie (about 21 bytes per entry; 1-11% of a 1M build).
         * A full collection slides objects without reordering them (after one: 3.7 ms laid out, 19.6 as built);
         * young collections copy them depth first, which repairs an as-built trie too (3.7 ms) and leaves a laid-out
         * one at 4.7 ms: the copy is what keeps the walk fast whatever the collector did or did not do.
         */
        public PersistentMap<K, V> build() {
            if (owned && size >= COMPACT_FROM) {
                root = root.copyInIterationOrder();
            }
            owned = false;
            return size == 0 ? empty() : new PersistentMap<>(root, size);
        }
    }
}
