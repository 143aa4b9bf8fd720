package dev.keel.kv;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory index of the store: every key, in order, with where its current value lives in the log (Bitcask's
 * "keydir", kept sorted so that scans are range reads).
 *
 * <p>How it is designed, and why: values stay on disk and only keys and {@link Version}s (an LSN, a size, an expiry)
 * are in memory, so the data may be much larger than the heap while a read costs one lookup and one positional read.
 * A {@link ConcurrentSkipListMap} gives lock-free, ordered reads concurrent with writes; writes to one key are
 * serialised by the store's stripe lock, so {@link #apply} never races with itself for a key. It also counts the live
 * bytes (records that hold a current value); everything else in the log is dead, which is what triggers compaction.
 *
 * <p>Thread-safe for reads from any thread; {@link #apply} and {@link #recover} are called under the key's stripe
 * lock (or during single-threaded recovery).
 */
final class KeyDirectory {

    /** Replaced only by {@link #loadSorted}, during recovery, before the store is shared. */
    private ConcurrentSkipListMap<Key, Version> versions = new ConcurrentSkipListMap<>();

    private final VersionChains chains;
    private final AtomicLong liveKeys = new AtomicLong();
    private final AtomicLong liveBytes = new AtomicLong();

    KeyDirectory(VersionChains chains) {
        this.chains = chains;
    }

    /** The newest version of {@code key}, deleted or not, or null if the key has none. */
    @Nullable
    Version newest(Key key) {
        return versions.get(key);
    }

    /** The current live version of {@code key} at {@code nowMillis}, or null if it is absent, deleted or expired. */
    Version.@Nullable Live current(Key key, long nowMillis) {
        return liveAt(versions.get(key), Long.MAX_VALUE, nowMillis);
    }

    /** The live version a snapshot at {@code snapshotLsn} and {@code nowMillis} sees in {@code newest}'s chain. */
    static Version.@Nullable Live liveAt(@Nullable Version newest, long snapshotLsn, long nowMillis) {
        Version visible = Version.visibleAt(newest, snapshotLsn);
        return visible instanceof Version.Live live && !live.isExpiredAt(nowMillis) ? live : null;
    }

    /**
     * Makes {@code next} the newest version of {@code key} (a put, or a {@link Version.Deleted} for a delete), keeping
     * the older versions open snapshots need. {@code recordSize} is the size of the record that made it. Returns the
     * version {@code next} replaced as the newest, or null if the key had none.
     */
    @Nullable
    Version apply(Key key, Version next, int recordSize) {
        // One walk of the skip list: compute finds the key's node once and swaps its value, where a get and then a put
        // walked it twice (profiled under redis-benchmark SETs, those walks' cache misses were most of a write's CPU).
        // The function is pure, so a retry would be harmless; under the stripe lock nobody else changes the key.
        @Nullable Version[] replaced = new Version[1];
        Version stored = versions.compute(key, (ignored, previous) -> {
            replaced[0] = previous;
            Version linked = next.withPrevious(chains.prune(previous, next.lsn()));
            return linked instanceof Version.Live || linked.previous() != null ? linked : null;
        });
        Version previous = replaced[0];
        boolean wasLive = previous instanceof Version.Live;
        if (previous instanceof Version.Live old) {
            liveBytes.addAndGet(-old.recordSize());
        }
        if (stored instanceof Version.Live live) {
            liveBytes.addAndGet(live.recordSize());
            if (!wasLive) {
                liveKeys.incrementAndGet();
            }
        } else if (wasLive) {
            liveKeys.decrementAndGet();
        }
        return previous;
    }

    /** Replays one record during recovery, where there are no snapshots and records arrive in LSN order. */
    void recover(Key key, Version next, int recordSize) {
        apply(key, next, recordSize);
    }

    /** The keys in {@code [from, to)} (either bound may be null: unbounded), in order, with their newest versions. */
    Iterator<Map.Entry<Key, Version>> range(@Nullable Key from, @Nullable Key to) {
        NavigableMap<Key, Version> view = versions;
        if (from != null && to != null) {
            view = versions.subMap(from, true, to, false);
        } else if (from != null) {
            view = versions.tailMap(from, true);
        } else if (to != null) {
            view = versions.headMap(to, false);
        }
        return view.entrySet().iterator();
    }

    /**
     * Replaces an empty directory with {@code keys} (strictly ascending) and their live versions, building the skip
     * list in one linear pass. Only during recovery, before the store is shared.
     */
    void loadSorted(java.util.List<Key> keys, java.util.List<Version> loaded) {
        if (!versions.isEmpty()) {
            throw new IllegalStateException("loadSorted needs an empty directory, not one of " + versions.size());
        }
        versions = new ConcurrentSkipListMap<>(new SortedEntries(keys, loaded));
        long bytes = 0;
        for (Version version : loaded) {
            bytes += ((Version.Live) version).recordSize();
        }
        liveKeys.set(keys.size());
        liveBytes.set(bytes);
    }

    /** Forgets everything: a checkpoint that failed its checksum half-way through loading is thrown away. */
    void clear() {
        versions.clear();
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
     * Removes {@code key} if its newest version is still {@code expired}, without writing anything: its record leaves
     * the log with the segment it is in. Only when no snapshot is open. Returns true if it was removed.
     */
    boolean dropExpired(Key key, Version.Live expired) {
        if (!versions.remove(key, expired)) {
            return false;
        }
        liveBytes.addAndGet(-expired.recordSize());
        liveKeys.decrementAndGet();
        return true;
    }
}
