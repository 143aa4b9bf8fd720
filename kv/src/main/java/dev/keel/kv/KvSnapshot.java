package dev.keel.kv;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A consistent, read-only, point-in-time view of the store: every write that completed before the snapshot was taken,
 * and none after, while writes continue. TTLs are judged at the snapshot's instant, so nothing expires inside it.
 *
 * <p>How it works: the snapshot is an LSN. Writes hold the store's gate while they append and apply, and taking a
 * snapshot takes the gate exclusively for a moment, so its LSN has every earlier write applied. Old versions that a
 * snapshot may read are kept in the key directory until it closes; the log segments holding their values are not
 * compacted away meanwhile. Close snapshots promptly: an open snapshot pins memory and disk.
 *
 * <p>Thread-safe: reads from any thread. Closing it while another thread reads makes that read fail.
 */
public final class KvSnapshot implements AutoCloseable {

    private final KeyValueStore store;
    private final long lsn;
    private final long nowMillis;
    private final AtomicBoolean closed = new AtomicBoolean();

    KvSnapshot(KeyValueStore store, long lsn, long nowMillis) {
        this.store = store;
        this.lsn = lsn;
        this.nowMillis = nowMillis;
    }

    /** The value of {@code key} in the snapshot, or null if it was absent. */
    public byte @Nullable [] get(byte[] key) throws IOException {
        checkOpen();
        return store.getAt(Key.copyOf(key), lsn, nowMillis);
    }

    /** The keys in {@code [fromInclusive, toExclusive)} and their values, as of the snapshot. */
    public KvIterator scan(byte[] fromInclusive, byte[] toExclusive) {
        checkOpen();
        return store.scanAt(Key.copyOf(fromInclusive), Key.copyOf(toExclusive), null, lsn, nowMillis);
    }

    /** The keys starting with {@code prefix} and their values, as of the snapshot. */
    public KvIterator scanPrefix(byte[] prefix) {
        checkOpen();
        return store.scanAt(Key.copyOf(prefix), null, prefix.clone(), lsn, nowMillis);
    }

    /** The log position the snapshot was taken at: it sees exactly the writes below it. */
    public long lsn() {
        return lsn;
    }

    /** Releases the versions and segments the snapshot pinned. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            store.release(this.lsn);
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("snapshot at LSN " + lsn + " is closed");
        }
    }
}
