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
 * <p>The cache holds values by the LSN of their record (Caffeine's W-TinyLFU, weighed by bytes). A record never
 * changes, so an entry is never stale; a write still drops the value it replaced ({@link #forget}): left in, dead
 * values compete with live ones for room, and under a stream of overwrites the frequency-based admission kept so many
 * that most reads of the newest values missed and read the log (in a server profile, 64% of the allocated bytes were
 * those reads' buffers). The cache does its upkeep on the calling thread rather than in the common pool, which on two
 * cores only added hand-offs.
 *
 * <p>Thread-safe.
 */
final class ValueReader {

    private final WriteAheadLog log;
    private final Path directory;
    private final int maxKeySize;
    private final @Nullable Cache<Long, byte[]> cache;

    ValueReader(WriteAheadLog log, KvOptions options) {
        this.log = log;
        this.directory = options.directory();
        this.maxKeySize = options.maxKeySize();
        this.cache = options.valueCacheBytes() == 0
                ? null
                : Caffeine.newBuilder()
                        .executor(Runnable::run)
                        .maximumWeight(options.valueCacheBytes())
                        .weigher((Long lsn, byte[] value) -> value.length + 64)
                        .build();
    }

    /** Remembers the value just written at {@code lsn}, which nobody may modify afterwards. */
    void remember(long lsn, byte[] value) {
        if (cache != null) {
            cache.put(cacheKey(lsn), value);
        }
    }

    /** Drops the cached value of a version a write just replaced (only a snapshot could still read it: from the log). */
    void forget(@Nullable Version replaced) {
        if (cache != null && replaced instanceof Version.Live live) {
            cache.invalidate(cacheKey(live.lsn()));
        }
    }

    /**
     * The cache's key for the record at {@code lsn}. Records of one size follow each other at a fixed stride, and
     * {@code Long}'s hash of such LSNs fills a {@code ConcurrentHashMap} unevenly: simulated for a million 40-byte
     * records, 35% of the entries sat in treeified bins of up to 20 (and a server profile showed 15% of its CPU in
     * {@code TreeBin.find}). Multiplying by an odd constant is a bijection, so keys stay distinct, and spreads them.
     */
    private static Long cacheKey(long lsn) {
        return lsn * 0x9E3779B97F4A7C15L;
    }

    /** The value of {@code key} at {@code live}, a record of {@code kind}: a fresh array the caller owns. */
    byte[] read(Key key, Version.Live live, KvRecord.Kind kind) throws IOException {
        if (cache != null) {
            byte @Nullable [] cached = cache.getIfPresent(cacheKey(live.lsn()));
            if (cached != null) {
                return cached.clone();
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
        remember(live.lsn(), value.clone());
        return value;
    }
}
