package dev.keel.kv;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.keel.storage.LogRecord;
import dev.keel.storage.StorageException;
import dev.keel.storage.WriteAheadLog;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Reads the value a key directory entry points at: from the value cache, or with one positional read of the log,
 * checking that the record there is a PUT or COPY of that very key, of the kind expected.
 *
 * <p>How the cache is keyed, and why: by key, each entry holding the LSN of the record its value came from, and a read
 * uses an entry only if that LSN is the one the directory points at (so a stale entry is a miss, never a wrong value,
 * and a snapshot reading an older version simply reads the log). A write replaces its key's entry with one put. The
 * first design keyed values by LSN: a write then had to put the new value and remove the old one, since dead values
 * left in crowded out live ones (a server profile had 64% of its allocated bytes in log reads of values that had been
 * pushed out); with both, the cache's two operations were about a third of a pipelined SET's CPU (JFR: 19.5% in the
 * removal, 7.4% in the put). Entries are weighed by bytes (Caffeine's W-TinyLFU), and the cache does its upkeep on the
 * calling thread rather than in the common pool, which on two cores only added hand-offs.
 *
 * <p>Thread-safe.
 */
final class ValueReader {

    private final WriteAheadLog log;
    private final Path directory;
    private final int maxKeySize;
    private final @Nullable Cache<Key, Cached> cache;

    /** A cached value and the LSN of the record it is the value of. */
    private record Cached(long lsn, byte[] value) {}

    ValueReader(WriteAheadLog log, KvOptions options) {
        this.log = log;
        this.directory = options.directory();
        this.maxKeySize = options.maxKeySize();
        this.cache = options.valueCacheBytes() == 0
                ? null
                : Caffeine.newBuilder()
                        .executor(Runnable::run)
                        .maximumWeight(options.valueCacheBytes())
                        .weigher((Key key, Cached cached) -> key.length() + cached.value().length + 96)
                        .build();
    }

    /**
     * The array to keep inline in a new version of a {@code value} just written: the value itself if it is small
     * enough ({@link Version.Live#INLINE_LIMIT}) and values are cached at all, else null. Nobody may modify the array
     * afterwards.
     */
    byte @Nullable [] inline(byte[] value) {
        return cache != null && value.length <= Version.Live.INLINE_LIMIT ? value : null;
    }

    /**
     * Remembers the value just written for {@code key} at {@code lsn}, unless it is inline (then the version holds
     * it); nobody may modify the array afterwards. An older cached value of the key left behind is never read again
     * (its LSN no longer matches) and ages out.
     */
    void remember(Key key, long lsn, byte[] value) {
        if (cache != null && value.length > Version.Live.INLINE_LIMIT) {
            cache.put(key, new Cached(lsn, value));
        }
    }

    /** Drops {@code key}'s cached value (it was deleted): only a snapshot could still read it, from the log. */
    void forget(Key key) {
        if (cache != null) {
            cache.invalidate(key);
        }
    }

    /** The value of {@code key} at {@code live}, a record of {@code kind}: a fresh array the caller owns. */
    byte[] read(Key key, Version.Live live, KvRecord.Kind kind) throws IOException {
        byte[] inline = live.copyOfInline();
        if (inline != null) {
            return inline;
        }
        if (cache != null) {
            Cached cached = cache.getIfPresent(key);
            if (cached != null && cached.lsn() == live.lsn()) {
                return cached.value().clone();
            }
        }
        LogRecord record;
        try {
            record = log.read(live.lsn());
        } catch (StorageException e) {
            if (e.code() == StorageException.Code.CLOSED) {
                throw new KvException(KvException.Code.CLOSED, "store in " + directory + " is closed", e);
            }
            throw e;
        }
        KvRecord decoded = KvRecord.decode(record.payload(), live.lsn(), maxKeySize);
        byte[] value = switch (decoded) {
            case KvRecord.Put put when put.key().equals(key) && put.kind() == kind -> put.value();
            case KvRecord.Copy copy when copy.key().equals(key) && copy.kind() == kind -> copy.value();
            default ->
                throw new KvException(
                        KvException.Code.CORRUPT_RECORD,
                        "key directory points " + key + " (" + kind + ") at LSN " + live.lsn() + ", which holds "
                                + decoded);
        };
        remember(Key.copyOf(key.unsafeBytes()), live.lsn(), value.clone()); // the caller's key may be borrowed
        return value;
    }
}
