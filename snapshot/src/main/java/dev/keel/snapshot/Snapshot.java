package dev.keel.snapshot;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One version of an {@link ImmutableDataStructure}, pinned: the store retains the version for as long as any
 * snapshot of it is open, however many newer versions are written.
 *
 * <pre>{@code
 * try (Snapshot<String, Object> pinned = store.pin(3)) {
 *     PersistentMap<String, Object> version3 = pinned.map();   // O(1); never changes
 * }
 * }</pre>
 *
 * <p>Thread-safe; {@link #close()} is idempotent. A map obtained from {@link #map()} stays valid and unchanged after
 * closing (it is an immutable value); closing lets the store forget the version, and the snapshot drops its own
 * reference, so {@link #map()} throws afterwards.
 */
public final class Snapshot<K, V> implements AutoCloseable {

    private final ImmutableDataStructure<K, V> store;
    private final long version;
    private final int size;

    /** Dropped on close, so a closed snapshot that is still referenced does not keep its version alive. */
    private volatile @Nullable PersistentMap<K, V> map;

    private final AtomicBoolean closed = new AtomicBoolean();

    Snapshot(ImmutableDataStructure<K, V> store, long version, PersistentMap<K, V> map) {
        this.store = Objects.requireNonNull(store, "store");
        this.version = version;
        this.map = Objects.requireNonNull(map, "map");
        this.size = map.size();
    }

    /** The pinned version's number. */
    public long version() {
        return version;
    }

    /** The pinned version's contents. */
    public PersistentMap<K, V> map() {
        PersistentMap<K, V> pinned = map;
        if (pinned == null) {
            throw new IllegalStateException("the snapshot of version " + version + " is closed");
        }
        return pinned;
    }

    /** True once {@link #close()} has been called. */
    public boolean isClosed() {
        return closed.get();
    }

    /** Unpins the version; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            map = null;
            store.unpin(version);
        }
    }

    @Override
    public String toString() {
        return "Snapshot[version=" + version + ", size=" + size + (closed.get() ? ", closed]" : "]");
    }
}
