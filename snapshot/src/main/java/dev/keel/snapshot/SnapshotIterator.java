package dev.keel.snapshot;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Iterates exactly one version of an {@link ImmutableDataStructure}, whatever writers do meanwhile: the version is
 * pinned from construction until the iteration ends or {@link #close()} is called, whichever comes first.
 *
 * <pre>{@code
 * for (Map.Entry<String, Object> e : new SnapshotIterator<>(data, 1)) {     // unpinned when the loop finishes
 *     System.out.println(e.getKey() + " = " + e.getValue());
 * }
 * try (SnapshotIterator<String, Object> it = new SnapshotIterator<>(data, 1)) {   // a loop that may break early
 *     ...
 * }
 * }</pre>
 *
 * <p>It is its own {@link Iterable}, for the for-each loop, and can be iterated once. Entries come in the map's
 * hash order. Not thread-safe: one iterator belongs to one thread.
 */
public final class SnapshotIterator<K, V>
        implements Iterator<Map.Entry<K, V>>, Iterable<Map.Entry<K, V>>, AutoCloseable {

    private final Snapshot<K, V> snapshot;
    /** Null once finished or closed, so a finished iterator that is still referenced keeps no version alive. */
    private @Nullable Iterator<Map.Entry<K, V>> entries;

    private boolean handedOut;

    /** Pins {@code version} of {@code store}; throws {@link SnapshotException} if it is not retained. */
    public SnapshotIterator(ImmutableDataStructure<K, V> store, long version) {
        this.snapshot = store.pin(version);
        this.entries = snapshot.map().entrySet().iterator();
    }

    /** The version this iterator walks. */
    public long version() {
        return snapshot.version();
    }

    /** This iterator itself; a second call throws, since the iteration cannot be replayed. */
    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
        if (handedOut) {
            throw new IllegalStateException(
                    "a SnapshotIterator can be iterated once: make a new one, or pin(version) and iterate its map()");
        }
        handedOut = true;
        return this;
    }

    @Override
    public boolean hasNext() {
        Iterator<Map.Entry<K, V>> remaining = entries;
        if (remaining == null) {
            return false;
        }
        if (remaining.hasNext()) {
            return true;
        }
        close();
        return false;
    }

    @Override
    public Map.Entry<K, V> next() {
        if (!hasNext()) {
            throw new NoSuchElementException(
                    "no more entries: the iteration of version " + version() + " is finished or closed");
        }
        return Objects.requireNonNull(entries).next();
    }

    /** Unpins the version; the iteration ends. Idempotent. */
    @Override
    public void close() {
        entries = null;
        snapshot.close();
    }
}
