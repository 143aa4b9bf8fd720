package dev.keel.snapshot;

import dev.keel.snapshot.SortedTree.Node;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An immutable sorted map whose updates return a new map sharing all but one path with the old: a weight-balanced
 * binary tree (see {@code SortedTree}), ordered by the keys' natural order or a comparator.
 *
 * <pre>{@code
 * PersistentSortedMap<Integer, String> m = PersistentSortedMap.<Integer, String>empty().with(3, "c").with(1, "a");
 * m.firstKey();            // 1
 * m.headMap(3).keySet();   // [1]: a map of its own, cut from m in O(log n)
 * m.descendingMap();       // {3=c, 1=a}: the same tree read backwards, O(1)
 * }</pre>
 *
 * <p>{@link #with}, {@link #without}, {@link #get} and the navigation methods are O(log n); range views
 * ({@code subMap}, {@code headMap}, {@code tailMap}) are O(log n) and are independent persistent maps, so a view
 * never reflects another map's updates (none can happen) and a view's {@code with} may add keys outside its range.
 * {@link #descendingMap()} is O(1). A read-only {@link NavigableMap}: the {@code java.util} mutators throw
 * {@link UnsupportedOperationException}. Keys and values must not be null, and queries with a key of the wrong type
 * throw {@link ClassCastException}, as {@link java.util.TreeMap}'s do.
 *
 * <p>Immutable and thread-safe; its iterators belong to one thread each.
 */
public final class PersistentSortedMap<K, V> extends AbstractMap<K, V> implements NavigableMap<K, V> {

    private static final PersistentSortedMap<?, ?> EMPTY = new PersistentSortedMap<>(null, null, false);

    private final @Nullable Node<K, V> root;

    /** The comparator given by the user, or null for the natural order. */
    private final @Nullable Comparator<? super K> comparator;

    /** The order the tree is built in: {@link #comparator} or the natural order. */
    private final Comparator<? super K> order;

    /** True for a descending view: the same tree, every navigation mirrored. */
    private final boolean descending;

    @SuppressWarnings("unchecked")
    private PersistentSortedMap(
            @Nullable Node<K, V> root, @Nullable Comparator<? super K> comparator, boolean descending) {
        this.root = root;
        this.comparator = comparator;
        this.order = comparator != null ? comparator : (Comparator<? super K>) Comparator.naturalOrder();
        this.descending = descending;
    }

    /** The empty map in the keys' natural order. */
    @SuppressWarnings("unchecked")
    public static <K extends Comparable<? super K>, V> PersistentSortedMap<K, V> empty() {
        return (PersistentSortedMap<K, V>) EMPTY;
    }

    /** The empty map ordered by {@code comparator}. */
    public static <K, V> PersistentSortedMap<K, V> empty(Comparator<? super K> comparator) {
        return new PersistentSortedMap<>(null, Objects.requireNonNull(comparator, "comparator"), false);
    }

    /**
     * A map of the entries of {@code map}, in its order if it is a {@link SortedMap}, else in the keys' natural order
     * (which must then be {@link Comparable}, or {@link ClassCastException} is thrown).
     */
    @SuppressWarnings("unchecked")
    public static <K, V> PersistentSortedMap<K, V> copyOf(Map<? extends K, ? extends V> map) {
        Objects.requireNonNull(map, "map");
        if (map instanceof PersistentSortedMap<?, ?> persistent) {
            return (PersistentSortedMap<K, V>) persistent;
        }
        Comparator<? super K> comparator =
                map instanceof SortedMap<?, ?> sorted ? (Comparator<? super K>) sorted.comparator() : null;
        PersistentSortedMap<K, V> result = new PersistentSortedMap<>(null, comparator, false);
        for (Map.Entry<? extends K, ? extends V> entry : map.entrySet()) {
            result = result.with(entry.getKey(), entry.getValue());
        }
        return result;
    }

    private PersistentSortedMap<K, V> withRoot(@Nullable Node<K, V> newRoot) {
        return newRoot == root ? this : new PersistentSortedMap<>(newRoot, comparator, descending);
    }

    /** This map with {@code key} mapped to {@code value}; {@code this} when it already was. */
    public PersistentSortedMap<K, V> with(K key, V value) {
        Objects.requireNonNull(key, "key must not be null");
        Objects.requireNonNull(value, "value must not be null");
        return withRoot(SortedTree.put(root, key, value, order, new ChampNode.Change<>()));
    }

    /** This map without {@code key}; {@code this} when it was absent. */
    public PersistentSortedMap<K, V> without(K key) {
        Objects.requireNonNull(key, "key must not be null");
        return withRoot(SortedTree.remove(root, key, order, new ChampNode.Change<>()));
    }

    private @Nullable Node<K, V> find(@Nullable Object key) {
        Objects.requireNonNull(key, "key must not be null");
        return SortedTree.find(root, key, order);
    }

    @Override
    public @Nullable V get(@Nullable Object key) {
        Node<K, V> node = find(key);
        return node == null ? null : node.value;
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return find(key) != null;
    }

    @Override
    public int size() {
        return SortedTree.size(root);
    }

    @Override
    public boolean isEmpty() {
        return root == null;
    }

    @Override
    public @Nullable Comparator<? super K> comparator() {
        if (!descending) {
            return comparator;
        }
        return comparator == null ? Collections.reverseOrder() : Collections.reverseOrder(comparator);
    }

    // Navigation. In a descending view, first is the tree's last, floor is its ceiling, and so on.

    private static <K, V> @Nullable Entry<K, V> entry(@Nullable Node<K, V> node) {
        return node == null ? null : Map.entry(node.key, node.value);
    }

    private static <K> @Nullable K key(@Nullable Node<K, ?> node) {
        return node == null ? null : node.key;
    }

    private @Nullable Node<K, V> firstNode() {
        return root == null ? null : descending ? SortedTree.max(root) : SortedTree.min(root);
    }

    private @Nullable Node<K, V> lastNode() {
        return root == null ? null : descending ? SortedTree.min(root) : SortedTree.max(root);
    }

    /** The greatest node at or (if not {@code inclusive}) strictly before {@code key} in this view's order. */
    private @Nullable Node<K, V> before(K key, boolean inclusive) {
        Objects.requireNonNull(key, "key must not be null");
        return descending
                ? SortedTree.ceiling(root, key, inclusive, order)
                : SortedTree.floor(root, key, inclusive, order);
    }

    /** The least node at or (if not {@code inclusive}) strictly after {@code key} in this view's order. */
    private @Nullable Node<K, V> after(K key, boolean inclusive) {
        Objects.requireNonNull(key, "key must not be null");
        return descending
                ? SortedTree.floor(root, key, inclusive, order)
                : SortedTree.ceiling(root, key, inclusive, order);
    }

    @Override
    public @Nullable Entry<K, V> firstEntry() {
        return entry(firstNode());
    }

    @Override
    public @Nullable Entry<K, V> lastEntry() {
        return entry(lastNode());
    }

    @Override
    public K firstKey() {
        Node<K, V> node = firstNode();
        if (node == null) {
            throw new NoSuchElementException("firstKey() of an empty map");
        }
        return node.key;
    }

    @Override
    public K lastKey() {
        Node<K, V> node = lastNode();
        if (node == null) {
            throw new NoSuchElementException("lastKey() of an empty map");
        }
        return node.key;
    }

    @Override
    public @Nullable Entry<K, V> lowerEntry(K key) {
        return entry(before(key, false));
    }

    @Override
    public @Nullable K lowerKey(K key) {
        return key(before(key, false));
    }

    @Override
    public @Nullable Entry<K, V> floorEntry(K key) {
        return entry(before(key, true));
    }

    @Override
    public @Nullable K floorKey(K key) {
        return key(before(key, true));
    }

    @Override
    public @Nullable Entry<K, V> ceilingEntry(K key) {
        return entry(after(key, true));
    }

    @Override
    public @Nullable K ceilingKey(K key) {
        return key(after(key, true));
    }

    @Override
    public @Nullable Entry<K, V> higherEntry(K key) {
        return entry(after(key, false));
    }

    @Override
    public @Nullable K higherKey(K key) {
        return key(after(key, false));
    }

    // Range views: new trees cut in O(log n); in a descending view, head and tail swap sides.

    @Override
    public PersistentSortedMap<K, V> headMap(K toKey, boolean inclusive) {
        Objects.requireNonNull(toKey, "toKey must not be null");
        return withRoot(
                descending
                        ? SortedTree.above(root, toKey, inclusive, order)
                        : SortedTree.below(root, toKey, inclusive, order));
    }

    @Override
    public PersistentSortedMap<K, V> tailMap(K fromKey, boolean inclusive) {
        Objects.requireNonNull(fromKey, "fromKey must not be null");
        return withRoot(
                descending
                        ? SortedTree.below(root, fromKey, inclusive, order)
                        : SortedTree.above(root, fromKey, inclusive, order));
    }

    @Override
    public PersistentSortedMap<K, V> subMap(K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) {
        Objects.requireNonNull(fromKey, "fromKey must not be null");
        Objects.requireNonNull(toKey, "toKey must not be null");
        int c = order.compare(fromKey, toKey);
        if (descending ? c < 0 : c > 0) {
            throw new IllegalArgumentException(
                    "fromKey (" + fromKey + ") is after toKey (" + toKey + ") in this map's order");
        }
        return tailMap(fromKey, fromInclusive).headMap(toKey, toInclusive);
    }

    @Override
    public PersistentSortedMap<K, V> subMap(K fromKey, K toKey) {
        return subMap(fromKey, true, toKey, false);
    }

    @Override
    public PersistentSortedMap<K, V> headMap(K toKey) {
        return headMap(toKey, false);
    }

    @Override
    public PersistentSortedMap<K, V> tailMap(K fromKey) {
        return tailMap(fromKey, true);
    }

    @Override
    public PersistentSortedMap<K, V> descendingMap() {
        return new PersistentSortedMap<>(root, comparator, !descending);
    }

    // Collection views.

    Iterator<K> keyIterator() {
        return new SortedIterator.Keys<>(root, descending);
    }

    @Override
    public NavigableSet<K> navigableKeySet() {
        return new SortedKeySet<>(this);
    }

    @Override
    public NavigableSet<K> descendingKeySet() {
        return new SortedKeySet<>(descendingMap());
    }

    @Override
    public NavigableSet<K> keySet() {
        return navigableKeySet();
    }

    @Override
    public Collection<V> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<V> iterator() {
                return new SortedIterator.Values<>(root, descending);
            }

            @Override
            public int size() {
                return PersistentSortedMap.this.size();
            }
        };
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                return new SortedIterator.Entries<>(root, descending);
            }

            @Override
            public int size() {
                return PersistentSortedMap.this.size();
            }

            @Override
            public boolean contains(@Nullable Object o) {
                if (!(o instanceof Entry<?, ?> entry) || entry.getKey() == null) {
                    return false;
                }
                Node<K, V> node;
                try {
                    node = SortedTree.find(root, entry.getKey(), order);
                } catch (ClassCastException wrongType) {
                    return false;
                }
                return node != null && node.value.equals(entry.getValue());
            }
        };
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        Objects.requireNonNull(action, "action");
        for (Iterator<Entry<K, V>> it = new SortedIterator.Entries<>(root, descending); it.hasNext(); ) {
            Entry<K, V> entry = it.next();
            action.accept(entry.getKey(), entry.getValue());
        }
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (other instanceof PersistentSortedMap<?, ?> that && that.root == root) {
            return true;
        }
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        int[] sum = {0};
        forEach((key, value) -> sum[0] += key.hashCode() ^ value.hashCode());
        return sum[0];
    }

    @Nullable
    Node<K, V> root() {
        return root;
    }

    Comparator<? super K> order() {
        return order;
    }

    // The java.util mutators: a persistent map never changes.

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException(
                "PersistentSortedMap is immutable: use with(key, value) or without(key)");
    }

    @Override
    public @Nullable Entry<K, V> pollFirstEntry() {
        throw immutable();
    }

    @Override
    public @Nullable Entry<K, V> pollLastEntry() {
        throw immutable();
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

    @Override
    public V putFirst(K key, V value) {
        throw immutable();
    }

    @Override
    public V putLast(K key, V value) {
        throw immutable();
    }
}
