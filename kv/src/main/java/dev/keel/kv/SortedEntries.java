package dev.keel.kv;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Keys already in ascending order, with their versions, presented as a read-only {@link SortedMap} for one purpose:
 * {@code new ConcurrentSkipListMap<>(sortedMap)} builds its levels in one linear pass from a sorted map, where
 * inserting the same keys one by one costs a search of O(log n) comparisons each.
 *
 * <p>Only what that constructor uses is supported: {@link #comparator()} (natural order) and iteration; the views and
 * bounds of {@code SortedMap} throw {@link UnsupportedOperationException}. Not thread-safe; immutable once built.
 */
final class SortedEntries<V> extends AbstractMap<Key, V> implements SortedMap<Key, V> {

    private final List<Key> keys;
    private final List<V> versions;

    /** {@code keys} must be strictly ascending; {@code versions} is parallel to it. */
    SortedEntries(List<Key> keys, List<V> versions) {
        if (keys.size() != versions.size()) {
            throw new IllegalArgumentException(
                    "keys (" + keys.size() + ") and versions (" + versions.size() + ") must pair up");
        }
        this.keys = keys;
        this.versions = versions;
    }

    @Override
    public Set<Map.Entry<Key, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<Key, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.size();
                    }

                    @Override
                    public Map.Entry<Key, V> next() {
                        if (next >= keys.size()) {
                            throw new java.util.NoSuchElementException("no entry " + next + " of " + keys.size());
                        }
                        Map.Entry<Key, V> entry = Map.entry(keys.get(next), versions.get(next));
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return keys.size();
            }
        };
    }

    @Override
    public Comparator<? super Key> comparator() {
        return null;
    }

    @Override
    public SortedMap<Key, V> subMap(Key fromKey, Key toKey) {
        throw new UnsupportedOperationException("subMap: SortedEntries only feeds ConcurrentSkipListMap's constructor");
    }

    @Override
    public SortedMap<Key, V> headMap(Key toKey) {
        throw new UnsupportedOperationException(
                "headMap: SortedEntries only feeds ConcurrentSkipListMap's constructor");
    }

    @Override
    public SortedMap<Key, V> tailMap(Key fromKey) {
        throw new UnsupportedOperationException(
                "tailMap: SortedEntries only feeds ConcurrentSkipListMap's constructor");
    }

    @Override
    public Key firstKey() {
        return keys.getFirst();
    }

    @Override
    public Key lastKey() {
        return keys.getLast();
    }
}
