package dev.keel.kv;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.keel.storage.ChannelOpener;
import dev.keel.storage.LogReader;
import dev.keel.storage.LogRecord;
import dev.keel.storage.RecoveryScan;
import dev.keel.storage.StorageException;
import dev.keel.storage.WalOptions;
import dev.keel.storage.WriteAheadLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * A durable key-value store: values in a write-ahead log on disk, every key in a sorted in-memory directory.
 *
 * <pre>{@code
 * try (KeyValueStore store = KeyValueStore.open(Path.of("data"))) {
 *     store.set("user:1", Map.of("name", "Alice", "age", 30));   // persisted before it returns
 *     Object user = store.get("user:1");                          // {name=Alice, age=30}
 * }
 * }</pre>
 *
 * <p>How a write works, and why (Bitcask's design on keel-storage's log): a write encodes a {@link KvRecord}, appends
 * it to the {@link WriteAheadLog} (durable on return under the default {@code SyncPolicy.ALWAYS}; concurrent writers
 * share each fsync through the log's group commit) and then points the key directory at the record's LSN. A read is a
 * directory lookup and one positional read of the log. Writes to the same key are serialised by one of
 * {@value #STRIPES} stripe locks, held from the read of the old value (for compare-and-set, put-if-absent) through the
 * append to the directory update, so the log's order and the directory agree, and recovery, which replays the log in
 * order, rebuilds exactly the state that writers saw. Writes to different keys run in parallel and share forces.
 * Rejected: one store-wide write lock (it would hold every writer through every fsync and defeat group commit), and
 * applying writes before they are durable (a reader could see a value that a crash then loses).
 *
 * <p>Guarantees: a write that returned survives a crash (under {@code ALWAYS}); a {@link WriteBatch} is all or nothing;
 * reads see only durable writes; a {@link KvSnapshot} is a consistent point-in-time view. TTLs are judged by the
 * injected clock ({@link KvOptions#clock()}).
 *
 * <p>Thread-safe.
 */
public final class KeyValueStore implements AutoCloseable {

    static final int STRIPES = 1024;
    /** The log lives in its own folder (it accepts no foreign files); the checkpoint sits beside it. */
    static final String LOG_DIRECTORY = "log";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KvOptions options;
    private final WriteAheadLog log;
    private final VersionChains chains = new VersionChains();
    private final KeyDirectory directory = new KeyDirectory(chains);
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    /** Writers hold it shared from append to apply; taking a snapshot holds it exclusively for a moment. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();

    private final AtomicBoolean closed = new AtomicBoolean();
    /** One compaction at a time, whether asked for or run in the background. */
    private final ReentrantLock compactionLock = new ReentrantLock();

    private final ExecutorService compactor;
    private final AtomicBoolean compactionScheduled = new AtomicBoolean();
    private final AtomicLong writesSinceCheck = new AtomicLong();
    private final AtomicLong compactions = new AtomicLong();
    private volatile @Nullable CompactionReport lastCompaction;
    private volatile @Nullable String compactionFailure;
    /** How the last open rebuilt the key directory, for stats(). */
    private String startup = "";
    /**
     * Values by the LSN of their record. A record never changes, so an entry is never stale; a write still drops the
     * value it replaced ({@link #forgetCached}), which would otherwise take room from live values.
     */
    private final @Nullable Cache<Long, byte[]> values;

    private KeyValueStore(KvOptions options, WriteAheadLog log) {
        this.options = options;
        this.log = log;
        this.compactor = Executors.newSingleThreadExecutor(Thread.ofPlatform()
                .name("keel-kv-compactor-" + options.directory().getFileName())
                .daemon(true)
                .factory());
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
        this.values = options.valueCacheBytes() == 0
                ? null
                : Caffeine.newBuilder()
                        .executor(Runnable::run)
                        .maximumWeight(options.valueCacheBytes())
                        .weigher((Long lsn, byte[] value) -> value.length + 64)
                        .build();
    }

    /** Opens (or creates) the store in {@code directory} with the default options. */
    public static KeyValueStore open(Path directory) throws IOException {
        return open(KvOptions.defaults(directory));
    }

    /** Opens (or creates) the store described by {@code options}, recovering it from its log. */
    public static KeyValueStore open(KvOptions options) throws IOException {
        return open(options, ChannelOpener.system());
    }

    /** Opens the store with its log files opened through {@code opener}: crash tests pass a fault-injecting disk. */
    static KeyValueStore open(KvOptions options, ChannelOpener opener) throws IOException {
        // With a checkpoint, opening needs only the log's tail checked; without one, replay reads every record anyway.
        RecoveryScan scan =
                DirectoryCheckpoint.exists(options.directory()) ? RecoveryScan.LAST_SEGMENT : RecoveryScan.ALL_SEGMENTS;
        WalOptions walOptions = WalOptions.builder()
                .channelOpener(opener)
                .recoveryScan(scan)
                .syncPolicy(options.syncPolicy())
                .segmentSize(options.segmentSize())
                .maxRecordSize(KvRecord.HEADER + options.maxKeySize() + 8 + options.maxValueSize())
                .build();
        WriteAheadLog log = WriteAheadLog.open(options.directory().resolve(LOG_DIRECTORY), walOptions);
        KeyValueStore store = new KeyValueStore(options, log);
        try {
            store.replay();
        } catch (IOException | RuntimeException e) {
            store.compactor.close();
            try {
                log.close();
            } catch (IOException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
        return store;
    }

    /** Rebuilds the key directory: from the checkpoint and the log after it if the checkpoint is good, else the log. */
    private void replay() throws IOException {
        long from = log.firstLsn();
        String source;
        switch (DirectoryCheckpoint.read(options.directory(), directory, options.maxKeySize())) {
            case DirectoryCheckpoint.Loaded.Used used
            when used.firstLsn() == log.firstLsn() && used.coveredLsn() <= log.endLsn() -> {
                from = used.coveredLsn();
                source = "loaded " + used.entries() + " keys from the checkpoint at LSN " + used.coveredLsn();
            }
            case DirectoryCheckpoint.Loaded.Used used -> {
                directory.clear();
                source = "ignored the checkpoint (it covers LSNs " + used.firstLsn() + ".." + used.coveredLsn()
                        + ", the log is now " + log.firstLsn() + ".." + log.endLsn() + ")";
            }
            case DirectoryCheckpoint.Loaded.Rejected rejected ->
                source = "ignored the checkpoint (" + rejected.reason() + ")";
            case DirectoryCheckpoint.Loaded.Missing missing -> source = "no checkpoint";
        }
        long replayed = 0;
        java.util.Set<Key> deletedInReplay = new java.util.HashSet<>();
        try (LogReader reader = log.reader(from)) {
            while (reader.hasNext()) {
                LogRecord record = reader.next();
                int size = record.payload().length;
                switch (KvRecord.decode(record.payload(), record.lsn(), options.maxKeySize())) {
                    case KvRecord.Put put ->
                        directory.recover(
                                put.key(),
                                new Version.Live(record.lsn(), put.value().length, size, put.expiresAtMillis(), null),
                                size);
                    case KvRecord.Delete delete -> {
                        directory.recover(delete.key(), new Version.Deleted(record.lsn(), null), size);
                        deletedInReplay.add(delete.key());
                    }
                    case KvRecord.Copy copy -> {
                        // Compaction's copy counts only if no write to the key came between its source and it: the
                        // key still points at the source, or the source was truncated away and this replay has seen
                        // nothing of the key since.
                        Version current = directory.newest(copy.key());
                        boolean applies = current instanceof Version.Live copied
                                ? copied.lsn() == copy.sourceLsn()
                                : current == null && copy.sourceLsn() < from && !deletedInReplay.contains(copy.key());
                        if (applies) {
                            directory.recover(
                                    copy.key(),
                                    new Version.Live(
                                            record.lsn(), copy.value().length, size, copy.expiresAtMillis(), null),
                                    size);
                        }
                    }
                }
                replayed++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        startup = source + "; replayed " + replayed + " log records";
    }

    // ---- typed values (JSON) ----

    /** Stores {@code value} (a map, list, number, string, boolean or any Jackson-serialisable object) as JSON. */
    public void set(String key, Object value) throws IOException {
        put(KeyText.utf8(key), JSON.writeValueAsBytes(value));
    }

    /** The value stored under {@code key}, read back from JSON as maps, lists, numbers and strings; null if absent. */
    public @Nullable Object get(String key) throws IOException {
        byte @Nullable [] bytes = get(KeyText.utf8(key));
        if (bytes == null) {
            return null;
        }
        try {
            return JSON.readValue(bytes, Object.class);
        } catch (JacksonException e) {
            throw new KvException(
                    KvException.Code.NOT_JSON, "value of key '" + key + "' is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Deletes {@code key}; true if it existed. */
    public boolean delete(String key) throws IOException {
        return delete(KeyText.utf8(key));
    }

    // ---- bytes ----

    /** Sets {@code key} to {@code value}, with no expiry (clearing any TTL it had). */
    public void put(byte[] key, byte[] value) throws IOException {
        Key k = checkedKey(key);
        checkValue(value);
        byte[] copy = value.clone();
        withStripe(k, () -> putLocked(k, copy, 0));
    }

    /** Sets {@code key} to {@code value}, expiring after {@code ttl} by the store's clock. */
    public void put(byte[] key, byte[] value, Duration ttl) throws IOException {
        Key k = checkedKey(key);
        checkValue(value);
        long expiresAt = expiryFor(ttl);
        byte[] copy = value.clone();
        withStripe(k, () -> putLocked(k, copy, expiresAt));
    }

    /** The value of {@code key}, or null if it is absent or expired. */
    public byte @Nullable [] get(byte[] key) throws IOException {
        checkOpen();
        return getAt(checkedKey(key), Long.MAX_VALUE, nowMillis());
    }

    /** Whether {@code key} has a value (that has not expired). */
    public boolean contains(byte[] key) {
        checkOpenUnchecked();
        return directory.current(checkedKey(key), nowMillis()) != null;
    }

    /** Removes {@code key}; true if it had a value. Deleting an absent key writes nothing. */
    public boolean delete(byte[] key) throws IOException {
        Key k = checkedKey(key);
        return withStripe(k, () -> {
            if (directory.current(k, nowMillis()) == null) {
                return false;
            }
            deleteLocked(k);
            return true;
        });
    }

    /** Sets {@code key} to {@code value} only if it has no value; true if it was set. */
    public boolean putIfAbsent(byte[] key, byte[] value) throws IOException {
        Key k = checkedKey(key);
        checkValue(value);
        byte[] copy = value.clone();
        return withStripe(k, () -> {
            if (directory.current(k, nowMillis()) != null) {
                return false;
            }
            putLocked(k, copy, 0);
            return true;
        });
    }

    /**
     * Atomically replaces the value of {@code key} if it equals {@code expected}; true if it did. A null
     * {@code expected} means "absent"; a null {@code update} deletes the key.
     */
    public boolean compareAndSet(byte[] key, byte @Nullable [] expected, byte @Nullable [] update) throws IOException {
        Key k = checkedKey(key);
        if (update != null) {
            checkValue(update);
        }
        byte @Nullable [] copy = update == null ? null : update.clone();
        return withStripe(k, () -> {
            Version.Live current = directory.current(k, nowMillis());
            byte @Nullable [] actual = current == null ? null : readValue(k, current);
            if (!Arrays.equals(actual, expected)) {
                return false;
            }
            if (copy != null) {
                putLocked(k, copy, 0);
            } else if (current != null) {
                deleteLocked(k);
            }
            return true;
        });
    }

    /**
     * Atomically sets {@code key} to {@code update} with the given {@link Expiry} if its value equals
     * {@code expected} (null: absent); true if it did. {@link Expiry#keep()} keeps the TTL the key has at that moment,
     * so a read-modify-write (an increment) does not lose it.
     */
    public boolean compareAndSet(byte[] key, byte @Nullable [] expected, byte[] update, Expiry expiry)
            throws IOException {
        Key k = checkedKey(key);
        checkValue(update);
        long newExpiry = expiry instanceof Expiry.After after ? expiryFor(after.ttl()) : 0;
        byte[] copy = update.clone();
        return withStripe(k, () -> {
            Version.Live current = directory.current(k, nowMillis());
            byte @Nullable [] actual = current == null ? null : readValue(k, current);
            if (!Arrays.equals(actual, expected)) {
                return false;
            }
            long expiresAt = switch (expiry) {
                case Expiry.None _ -> 0;
                case Expiry.Keep _ -> current == null ? 0 : current.expiresAtMillis();
                case Expiry.After _ -> newExpiry;
            };
            putLocked(k, copy, expiresAt);
            return true;
        });
    }

    /** Applies every write of {@code batch}, atomically: after a crash all of them are in the store or none is. */
    public void write(WriteBatch batch) throws IOException {
        List<WriteBatch.Write> writes = batch.writes();
        if (writes.isEmpty()) {
            return;
        }
        TreeSet<Integer> stripeIndexes = new TreeSet<>();
        List<byte[]> payloads = new ArrayList<>(writes.size());
        for (WriteBatch.Write write : writes) {
            checkKey(write.key());
            if (!write.delete()) {
                checkValue(write.value());
            }
            stripeIndexes.add(stripeOf(write.key()));
            payloads.add(
                    write.delete()
                            ? KvRecord.encodeDelete(write.key())
                            : KvRecord.encodePut(write.key(), write.value(), 0));
        }
        List<ReentrantLock> held = new ArrayList<>();
        try {
            for (int index : stripeIndexes) {
                stripes[index].lock();
                held.add(stripes[index]);
            }
            gate.readLock().lock();
            try {
                checkOpen();
                long[] lsns = log.appendBatch(payloads);
                for (int i = 0; i < writes.size(); i++) {
                    WriteBatch.Write write = writes.get(i);
                    int size = payloads.get(i).length;
                    if (values != null && !write.delete()) {
                        values.put(cacheKey(lsns[i]), write.value());
                    }
                    forgetCached(directory.apply(
                            write.key(),
                            write.delete()
                                    ? new Version.Deleted(lsns[i], null)
                                    : new Version.Live(lsns[i], write.value().length, size, 0, null),
                            size));
                }
            } finally {
                gate.readLock().unlock();
            }
        } finally {
            for (ReentrantLock lock : held.reversed()) {
                lock.unlock();
            }
            maybeCompactInBackground();
        }
    }

    /** When {@code key} expires, if it has a value with a TTL. */
    public Optional<Instant> expiresAt(byte[] key) {
        checkOpenUnchecked();
        Version.Live live = directory.current(checkedKey(key), nowMillis());
        return live == null || live.expiresAtMillis() == 0
                ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(live.expiresAtMillis()));
    }

    /** Gives {@code key} a TTL (rewriting its value with the new expiry); false if it has no value. */
    public boolean expire(byte[] key, Duration ttl) throws IOException {
        Key k = checkedKey(key);
        long expiresAt = expiryFor(ttl);
        return rewriteExpiry(k, expiresAt);
    }

    /** Removes the TTL of {@code key}; false if it has no value or no TTL. */
    public boolean persist(byte[] key) throws IOException {
        Key k = checkedKey(key);
        return withStripe(k, () -> {
            Version.Live live = directory.current(k, nowMillis());
            if (live == null || live.expiresAtMillis() == 0) {
                return false;
            }
            byte @Nullable [] value = readValue(k, live);
            if (value == null) {
                return false;
            }
            putLocked(k, value, 0);
            return true;
        });
    }

    private boolean rewriteExpiry(Key k, long expiresAt) throws IOException {
        return withStripe(k, () -> {
            Version.Live live = directory.current(k, nowMillis());
            if (live == null) {
                return false;
            }
            byte @Nullable [] value = readValue(k, live);
            if (value == null) {
                return false;
            }
            putLocked(k, value, expiresAt);
            return true;
        });
    }

    /** The keys in {@code [fromInclusive, toExclusive)} with their values, in key order (weakly consistent). */
    public KvIterator scan(byte[] fromInclusive, byte[] toExclusive) {
        checkOpenUnchecked();
        return scanAt(Key.copyOf(fromInclusive), Key.copyOf(toExclusive), null, Long.MAX_VALUE, nowMillis());
    }

    /** The keys that start with {@code prefix} with their values, in key order (weakly consistent). */
    public KvIterator scanPrefix(byte[] prefix) {
        checkOpenUnchecked();
        return scanAt(Key.copyOf(prefix), null, prefix.clone(), Long.MAX_VALUE, nowMillis());
    }

    /** A consistent point-in-time view; close it when done. */
    public KvSnapshot snapshot() {
        checkOpenUnchecked();
        gate.writeLock().lock();
        try {
            long lsn = log.endLsn();
            chains.open(lsn);
            return new KvSnapshot(this, lsn, nowMillis());
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** Counts and sizes, read together. */
    public KvStats stats() {
        long live = directory.liveBytes();
        return new KvStats(
                directory.liveKeys(),
                live,
                Math.max(0, logBytes() - live),
                log.stats().segments(),
                chains.openSnapshots(),
                compactions.get(),
                Optional.ofNullable(lastCompaction),
                Optional.ofNullable(compactionFailure),
                startup,
                log.recoveryReport());
    }

    /**
     * Compacts now: copies every live value out of the log's sealed segments and deletes them, while reads and writes
     * continue. The store also does this by itself, in the background, when dead bytes pass
     * {@link KvOptions#compactionTrigger()}.
     */
    public CompactionReport compact() throws IOException {
        checkOpen();
        compactionLock.lock();
        try {
            checkOpen();
            CompactionReport report = new Compaction(this).run();
            compactions.incrementAndGet();
            lastCompaction = report;
            return report;
        } finally {
            compactionLock.unlock();
        }
    }

    /** After some writes, checks whether dead bytes passed the trigger, and if so compacts in the background. */
    private void maybeCompactInBackground() {
        if (writesSinceCheck.incrementAndGet() % 256 != 0 || compactionFailure != null) {
            return;
        }
        KvStats stats = stats();
        if (stats.segments() < 2
                || stats.deadFraction() <= options.compactionTrigger()
                || !compactionScheduled.compareAndSet(false, true)) {
            return;
        }
        compactor.execute(() -> {
            try {
                compact();
            } catch (IOException | RuntimeException e) {
                if (!closed.get()) {
                    // Recorded for stats() and stops further background runs; a later compact() call retries.
                    compactionFailure = e.toString();
                }
            } finally {
                compactionScheduled.set(false);
            }
        });
    }

    /** The options the store was opened with. */
    public KvOptions options() {
        return options;
    }

    /** Closes the log, after making everything written durable. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            compactor.close();
            gate.writeLock().lock();
            try {
                long firstLsn = log.firstLsn();
                log.close();
                // Only after the log is closed (everything forced) does the checkpoint claim to cover it.
                DirectoryCheckpoint.write(options.directory(), directory, firstLsn, log.endLsn());
            } finally {
                gate.writeLock().unlock();
            }
        }
    }

    @Override
    public String toString() {
        return "KeyValueStore[" + options.directory() + "]";
    }

    // ---- package-private: used by snapshots and iterators ----

    /**
     * The value of {@code key} visible at {@code snapshotLsn} and {@code nowMillis}. If compaction deleted the segment
     * between the lookup and the read, the key has been copied to a newer record: look it up again.
     */
    byte @Nullable [] getAt(Key key, long snapshotLsn, long nowMillis) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Version.Live live = KeyDirectory.liveAt(directory.newest(key), snapshotLsn, nowMillis);
            if (live == null) {
                return null;
            }
            try {
                return readValue(key, live);
            } catch (StorageException e) {
                Version.Live again = KeyDirectory.liveAt(directory.newest(key), snapshotLsn, nowMillis);
                boolean moved = again == null || again.lsn() != live.lsn();
                if (e.code() != StorageException.Code.NO_SUCH_RECORD || !moved || attempt >= 8) {
                    throw e;
                }
            }
        }
    }

    KvIterator scanAt(Key from, @Nullable Key to, byte @Nullable [] prefix, long snapshotLsn, long nowMillis) {
        return new KvIterator(this, directory.range(from, to), snapshotLsn, nowMillis, prefix);
    }

    void release(long snapshotLsn) {
        chains.close(snapshotLsn);
    }

    WriteAheadLog log() {
        return log;
    }

    KeyDirectory directory() {
        return directory;
    }

    /** Bytes in the log, from its oldest segment to its end. */
    long logBytes() {
        return log.endLsn() - log.firstLsn();
    }

    int openSnapshots() {
        return chains.openSnapshots();
    }

    /** What one {@link #copyForward} batch did. */
    record CopyResult(long copied, long expiredDropped) {}

    /**
     * Re-appends the current value of each of {@code keys} whose newest record still lies below {@code cutoff}, as
     * COPY records in one log batch, then points each key at its copy if it still points where the copy came from.
     * No lock is held while reading values or appending (so a writer never waits on compaction's I/O); the COPY
     * record's source LSN makes replay agree with that check. Expired keys are dropped when no snapshot could read
     * them.
     */
    CopyResult copyForward(List<Key> keys, long cutoff) throws IOException {
        checkOpen();
        long now = nowMillis();
        List<Key> copiedKeys = new ArrayList<>();
        List<Version.Live> sources = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        long expired = 0;
        for (Key key : keys) {
            if (!(directory.newest(key) instanceof Version.Live live) || live.lsn() >= cutoff) {
                continue;
            }
            if (live.isExpiredAt(now) && chains.openSnapshots() == 0) {
                if (underStripe(key, () -> directory.dropExpired(key, live))) {
                    expired++;
                }
                continue;
            }
            byte @Nullable [] value = readValue(key, live);
            copiedKeys.add(key);
            sources.add(live);
            payloads.add(KvRecord.encodeCopy(key, live.lsn(), value, live.expiresAtMillis()));
        }
        if (payloads.isEmpty()) {
            return new CopyResult(0, expired);
        }
        long[] lsns = log.appendBatch(payloads);
        long applied = 0;
        for (int i = 0; i < lsns.length; i++) {
            Key key = copiedKeys.get(i);
            Version.Live source = sources.get(i);
            int size = payloads.get(i).length;
            long lsn = lsns[i];
            boolean moved = underStripe(key, () -> {
                if (!(directory.newest(key) instanceof Version.Live current) || current.lsn() != source.lsn()) {
                    return false; // a user's write landed meanwhile: the copy is dead, as replay will agree
                }
                directory.apply(key, new Version.Live(lsn, source.size(), size, source.expiresAtMillis(), null), size);
                return true;
            });
            if (moved) {
                applied++;
            }
        }
        return new CopyResult(applied, expired);
    }

    /** Runs a short in-memory step under {@code key}'s stripe lock: never I/O. */
    private boolean underStripe(Key key, java.util.function.BooleanSupplier step) {
        ReentrantLock stripe = stripes[stripeOf(key)];
        stripe.lock();
        try {
            return step.getAsBoolean();
        } finally {
            stripe.unlock();
        }
    }

    /** Reads the value a version points at, checking that the record is a PUT of this very key. */
    byte @Nullable [] readValue(Key key, Version.Live live) throws IOException {
        if (values != null) {
            byte @Nullable [] cached = values.getIfPresent(cacheKey(live.lsn()));
            if (cached != null) {
                return cached.clone();
            }
        }
        LogRecord record;
        try {
            record = log.read(live.lsn());
        } catch (StorageException e) {
            if (e.code() == StorageException.Code.CLOSED) {
                throw new KvException(KvException.Code.CLOSED, "store in " + options.directory() + " is closed", e);
            }
            throw e;
        }
        KvRecord decoded = KvRecord.decode(record.payload(), live.lsn(), options.maxKeySize());
        byte[] value = switch (decoded) {
            case KvRecord.Put put when put.key().equals(key) -> put.value();
            case KvRecord.Copy copy when copy.key().equals(key) -> copy.value();
            default ->
                throw new KvException(
                        KvException.Code.CORRUPT_RECORD,
                        "key directory points " + key + " at LSN " + live.lsn() + ", which holds " + decoded);
        };
        if (values != null) {
            values.put(cacheKey(live.lsn()), value.clone());
        }
        return value;
    }

    /**
     * The value cache's key for the record at {@code lsn}. Records of one size follow each other at a fixed stride, and
     * {@code Long}'s hash of such LSNs fills a {@code ConcurrentHashMap} unevenly: simulated for a million 40-byte
     * records, 35% of the entries sat in treeified bins of up to 20 (and a server profile showed 15% of its CPU in
     * {@code TreeBin.find}). Multiplying by an odd constant is a bijection, so keys stay distinct, and spreads them
     * (no bin above 7 in the same simulation).
     */
    private static Long cacheKey(long lsn) {
        return lsn * 0x9E3779B97F4A7C15L;
    }

    /**
     * Drops the cached value of a version that a write just replaced. Only a snapshot could still read it, and a
     * snapshot's miss reads the log. Left in, such dead values compete with live ones for the cache's room, and its
     * frequency-based admission keeps many of them: under a stream of overwrites most reads of the newest values then
     * missed the cache and read the log (64% of the server's allocated bytes were those reads' buffers).
     */
    private void forgetCached(@Nullable Version replaced) {
        if (values != null && replaced instanceof Version.Live live) {
            values.invalidate(cacheKey(live.lsn()));
        }
    }

    // ---- writing ----

    @FunctionalInterface
    private interface LockedWrite<T> {
        T run() throws IOException;
    }

    @FunctionalInterface
    private interface LockedAction {
        void run() throws IOException;
    }

    private void withStripe(Key key, LockedAction action) throws IOException {
        withStripe(key, () -> {
            action.run();
            return null;
        });
    }

    private <T> T withStripe(Key key, LockedWrite<T> write) throws IOException {
        ReentrantLock stripe = stripes[stripeOf(key)];
        stripe.lock();
        try {
            gate.readLock().lock();
            try {
                checkOpen();
                return write.run();
            } finally {
                gate.readLock().unlock();
            }
        } finally {
            stripe.unlock();
            maybeCompactInBackground();
        }
    }

    /** Appends a PUT and points the directory at it. Caller holds the key's stripe and the gate. */
    private void putLocked(Key key, byte[] value, long expiresAt) throws IOException {
        byte[] payload = KvRecord.encodePut(key, value, expiresAt);
        long lsn = log.append(payload);
        if (values != null) {
            values.put(cacheKey(lsn), value);
        }
        forgetCached(directory.apply(
                key, new Version.Live(lsn, value.length, payload.length, expiresAt, null), payload.length));
    }

    /** Appends a DELETE and removes the key from the directory. Caller holds the key's stripe and the gate. */
    private void deleteLocked(Key key) throws IOException {
        byte[] payload = KvRecord.encodeDelete(key);
        long lsn = log.append(payload);
        forgetCached(directory.apply(key, new Version.Deleted(lsn, null), payload.length));
    }

    private static int stripeOf(Key key) {
        int hash = key.hashCode();
        return ((hash ^ (hash >>> 16)) & 0x7fffffff) % STRIPES;
    }

    // ---- checks ----

    private Key checkedKey(byte[] key) {
        Key k = Key.copyOf(key);
        checkKey(k);
        return k;
    }

    private void checkKey(Key key) {
        if (key.length() == 0) {
            throw new IllegalArgumentException("key must not be empty");
        }
        if (key.length() > options.maxKeySize()) {
            throw new IllegalArgumentException(
                    "key of " + key.length() + " bytes exceeds maxKeySize " + options.maxKeySize());
        }
    }

    private void checkValue(byte[] value) {
        if (value.length > options.maxValueSize()) {
            throw new IllegalArgumentException(
                    "value of " + value.length + " bytes exceeds maxValueSize " + options.maxValueSize());
        }
    }

    private long expiryFor(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl (" + ttl + ") must be positive");
        }
        long millis = Math.max(1, ttl.toMillis());
        return Math.addExact(nowMillis(), millis);
    }

    private long nowMillis() {
        return options.clock().millis();
    }

    private void checkOpen() throws KvException {
        if (closed.get()) {
            throw new KvException(KvException.Code.CLOSED, "store in " + options.directory() + " is closed");
        }
    }

    private void checkOpenUnchecked() {
        if (closed.get()) {
            throw new IllegalStateException("store in " + options.directory() + " is closed");
        }
    }
}
