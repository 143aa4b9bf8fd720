package dev.keel.kv;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory index of the store: every key, in order, with where its current value lives in the log (Bitcask's
 * "keydir", kept sorted so that scans are range reads).
 *
 * <p>How it is designed, and why: values stay on disk and only keys and {@link Version}s (an LSN, a size, an expiry)
 * are in memory, so the data may be much larger than the heap while a read costs one lookup and one positional read.
 * Two maps: a {@link KeyIndex} (an open-addressing hash table of versions) answers point lookups and holds every
 * version, and a {@link ConcurrentSkipListMap} holds the keys in order (its values are a shared marker), for scans,
 * compaction and checkpoints, which look each version up in the hash index as they walk. Why: a JFR profile of random
 * gets over 200,000 keys spent 54% of its samples in the skip list's {@code doGet} (some 18 levels of pointer chasing,
 * a cache miss each), and a server profile of SETs 32% in its walks; now a lookup is one hash probe, and overwriting a
 * key that exists does not touch the skip list at all (only a new or removed key does). Why not a
 * {@code ConcurrentHashMap}, which this used until session 5: see {@link KeyIndex} (fewer cache misses per lookup).
 * A key is put into the hash index before the skip list, so a walk never misses a key that has a version; a walk that
 * finds a key whose version is gone (it is being removed) skips it. Writes to one key are serialised
 * by the store's stripe lock, so {@link #apply} never races with itself for a key. It also counts the live bytes
 * (records that hold a current value); everything else in the log is dead, which is what triggers compaction.
 *
 * <p>Thread-safe for reads from any thread; {@link #apply} and {@link #recover} are called under the key's stripe
 * lock (or during single-threaded recovery).
 */
final class KeyDirectory {

    /** The skip list's value for every key: the versions live in {@link #index}. */
    private static final Boolean PRESENT = Boolean.TRUE;

    /** The keys in order. Replaced only by {@link #loadSorted}, during recovery, before the store is shared. */
    private ConcurrentSkipListMap<Key, Boolean> order = new ConcurrentSkipListMap<>();
    /** Every key's newest version. Replaced only by {@link #loadSorted}, like {@link #order}. */
    private KeyIndex index = new KeyIndex(0);

    private final VersionChains chains;
    private final AtomicLong liveKeys = new AtomicLong();
    private final AtomicLong liveBytes = new AtomicLong();

    KeyDirectory(VersionChains chains) {
        this.chains = chains;
    }

    /** The newest version of {@code key}, deleted or not, or null if the key has none. */
    @Nullable
    Version newest(Key key) {
        return index.get(key);
    }

    /** {@link #newest(Key)} by the key's bytes and their {@link java.util.Arrays#hashCode(byte[])}: no {@code Key}. */
    @Nullable
    Version newest(byte[] key, int hash) {
        return index.get(key, hash);
    }

    /** The current live version of {@code key} at {@code nowMillis}, or null if it is absent, deleted or expired. */
    Version.@Nullable Live current(Key key, long nowMillis) {
        return liveAt(index.get(key), Long.MAX_VALUE, nowMillis);
    }

    /** The live version a snapshot at {@code snapshotLsn} and {@code nowMillis} sees in {@code newest}'s chain. */
    static Version.@Nullable Live liveAt(@Nullable Version newest, long snapshotLsn, long nowMillis) {
        Version visible = Version.visibleAt(newest, snapshotLsn);
        return visible instanceof Version.Live live && !live.isExpiredAt(nowMillis) ? live : null;
    }

    /**
     * Makes {@code next} the newest version of {@code key} (a put, or a {@link Version.Deleted} for a delete), keeping
     * the older versions open snapshots need. {@code recordSize} is the size of the record that made it. Returns the
     * version it replaced, or null.
     */
    @Nullable
    Version apply(Key key, Version next, int recordSize) {
        if (chains.noneOpen() && next.previous() == null) {
            return replace(key, next);
        }
        Version previous = index.get(key);
        Version linked = next.withPrevious(chains.prune(previous, next.lsn()));
        count(previous, linked);
        if (linked instanceof Version.Live || linked.previous() != null) {
            index.put(key, linked);
            if (previous == null) {
                order.put(key, PRESENT); // a new key: the only write that walks the skip list
            }
        } else if (previous != null) {
            order.remove(key);
            index.remove(key);
        }
        return previous;
    }

    /**
     * {@link #apply} when no snapshot is open, so no old version needs keeping: one probe of the hash index (a put or a
     * remove that returns what it replaced) where {@code apply} needs two. A JFR profile of pipelined SETs had 35% of
     * its samples in the two probes. A snapshot cannot open meanwhile: writers hold the store's gate from append to
     * apply, and opening a snapshot takes it exclusively.
     */
    private @Nullable Version replace(Key key, Version next) {
        Version previous = next instanceof Version.Live ? index.put(key, next) : index.remove(key);
        count(previous, next);
        if (previous == null && next instanceof Version.Live) {
            order.put(key, PRESENT); // a new key: the only write that walks the skip list
        } else if (previous != null && !(next instanceof Version.Live)) {
            order.remove(key);
        }
        return previous;
    }

    /** Updates the live key and byte counts for {@code next} replacing {@code previous}. */
    private void count(@Nullable Version previous, Version next) {
        boolean wasLive = previous instanceof Version.Live;
        if (previous instanceof Version.Live old) {
            liveBytes.addAndGet(-old.recordSize());
        }
        if (next instanceof Version.Live live) {
            liveBytes.addAndGet(live.recordSize());
            if (!wasLive) {
                liveKeys.incrementAndGet();
            }
        } else if (wasLive) {
            liveKeys.decrementAndGet();
        }
    }

    /**
     * Replays one record during recovery, where there are no snapshots and records arrive in LSN order; returns the
     * version it replaced.
     */
    @Nullable
    Version recover(Key key, Version next, int recordSize) {
        return apply(key, next, recordSize);
    }

    /** The keys in {@code [from, to]}, in order, with their newest versions. */
    Iterator<Map.Entry<Key, Version>> rangeClosed(Key from, Key to) {
        return withVersions(order.subMap(from, true, to, true).keySet().iterator());
    }

    /**
     * Removes every key in {@code [from, to]} without writing anything (a deleted list's elements: nothing can read
     * them any more, and their records leave the log with their segments). Returns how many were removed. Called under
     * the stripe lock that guards the range.
     */
    long removeRange(Key from, Key to) {
        long removed = 0;
        Iterator<Key> range = order.subMap(from, true, to, true).keySet().iterator();
        while (range.hasNext()) {
            Key key = range.next();
            order.remove(key);
            Version version = index.remove(key);
            if (version instanceof Version.Live live) {
                liveBytes.addAndGet(-live.recordSize());
                liveKeys.decrementAndGet();
            }
            if (version != null) {
                removed++;
            }
        }
        return removed;
    }

    /** The keys in {@code [from, to)} (either bound may be null: unbounded), in order, with their newest versions. */
    Iterator<Map.Entry<Key, Version>> range(@Nullable Key from, @Nullable Key to) {
        NavigableMap<Key, Boolean> view = order;
        if (from != null && to != null) {
            view = order.subMap(from, true, to, false);
        } else if (from != null) {
            view = order.tailMap(from, true);
        } else if (to != null) {
            view = order.headMap(to, false);
        }
        return withVersions(view.keySet().iterator());
    }

    /** Pairs each key with its version, skipping a key removed between the walk and the lookup. */
    private Iterator<Map.Entry<Key, Version>> withVersions(Iterator<Key> keys) {
        return new Iterator<>() {
            private Map.@Nullable Entry<Key, Version> next;

            @Override
            public boolean hasNext() {
                while (next == null && keys.hasNext()) {
                    Key key = keys.next();
                    Version version = index.get(key);
                    if (version != null) {
                        next = Map.entry(key, version);
                    }
                }
                return next != null;
            }

            @Override
            public Map.Entry<Key, Version> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more keys in the range");
                }
                Map.Entry<Key, Version> entry = next;
                next = null;
                return entry;
            }
        };
    }

    /**
     * Replaces an empty directory with {@code keys} (strictly ascending) and their live versions, building the skip
     * list in one linear pass. Only during recovery, before the store is shared.
     */
    void loadSorted(java.util.List<Key> keys, java.util.List<Version> loaded) {
        if (!index.isEmpty()) {
            throw new IllegalStateException("loadSorted needs an empty directory, not one of " + liveKeys() + " keys");
        }
        order = new ConcurrentSkipListMap<>(
                new SortedEntries<>(keys, java.util.Collections.nCopies(keys.size(), PRESENT)));
        KeyIndex byHash = new KeyIndex(keys.size());
        long bytes = 0;
        for (int i = 0; i < keys.size(); i++) {
            byHash.put(keys.get(i), loaded.get(i));
            bytes += ((Version.Live) loaded.get(i)).recordSize();
        }
        index = byHash;
        liveKeys.set(keys.size());
        liveBytes.set(bytes);
    }

    /** Forgets everything: a checkpoint that failed its checksum half-way through loading is thrown away. */
    void clear() {
        order.clear();
        index.clear();
        liveKeys.set(0);
        liveBytes.set(0);
    }

    long liveKeys() {
        return liveKeys.get();
    }

    long liveBytes() {
        return liveBytes.get();
    }

    /**
     * Removes {@code key} if its newest version is still {@code dead} (expired, or an element of a list that is gone),
     * without writing anything: its record leaves the log with the segment it is in. Only when no snapshot could read
     * it. Returns true if it was removed.
     */
    boolean dropIf(Key key, Version.Live dead) {
        if (index.get(key) != dead) {
            return false;
        }
        order.remove(key);
        index.remove(key);
        liveBytes.addAndGet(-dead.recordSize());
        liveKeys.decrementAndGet();
        return true;
    }
}
