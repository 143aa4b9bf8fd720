package dev.keel.kv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Iterates keys and values in key order over a range of the store, reading each value from the log as it goes.
 *
 * <p>A scan of the live store is weakly consistent, like the {@code ConcurrentSkipListMap} it walks: it sees every key
 * that exists for its whole duration, and may or may not see concurrent changes. A scan of a {@link KvSnapshot} sees
 * exactly the snapshot. Reading a value can fail with an I/O error, which surfaces as an
 * {@link UncheckedIOException} (iterators cannot throw checked exceptions).
 *
 * <p>Not thread-safe: one iterator per thread. Close it when done (it holds the snapshot it reads, if any).
 */
public final class KvIterator implements Iterator<KvEntry>, AutoCloseable {

    private final KeyValueStore store;
    private final Iterator<Map.Entry<Key, Version>> keys;
    private final long snapshotLsn;
    private final long nowMillis;
    private final @Nullable byte[] prefix;
    private @Nullable KvEntry next;
    private boolean done;

    KvIterator(
            KeyValueStore store,
            Iterator<Map.Entry<Key, Version>> keys,
            long snapshotLsn,
            long nowMillis,
            @Nullable byte[] prefix) {
        this.store = store;
        this.keys = keys;
        this.snapshotLsn = snapshotLsn;
        this.nowMillis = nowMillis;
        this.prefix = prefix;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !done) {
            if (!keys.hasNext()) {
                done = true;
                break;
            }
            Map.Entry<Key, Version> entry = keys.next();
            Key key = entry.getKey();
            if (prefix != null && !key.startsWith(prefix)) {
                done = true;
                break;
            }
            Version.Live live = KeyDirectory.liveAt(entry.getValue(), snapshotLsn, nowMillis);
            if (live == null || live.isListHead()) {
                continue; // absent at this point in time, or a list: scans return strings
            }
            try {
                byte @Nullable [] value = store.getAt(key, snapshotLsn, nowMillis);
                if (value != null) {
                    next = new KvEntry(key.toByteArray(), value);
                }
            } catch (KvException e) {
                if (e.code() != KvException.Code.WRONG_TYPE) {
                    throw new UncheckedIOException(e);
                }
                // the key became a list after it was looked at: a weakly consistent scan may skip it
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return next != null;
    }

    @Override
    public KvEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more keys in the range");
        }
        KvEntry entry = next;
        next = null;
        return entry;
    }

    /** Ends the scan. Idempotent. */
    @Override
    public void close() {
        done = true;
        next = null;
    }
}
