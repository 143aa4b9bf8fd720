package dev.keel.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/*
 * How the versioned store is designed, and why.
 *
 * Every version is a PersistentMap, so a new version costs one path copy (O(log32 n) nodes) and an old one costs
 * nothing to keep beyond the nodes it does not share: a snapshot is a pointer, O(1) to take and O(1) to look up.
 *
 *   writers --(lock)--> current = new Version(n + 1, current.map.with(k, v))  --(volatile write)-->  readers
 *                       recent[(n + 1) % N] = that version                        (no lock, never block)
 *
 * Writers are serialized by one lock: a write is a few hundred nanoseconds of path copying, so a queue of writers
 * drains fast and the version numbers are a total order without compare-and-set retry loops (which would redo the
 * path copy on every conflict). Readers never take the lock: they read the volatile current version, or a slot of
 * the ring of the last N versions (an AtomicReferenceArray), or the pinned table (a ConcurrentHashMap). A reader
 * checks the number stored in a slot, so a slot already reused for a newer version reads as "released", never as the
 * wrong version. A new version is published (the volatile current) before it is written to its ring slot, and a
 * reader asking for the current version takes it from current: so a slot is reused, and version n - N released, only
 * once version n is visible to everyone. Writing the slot first (as session 4 did) released n - N while n - 1 was
 * still current, so for a moment the store held N - 1 versions and a reader could be refused one of the last N.
 *
 * Retention: the last N versions (the ring) and every version pinned by an open Snapshot (the pinned table holds
 * the map itself, with a count). Nothing else references an old version, so once it leaves the ring and is unpinned
 * the garbage collector reclaims the nodes no newer version shares. Rejected: a global version list trimmed by a
 * background thread (a thread to name and stop, and a delay before memory is freed), and MVCC with per-key version
 * chains (each read walks a chain; a snapshot needs a garbage-collection watermark; iteration is a merge).
 */

/**
 * A map that keeps its history: each write makes a new numbered version, any retained version can be read in O(1)
 * and iterated while writers go on, and two versions can be compared key by key.
 *
 * <pre>{@code
 * ImmutableDataStructure<String, Object> data = new ImmutableDataStructure<>(Map.of("name", "Alice", "age", 30));
 * data.set("age", 31);                                   // version 1
 * data.set("city", "NYC");                               // version 2
 * Map<String, Object> original = data.snapshot(0);       // {name=Alice, age=30}, forever
 * for (Map.Entry<String, Object> e : new SnapshotIterator<>(data, 1)) { ... }   // exactly version 1
 * }</pre>
 *
 * <p>Versions are numbered from 0 (the initial contents). {@link #set}, {@link #delete} and {@link #apply} each
 * make exactly one new version, even when it has the same contents as the one before. The store retains the last
 * {@code retainedVersions} versions and every version pinned by an open {@link Snapshot} or {@link SnapshotIterator};
 * asking for another throws {@link SnapshotException}.
 *
 * <p>Thread-safe: writers are serialized; readers never block and never see part of a write or of a batch.
 */
public final class ImmutableDataStructure<K, V> {

    /** How many recent versions a store retains unless told otherwise. */
    public static final int DEFAULT_RETAINED_VERSIONS = 1_024;

    /** The largest retention a store accepts: the ring of recent versions is an array of this many slots. */
    public static final int MAX_RETAINED_VERSIONS = 1 << 24;

    private record Version<K, V>(long number, PersistentMap<K, V> map) {}

    private record Pin<K, V>(PersistentMap<K, V> map, int count) {}

    private final int retainedVersions;
    private final AtomicReferenceArray<Version<K, V>> recent;
    private final ConcurrentHashMap<Long, Pin<K, V>> pinned = new ConcurrentHashMap<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile Version<K, V> current;

    /** A store whose version 0 has the entries of {@code initial}, retaining the last 1,024 versions. */
    public ImmutableDataStructure(Map<? extends K, ? extends V> initial) {
        this(initial, DEFAULT_RETAINED_VERSIONS);
    }

    /** A store whose version 0 has the entries of {@code initial}, retaining the last {@code retainedVersions}. */
    public ImmutableDataStructure(Map<? extends K, ? extends V> initial, int retainedVersions) {
        Objects.requireNonNull(initial, "initial");
        if (retainedVersions < 1 || retainedVersions > MAX_RETAINED_VERSIONS) {
            throw new IllegalArgumentException(
                    "retainedVersions: " + retainedVersions + " (expected: 1 to " + MAX_RETAINED_VERSIONS + ")");
        }
        this.retainedVersions = retainedVersions;
        this.recent = new AtomicReferenceArray<>(retainedVersions);
        Version<K, V> first = new Version<>(0, PersistentMap.copyOf(initial));
        recent.set(0, first);
        current = first;
    }

    /** Maps {@code key} to {@code value} in a new version; returns its number. */
    public long set(K key, V value) {
        Objects.requireNonNull(key, "key must not be null");
        Objects.requireNonNull(value, "value must not be null");
        return write(map -> map.with(key, value));
    }

    /** Removes {@code key} in a new version (the same contents if it was absent); returns its number. */
    public long delete(K key) {
        Objects.requireNonNull(key, "key must not be null");
        return write(map -> map.without(key));
    }

    /** Applies every write of {@code batch} in order, as one new version; returns its number. */
    public long apply(Batch<K, V> batch) {
        Objects.requireNonNull(batch, "batch");
        return write(map -> {
            PersistentMap.Builder<K, V> builder = map.toBuilder();
            for (Write<K, V> write : batch.writes()) {
                switch (write) {
                    case Write.Put<K, V>(K key, V value) -> builder.put(key, value);
                    case Write.Delete<K, V>(K key) -> builder.remove(key);
                }
            }
            return builder.build();
        });
    }

    private long write(UnaryOperator<PersistentMap<K, V>> update) {
        writeLock.lock();
        try {
            Version<K, V> before = current;
            Version<K, V> after = new Version<>(before.number() + 1, update.apply(before.map()));
            current = after;
            recent.set(slot(after.number()), after);
            return after.number();
        } finally {
            writeLock.unlock();
        }
    }

    private int slot(long version) {
        return (int) (version % retainedVersions);
    }

    /** The newest version's number. */
    public long currentVersion() {
        return current.number();
    }

    /** The newest version's contents. */
    public PersistentMap<K, V> current() {
        return current.map();
    }

    /** The value of {@code key} in the newest version, or null. */
    public @Nullable V get(K key) {
        return current.map().get(key);
    }

    /** The contents of {@code version}, in O(1); throws {@link SnapshotException} if it is not retained. */
    public PersistentMap<K, V> snapshot(long version) {
        Version<K, V> newest = current;
        if (version < 0 || version > newest.number()) {
            throw new SnapshotException(
                    SnapshotException.Code.UNKNOWN_VERSION,
                    "version " + version + " does not exist (expected: 0 to the current version, " + newest.number()
                            + ")");
        }
        if (version == newest.number()) {
            return newest.map(); // its ring slot may not be written yet
        }
        Version<K, V> recentVersion = recent.get(slot(version));
        if (recentVersion != null && recentVersion.number() == version) {
            return recentVersion.map();
        }
        Pin<K, V> pin = pinned.get(version);
        if (pin != null) {
            return pin.map();
        }
        throw new SnapshotException(
                SnapshotException.Code.RELEASED_VERSION,
                "version " + version + " was released (retained: the last " + retainedVersions + " versions, up to "
                        + newest.number() + ", and pinned ones)");
    }

    /** Pins {@code version} until the returned snapshot is closed; throws {@link SnapshotException} if not retained. */
    public Snapshot<K, V> pin(long version) {
        PersistentMap<K, V> map = snapshot(version);
        pinned.compute(version, (number, pin) -> pin == null ? new Pin<>(map, 1) : new Pin<>(map, pin.count() + 1));
        return new Snapshot<>(this, version, map);
    }

    void unpin(long version) {
        pinned.computeIfPresent(
                version, (number, pin) -> pin.count() == 1 ? null : new Pin<>(pin.map(), pin.count() - 1));
    }

    /** The numbers of the retained versions, ascending: a moment's view while writers go on. */
    public List<Long> versions() {
        long newest = current.number();
        TreeSet<Long> numbers = new TreeSet<>(pinned.keySet());
        numbers.add(newest); // its ring slot may not be written yet
        for (long version = Math.max(0, newest - retainedVersions + 1); version < newest; version++) {
            Version<K, V> recentVersion = recent.get(slot(version));
            if (recentVersion != null && recentVersion.number() == version) {
                numbers.add(version);
            }
        }
        return List.copyOf(numbers);
    }

    /**
     * Every key whose mapping differs from version {@code from} to version {@code to}, found by walking both tries
     * and skipping the sub-tries they share: O(d log n) for d differences, not O(n).
     */
    public List<Difference<K, V>> diff(long from, long to) {
        PersistentMap<K, V> before = snapshot(from);
        PersistentMap<K, V> after = snapshot(to);
        List<Difference<K, V>> differences = new ArrayList<>();
        ChampDiff.diff(before.root(), after.root(), differences::add);
        return differences;
    }

    /** How many recent versions this store retains besides the pinned ones. */
    public int retainedVersions() {
        return retainedVersions;
    }

    @Override
    public String toString() {
        Version<K, V> newest = current;
        return "ImmutableDataStructure[version=" + newest.number() + ", size="
                + newest.map().size() + "]";
    }
}
