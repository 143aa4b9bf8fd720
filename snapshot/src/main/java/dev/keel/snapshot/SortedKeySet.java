package dev.keel.snapshot;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The keys of a {@link PersistentSortedMap} as a read-only {@link NavigableSet}: every query delegates to the map,
 * every range to the map's range (so a key set's subset is itself built in O(log n)); mutators throw
 * {@link UnsupportedOperationException}. Immutable and thread-safe, as its map is.
 */
final class SortedKeySet<K> extends AbstractSet<K> implements NavigableSet<K> {

    private final PersistentSortedMap<K, ?> map;

    SortedKeySet(PersistentSortedMap<K, ?> map) {
        this.map = map;
    }

    @Override
    public Iterator<K> iterator() {
        return map.keyIterator();
    }

    @Override
    public Iterator<K> descendingIterator() {
        return map.descendingMap().keyIterator();
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean contains(@Nullable Object o) {
        return map.containsKey(o);
    }

    @Override
    public @Nullable Comparator<? super K> comparator() {
        return map.comparator();
    }

    @Override
    public K first() {
        return map.firstKey();
    }

    @Override
    public K last() {
        return map.lastKey();
    }

    @Override
    public @Nullable K lower(K key) {
        return map.lowerKey(key);
    }

    @Override
    public @Nullable K floor(K key) {
        return map.floorKey(key);
    }

    @Override
    public @Nullable K ceiling(K key) {
        return map.ceilingKey(key);
    }

    @Override
    public @Nullable K higher(K key) {
        return map.higherKey(key);
    }

    @Override
    public NavigableSet<K> descendingSet() {
        return new SortedKeySet<>(map.descendingMap());
    }

    @Override
    public NavigableSet<K> subSet(K fromElement, boolean fromInclusive, K toElement, boolean toInclusive) {
        return new SortedKeySet<>(map.subMap(fromElement, fromInclusive, toElement, toInclusive));
    }

    @Override
    public NavigableSet<K> headSet(K toElement, boolean inclusive) {
        return new SortedKeySet<>(map.headMap(toElement, inclusive));
    }

    @Override
    public NavigableSet<K> tailSet(K fromElement, boolean inclusive) {
        return new SortedKeySet<>(map.tailMap(fromElement, inclusive));
    }

    @Override
    public NavigableSet<K> subSet(K fromElement, K toElement) {
        return subSet(fromElement, true, toElement, false);
    }

    @Override
    public NavigableSet<K> headSet(K toElement) {
        return headSet(toElement, false);
    }

    @Override
    public NavigableSet<K> tailSet(K fromElement) {
        return tailSet(fromElement, true);
    }

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException("the key set of a PersistentSortedMap is immutable");
    }

    @Override
    public @Nullable K pollFirst() {
        throw immutable();
    }

    @Override
    public @Nullable K pollLast() {
        throw immutable();
    }

    @Override
    public boolean add(K key) {
        throw immutable();
    }

    @Override
    public boolean remove(@Nullable Object o) {
        throw immutable();
    }

    @Override
    public boolean addAll(Collection<? extends K> keys) {
        throw immutable();
    }

    @Override
    public boolean removeAll(Collection<?> keys) {
        throw immutable();
    }

    @Override
    public boolean retainAll(Collection<?> keys) {
        throw immutable();
    }

    @Override
    public boolean removeIf(Predicate<? super K> filter) {
        throw immutable();
    }

    @Override
    public void clear() {
        throw immutable();
    }
}
