package dev.keel.kv;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.storage.ChannelOpener;
import dev.keel.storage.RecoveryScan;
import dev.keel.storage.StorageException;
import dev.keel.storage.WalOptions;
import dev.keel.storage.WriteAheadLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
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
 * {@value WriteLocks#STRIPES} stripe locks, held from the read of the old value (for compare-and-set, put-if-absent) through the
 * append to the directory update, so the log's order and the directory agree, and recovery, which replays the log in
 * order, rebuilds exactly the state that writers saw. Writes to different keys run in parallel and share forces.
 * Rejected: one store-wide write lock (it would hold every writer through every fsync and defeat group commit), and
 * applying writes before they are durable (a reader could see a value that a crash then loses).
 *
 * <p>Guarantees: a write that returned survives a crash (under {@code ALWAYS}); a {@link WriteBatch} is all or nothing;
 * reads see only durable writes; a {@link KvSnapshot} is a consistent point-in-time view. TTLs are judged by the
 * injected clock ({@link KvOptions#clock()}). Besides strings, a key may hold a list ({@link #lists()}); string
 * operations on a list, and list operations on a string, fail with {@link KvException.Code#WRONG_TYPE}.
 *
 * <p>Thread-safe.
 */
public final class KeyValueStore implements AutoCloseable {

    /** Keys deleted per atomic batch by {@link #clear()}. */
    public static final int CLEAR_BATCH = 1024;

    /** The log lives in its own folder (it accepts no foreign files); the checkpoint sits beside it. */
    static final String LOG_DIRECTORY = "log";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KvOptions options;
    private final WriteAheadLog log;
    private final VersionChains chains = new VersionChains();
    private final Keyspace keyspace = new Keyspace(chains);
    private final KeyDirectory directory = keyspace.users();
    private final WriteLocks locks = new WriteLocks();
    private final ValueReader values;
    private final KvLists lists;

    private final AtomicBoolean closed = new AtomicBoolean();
    private final Maintenance maintenance;
    /** How the last open rebuilt the key directory, for stats(). */
    private String startup = "";

    private KeyValueStore(KvOptions options, WriteAheadLog log) {
        this.options = options;
        this.log = log;
        this.values = new ValueReader(log, options);
        this.lists = new KvLists(this);
        this.maintenance = new Maintenance(this);
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
                .maxRecordSize(
                        KvRecord.HEADER + options.maxKeySize() + ElementKey.OVERHEAD + 8 + options.maxValueSize())
                .build();
        WriteAheadLog log = WriteAheadLog.open(options.directory().resolve(LOG_DIRECTORY), walOptions);
        KeyValueStore store = new KeyValueStore(options, log);
        try {
            StoreRecovery.Outcome opened = new StoreRecovery(options, log, store.keyspace, store.values).run();
            store.startup = opened.description();
            store.maintenance.checkpointed(opened.checkpointLsn());
        } catch (IOException | RuntimeException e) {
            store.maintenance.close();
            try {
                log.close();
            } catch (IOException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
        return store;
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

    /** Sets {@code key} to {@code value}, with no expiry (clearing any TTL it had), replacing a list it held. */
    public void put(byte[] key, byte[] value) throws IOException {
        Key k = checkedKey(key);
        checkValue(value);
        byte[] copy = value.clone();
        write(k, () -> {
            putLocked(k, copy, 0, KvRecord.Kind.VALUE);
            return null;
        });
    }

    /** Sets {@code key} to {@code value}, expiring after {@code ttl} by the store's clock. */
    public void put(byte[] key, byte[] value, Duration ttl) throws IOException {
        Key k = checkedKey(key);
        checkValue(value);
        long expiresAt = expiryFor(ttl);
        byte[] copy = value.clone();
        write(k, () -> {
            putLocked(k, copy, expiresAt, KvRecord.Kind.VALUE);
            return null;
        });
    }

    /**
     * The value of {@code key}, or null if it is absent or expired.
     *
     * @throws KvException with {@link KvException.Code#WRONG_TYPE} if the key holds a list
     */
    public byte @Nullable [] get(byte[] key) throws IOException {
        checkOpen();
        checkKeyLength(key.length);
        // A value held in its version (small values) is answered without a Key: a pipelined GET allocated one per
        // request only to look the key up, and every allocation here is memory the index's lines are evicted for.
        long now = nowMillis();
        Version.Live live = KeyDirectory.liveAt(directory.newest(key, Arrays.hashCode(key)), Long.MAX_VALUE, now);
        if (live != null && live.isInline() && !live.isListHead()) {
            return live.copyOfInline();
        }
        return getAt(lookupKey(key), Long.MAX_VALUE, now);
    }

    /** Whether {@code key} has a value or a list (that has not expired). */
    public boolean contains(byte[] key) {
        checkOpenUnchecked();
        return directory.current(lookupKey(key), nowMillis()) != null;
    }

    /** What {@code key} holds now. */
    public ValueType type(byte[] key) {
        checkOpenUnchecked();
        Version.Live live = directory.current(lookupKey(key), nowMillis());
        return live == null ? ValueType.NONE : live.isListHead() ? ValueType.LIST : ValueType.STRING;
    }

    /** Removes {@code key}, whether it holds a value or a list; true if it existed. Deleting nothing writes nothing. */
    public boolean delete(byte[] key) throws IOException {
        Key k = checkedKey(key);
        return write(k, () -> {
            if (directory.current(k, nowMillis()) == null) {
                return false;
            }
            deleteLocked(k);
            return true;
        });
    }

    /** Sets {@code key} to {@code value} only if it has no value (nor list); true if it was set. */
    public boolean putIfAbsent(byte[] key, byte[] value) throws IOException {
        Key k = checkedKey(key);
        checkValue(value);
        byte[] copy = value.clone();
        return write(k, () -> {
            if (directory.current(k, nowMillis()) != null) {
                return false;
            }
            putLocked(k, copy, 0, KvRecord.Kind.VALUE);
            return true;
        });
    }

    /**
     * Atomically replaces the value of {@code key} if it equals {@code expected}; true if it did. A null
     * {@code expected} means "absent"; a null {@code update} deletes the key.
     *
     * @throws KvException with {@link KvException.Code#WRONG_TYPE} if the key holds a list
     */
    public boolean compareAndSet(byte[] key, byte @Nullable [] expected, byte @Nullable [] update) throws IOException {
        Key k = checkedKey(key);
        if (update != null) {
            checkValue(update);
        }
        byte @Nullable [] copy = update == null ? null : update.clone();
        return write(k, () -> {
            Version.Live current = directory.current(k, nowMillis());
            if (expected == null ? current != null : !Arrays.equals(stringValue(k, current), expected)) {
                return false; // "expected absent" fails on any present key, a list included, without reading it
            }
            if (copy != null) {
                putLocked(k, copy, 0, KvRecord.Kind.VALUE);
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
     *
     * @throws KvException with {@link KvException.Code#WRONG_TYPE} if the key holds a list
     */
    public boolean compareAndSet(byte[] key, byte @Nullable [] expected, byte[] update, Expiry expiry)
            throws IOException {
        Key k = checkedKey(key);
        checkValue(update);
        long newExpiry = expiry instanceof Expiry.After after ? expiryFor(after.ttl()) : 0;
        byte[] copy = update.clone();
        return write(k, () -> {
            Version.Live current = directory.current(k, nowMillis());
            if (expected == null ? current != null : !Arrays.equals(stringValue(k, current), expected)) {
                return false; // "expected absent" fails on any present key, a list included, without reading it
            }
            long expiresAt = switch (expiry) {
                case Expiry.None _ -> 0;
                case Expiry.Keep _ -> current == null ? 0 : current.expiresAtMillis();
                case Expiry.After _ -> newExpiry;
            };
            putLocked(k, copy, expiresAt, KvRecord.Kind.VALUE);
            return true;
        });
    }

    /**
     * Applies every write of {@code batch}, atomically: after a crash all of them are in the store or none is. A put
     * or delete of a key holding a list replaces or removes the list.
     */
    public void write(WriteBatch batch) throws IOException {
        List<WriteBatch.Write> writes = batch.writes();
        if (writes.isEmpty()) {
            return;
        }
        List<Key> keys = new ArrayList<>(writes.size());
        List<byte[]> payloads = new ArrayList<>(writes.size());
        for (WriteBatch.Write write : writes) {
            checkKey(write.key());
            if (!write.delete()) {
                checkValue(write.value());
            }
            keys.add(write.key());
            payloads.add(
                    write.delete()
                            ? KvRecord.encodeDelete(write.key())
                            : KvRecord.encodePut(write.key(), write.value(), 0));
        }
        try {
            locks.write(keys, () -> {
                checkOpen();
                long[] lsns = log.appendBatch(payloads);
                for (int i = 0; i < writes.size(); i++) {
                    WriteBatch.Write write = writes.get(i);
                    int size = payloads.get(i).length;
                    if (write.delete()) {
                        values.forget(write.key());
                    } else {
                        values.remember(write.key(), lsns[i], write.value());
                    }
                    keyspace.applyUser(
                            write.key(),
                            write.delete()
                                    ? new Version.Deleted(write.key(), lsns[i], null)
                                    : new Version.Live(
                                            write.key(),
                                            lsns[i],
                                            write.value().length,
                                            size,
                                            0,
                                            values.inline(write.value()),
                                            null),
                            size);
                }
                return null;
            });
        } finally {
            maintenance.afterWrite();
        }
    }

    /**
     * Deletes every key, strings and lists, expired or not (Redis's FLUSHDB), in atomic batches of
     * {@value #CLEAR_BATCH}; returns how many keys it deleted. A write racing it may survive it.
     */
    public long clear() throws IOException {
        checkOpen();
        long deleted = 0;
        WriteBatch batch = new WriteBatch();
        java.util.Iterator<Map.Entry<Key, Version>> entries = directory.range(null, null);
        while (entries.hasNext()) {
            Map.Entry<Key, Version> entry = entries.next();
            if (entry.getValue() instanceof Version.Live) {
                batch.delete(entry.getKey().unsafeBytes());
            }
            if (batch.size() == CLEAR_BATCH || (!entries.hasNext() && batch.size() > 0)) {
                write(batch);
                deleted += batch.size();
                batch = new WriteBatch();
            }
        }
        return deleted;
    }

    /** When {@code key} expires, if it has a value or list with a TTL. */
    public Optional<Instant> expiresAt(byte[] key) {
        checkOpenUnchecked();
        Version.Live live = directory.current(checkedKey(key), nowMillis());
        return live == null || live.expiresAtMillis() == 0
                ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(live.expiresAtMillis()));
    }

    /** Gives {@code key} (a value or a list) a TTL; false if it has neither. */
    public boolean expire(byte[] key, Duration ttl) throws IOException {
        Key k = checkedKey(key);
        long expiresAt = expiryFor(ttl);
        return rewriteExpiry(k, expiresAt, false);
    }

    /** Removes the TTL of {@code key}; false if it has no value or no TTL. */
    public boolean persist(byte[] key) throws IOException {
        return rewriteExpiry(checkedKey(key), 0, true);
    }

    /** Rewrites the key's current record (a value or a list's head) with a new expiry. */
    private boolean rewriteExpiry(Key k, long expiresAt, boolean onlyIfExpiring) throws IOException {
        return write(k, () -> {
            Version.Live live = directory.current(k, nowMillis());
            if (live == null || (onlyIfExpiring && live.expiresAtMillis() == 0)) {
                return false;
            }
            KvRecord.Kind kind = live.isListHead() ? KvRecord.Kind.LIST_HEAD : KvRecord.Kind.VALUE;
            putLocked(k, values.read(k, live, kind), expiresAt, kind);
            return true;
        });
    }

    /**
     * The keys in {@code [fromInclusive, toExclusive)} with their values, in key order (weakly consistent). Keys
     * holding lists are skipped: a scan returns strings.
     */
    public KvIterator scan(byte[] fromInclusive, byte[] toExclusive) {
        checkOpenUnchecked();
        return scanAt(Key.copyOf(fromInclusive), Key.copyOf(toExclusive), null, Long.MAX_VALUE, nowMillis());
    }

    /** The keys that start with {@code prefix} with their values, in key order (weakly consistent); lists skipped. */
    public KvIterator scanPrefix(byte[] prefix) {
        checkOpenUnchecked();
        return scanAt(Key.copyOf(prefix), null, prefix.clone(), Long.MAX_VALUE, nowMillis());
    }

    /**
     * The keys in {@code [fromInclusive, toExclusive)}, whatever they hold, in key order, without reading any value:
     * a lazy, weakly consistent walk of the in-memory directory (it sees every key that exists throughout).
     */
    public Stream<byte[]> keys(byte[] fromInclusive, byte[] toExclusive) {
        checkOpenUnchecked();
        return keyStream(directory.range(Key.copyOf(fromInclusive), Key.copyOf(toExclusive)), null);
    }

    /** The keys that start with {@code prefix}, whatever they hold, in key order, without reading any value. */
    public Stream<byte[]> keysWithPrefix(byte[] prefix) {
        checkOpenUnchecked();
        return keyStream(directory.range(Key.copyOf(prefix), null), prefix.clone());
    }

    private Stream<byte[]> keyStream(java.util.Iterator<Map.Entry<Key, Version>> range, byte @Nullable [] prefix) {
        long now = nowMillis();
        Stream<Map.Entry<Key, Version>> entries = StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(range, Spliterator.ORDERED | Spliterator.NONNULL), false);
        if (prefix != null) {
            entries = entries.takeWhile(entry -> entry.getKey().startsWith(prefix));
        }
        return entries.filter(entry -> KeyDirectory.liveAt(entry.getValue(), Long.MAX_VALUE, now) != null)
                .map(entry -> entry.getKey().toByteArray());
    }

    /** The list operations on this store's keys (LPUSH, RPOP, LRANGE ... in Redis's terms). */
    public KvLists lists() {
        return lists;
    }

    /** A consistent point-in-time view of the store's strings; close it when done. */
    public KvSnapshot snapshot() {
        checkOpenUnchecked();
        return locks.exclusive(() -> {
            long lsn = log.endLsn();
            chains.open(lsn);
            return new KvSnapshot(this, lsn, nowMillis());
        });
    }

    /** Counts and sizes, read together. */
    public KvStats stats() {
        long live = keyspace.liveBytes();
        return new KvStats(
                directory.liveKeys(),
                live,
                Math.max(0, logBytes() - live),
                log.stats().segments(),
                chains.openSnapshots(),
                maintenance.compactions(),
                maintenance.lastCompaction(),
                maintenance.failure(),
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
        return maintenance.compact();
    }

    /**
     * Writes a checkpoint of the key directory now, while reads and writes continue, so that a restart, even after a
     * crash, replays only the log written after it. The store also does this when it closes, and in the background as
     * the log a restart would replay grows past {@link KvOptions#checkpointInterval()}.
     */
    public void checkpoint() throws IOException {
        checkOpen();
        maintenance.checkpoint();
    }

    /** The options the store was opened with. */
    public KvOptions options() {
        return options;
    }

    /** Closes the log, after making everything written durable, and writes the checkpoint. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            maintenance.close();
            locks.exclusiveIo(() -> {
                long firstLsn = log.firstLsn();
                log.close();
                // Only after the log is closed (everything forced) does the checkpoint claim to cover it.
                DirectoryCheckpoint.write(options.directory(), keyspace, firstLsn, log.endLsn());
                return null;
            });
        }
    }

    @Override
    public String toString() {
        return "KeyValueStore[" + options.directory() + "]";
    }

    // ---- package-private: used by snapshots, iterators, lists and compaction ----

    /**
     * The string value of {@code key} visible at {@code snapshotLsn} and {@code nowMillis}. If compaction deleted the
     * segment between the lookup and the read, the key has been copied to a newer record: look it up again.
     */
    byte @Nullable [] getAt(Key key, long snapshotLsn, long nowMillis) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Version.Live live = KeyDirectory.liveAt(directory.newest(key), snapshotLsn, nowMillis);
            if (live == null) {
                return null;
            }
            try {
                return stringValue(key, live);
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

    Keyspace keyspace() {
        return keyspace;
    }

    WriteLocks locks() {
        return locks;
    }

    ValueReader values() {
        return values;
    }

    /** Bytes in the log, from its oldest segment to its end. */
    long logBytes() {
        return log.endLsn() - log.firstLsn();
    }

    int openSnapshots() {
        return chains.openSnapshots();
    }

    VersionChains chains() {
        return chains;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Runs {@code write} under {@code key}'s stripe lock and the gate, on an open store; then maybe compacts. */
    <T> T write(Key key, WriteLocks.LockedWrite<T> write) throws IOException {
        try {
            return locks.write(key, () -> {
                checkOpen();
                return write.run();
            });
        } finally {
            maintenance.afterWrite();
        }
    }

    /** The string value at {@code live} (null: none), or WRONG_TYPE if the key holds a list. */
    private byte @Nullable [] stringValue(Key key, Version.@Nullable Live live) throws IOException {
        if (live == null) {
            return null;
        }
        if (live.isListHead()) {
            throw wrongType(key, ValueType.LIST);
        }
        return values.read(key, live, KvRecord.Kind.VALUE);
    }

    static KvException wrongType(Key key, ValueType holds) {
        return new KvException(
                KvException.Code.WRONG_TYPE,
                "key " + key + " holds a " + holds.name().toLowerCase(java.util.Locale.ROOT)
                        + ", which this operation cannot use");
    }

    // ---- writing ----

    /** Appends a PUT and points the directory at it. Caller holds the key's stripe and the gate. */
    private void putLocked(Key key, byte[] value, long expiresAt, KvRecord.Kind kind) throws IOException {
        byte[] payload = KvRecord.encodePut(key, value, expiresAt, kind);
        long lsn = log.append(payload);
        values.remember(key, lsn, value);
        boolean head = kind == KvRecord.Kind.LIST_HEAD;
        int size = head ? Version.Live.LIST_HEAD : value.length;
        byte[] inline = head ? null : values.inline(value);
        keyspace.applyUser(
                key, new Version.Live(key, lsn, size, payload.length, expiresAt, inline, null), payload.length);
    }

    /** Appends a DELETE and removes the key (and a list's elements). Caller holds the key's stripe and the gate. */
    private void deleteLocked(Key key) throws IOException {
        byte[] payload = KvRecord.encodeDelete(key);
        long lsn = log.append(payload);
        values.forget(key);
        keyspace.applyUser(key, new Version.Deleted(key, lsn, null), payload.length);
    }

    // ---- checks ----

    Key checkedKey(byte[] key) {
        Key k = Key.copyOf(key);
        checkKey(k);
        return k;
    }

    /**
     * {@code key} for a lookup that keeps nothing: the caller's array, not a copy (a pipelined GET paid 2% of its CPU
     * copying keys it only looked up). Whatever keeps a key it found this way copies it ({@link ValueReader#read}).
     */
    private Key lookupKey(byte[] key) {
        Key k = Key.wrap(key);
        checkKey(k);
        return k;
    }

    private void checkKey(Key key) {
        checkKeyLength(key.length());
    }

    private void checkKeyLength(int length) {
        if (length == 0) {
            throw new IllegalArgumentException("key must not be empty");
        }
        if (length > options.maxKeySize()) {
            throw new IllegalArgumentException(
                    "key of " + length + " bytes exceeds maxKeySize " + options.maxKeySize());
        }
    }

    void checkValue(byte[] value) {
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

    long nowMillis() {
        return options.clock().millis();
    }

    void checkOpen() throws KvException {
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
