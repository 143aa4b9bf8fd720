package dev.keel.bench.kv;

import dev.keel.bench.KeelBenchmark;
import dev.keel.bench.ScrambledZipf;
import dev.keel.bench.ScratchDirectory;
import dev.keel.kv.KeyValueStore;
import dev.keel.kv.KvEntry;
import dev.keel.kv.KvIterator;
import dev.keel.kv.KvOptions;
import dev.keel.storage.SyncPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * keel's embedded store ({@link KeyValueStore}) against RocksDB (JNI) in the same run, through {@code @Param engine}:
 * the question is whether keel meets the goals of the embedded-store issue, at least 2x RocksDB on random reads of a
 * data set that fits in memory and at least 1.0x on synced batched writes, and where it stands on the rest.
 *
 * <p>Each trial starts in a fresh directory (deleted in tear-down) holding {@value #KEYS} keys of 16 bytes
 * ({@code key:%012d}) with 100-byte incompressible values, loaded in batches of 1,000 before measuring. RocksDB is
 * opened with default options (plus {@code create_if_missing}; default block cache) and its memtable is flushed after
 * loading, so reads go through SST files and the block cache as in a database that was not just written; keel is
 * opened with its defaults (64 MiB value cache), under {@link SyncPolicy#NONE} except for {@link #syncedBatch100},
 * which opens it under {@link SyncPolicy#ALWAYS}. The operations, one thread, scores in operations per second:
 *
 * <ul>
 *   <li>{@link #randomGet}: {@code get} of an existing key, keys drawn from a scrambled Zipf distribution (theta 0.99,
 *       as YCSB), so a few keys are hot and the rest are spread across the key space.
 *   <li>{@link #randomPut}: {@code put} overwriting an existing key (same Zipf keys), not forced to disk: keel under
 *       {@link SyncPolicy#NONE}, RocksDB with {@code WriteOptions.setSync(false)} (its WAL still on).
 *   <li>{@link #scan100}: a range scan of 100 consecutive keys from a uniformly random start, reading every key and
 *       value; a fresh iterator per scan.
 *   <li>{@link #syncedBatch100}: one batch of 100 puts of uniformly random existing keys, durable when it returns
 *       (keel {@code write(WriteBatch)} under {@link SyncPolicy#ALWAYS}; RocksDB {@code write} of a {@code WriteBatch}
 *       with {@code setSync(true)}). The score is batches per second; records per second are 100 times that.
 * </ul>
 *
 * <p>Run: {@code ./keel bench kv -f 1 -wi 2 -i 3 -w 1s -r 1s} (every JMH benchmark in {@code dev.keel.bench.kv},
 * which is this one); results in {@code bench/results/kv-embedded-vs-rocksdb.md}. One-second iterations are short for
 * keel's reads and scans, which are still speeding up (JIT) in the first measured iterations; more warm-up
 * ({@code -wi 5}) gives steadier numbers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EmbeddedStoreBenchmark extends KeelBenchmark {

    static final int KEYS = 200_000;
    static final int KEY_SIZE = 16;
    static final int VALUE_SIZE = 100;
    static final int SCAN_LENGTH = 100;
    static final int BATCH_SIZE = 100;
    private static final int LOAD_BATCH = 1_000;
    private static final int DISTINCT_VALUES = 1_024;

    @Param({"keel", "rocksdb"})
    public String engine;

    private ScratchDirectory directory;
    private Engine store;
    private byte[][] values;
    private ScrambledZipf zipf;

    @Setup(Level.Trial)
    public void open(BenchmarkParams params) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        values = new byte[DISTINCT_VALUES][];
        for (int i = 0; i < DISTINCT_VALUES; i++) {
            values[i] = new byte[VALUE_SIZE];
            random.nextBytes(values[i]);
        }
        zipf = new ScrambledZipf(KEYS, 0.99);
        boolean synced = params.getBenchmark().endsWith(".syncedBatch100");
        directory = ScratchDirectory.create("keel-kv-embedded-");
        store = switch (engine) {
            case "keel" -> new KeelEngine(directory.path(), synced ? SyncPolicy.ALWAYS : SyncPolicy.NONE);
            case "rocksdb" -> new RocksDbEngine(directory.path());
            default -> throw new IllegalArgumentException("unknown engine: " + engine);
        };
        byte[][] keys = new byte[LOAD_BATCH][];
        byte[][] batchValues = new byte[LOAD_BATCH][];
        for (int start = 0; start < KEYS; start += LOAD_BATCH) {
            int count = Math.min(LOAD_BATCH, KEYS - start);
            for (int i = 0; i < count; i++) {
                keys[i] = key(start + i);
                batchValues[i] = valueFor(start + i);
            }
            store.writeBatch(keys, batchValues, count, synced);
        }
        store.settle();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        try {
            store.close();
        } finally {
            directory.close();
        }
    }

    /** One thread's random source and buffers, seeded so every run draws the same sequence. */
    @State(Scope.Thread)
    public static class Cursor {
        final SplittableRandom random = new SplittableRandom(42);
        final byte[][] batchKeys = new byte[BATCH_SIZE][];
        final byte[][] batchValues = new byte[BATCH_SIZE][];
    }

    @Benchmark
    public byte[] randomGet(Cursor cursor) throws IOException {
        return store.get(key(zipf.next(cursor.random)));
    }

    @Benchmark
    public void randomPut(Cursor cursor) throws IOException {
        long index = zipf.next(cursor.random);
        store.put(key(index), valueFor(index));
    }

    @Benchmark
    public long scan100(Cursor cursor, Blackhole sink) throws IOException {
        long start = cursor.random.nextLong(KEYS - SCAN_LENGTH + 1);
        return store.scan(key(start), key(start + SCAN_LENGTH), sink);
    }

    /** One synced batch of {@value #BATCH_SIZE} puts; the score is batches per second. */
    @Benchmark
    public void syncedBatch100(Cursor cursor) throws IOException {
        for (int i = 0; i < BATCH_SIZE; i++) {
            long index = cursor.random.nextLong(KEYS);
            cursor.batchKeys[i] = key(index);
            cursor.batchValues[i] = valueFor(index);
        }
        store.writeBatch(cursor.batchKeys, cursor.batchValues, BATCH_SIZE, true);
    }

    private byte[] valueFor(long index) {
        return values[(int) (index % DISTINCT_VALUES)];
    }

    /** {@code key:%012d} of {@code index}, 16 ASCII bytes, without going through a String. */
    static byte[] key(long index) {
        byte[] key = new byte[KEY_SIZE];
        key[0] = 'k';
        key[1] = 'e';
        key[2] = 'y';
        key[3] = ':';
        long rest = index;
        for (int i = KEY_SIZE - 1; i >= 4; i--) {
            key[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return key;
    }

    /** The operations the benchmark asks of a store; one implementation per engine. */
    private interface Engine {
        byte[] get(byte[] key) throws IOException;

        void put(byte[] key, byte[] value) throws IOException;

        /** Writes {@code keys[0..count)} with their values atomically; forced to disk if {@code sync}. */
        void writeBatch(byte[][] keys, byte[][] values, int count, boolean sync) throws IOException;

        /** Reads every key and value in {@code [from, to)}; returns the bytes read. */
        long scan(byte[] from, byte[] to, Blackhole sink) throws IOException;

        /** Called once after loading: brings the store to the state a reader of an existing database would see. */
        void settle() throws IOException;

        void close() throws IOException;
    }

    private static final class KeelEngine implements Engine {
        private final KeyValueStore store;

        KeelEngine(Path directory, SyncPolicy policy) throws IOException {
            store = KeyValueStore.open(
                    KvOptions.builder(directory).syncPolicy(policy).build());
        }

        @Override
        public byte[] get(byte[] key) throws IOException {
            return store.get(key);
        }

        @Override
        public void put(byte[] key, byte[] value) throws IOException {
            store.put(key, value);
        }

        @Override
        public void writeBatch(byte[][] keys, byte[][] values, int count, boolean sync) throws IOException {
            // The store's sync policy decides whether the batch is forced; it was opened to match.
            dev.keel.kv.WriteBatch batch = new dev.keel.kv.WriteBatch();
            for (int i = 0; i < count; i++) {
                batch.put(keys[i], values[i]);
            }
            store.write(batch);
        }

        @Override
        public long scan(byte[] from, byte[] to, Blackhole sink) {
            long bytes = 0;
            try (KvIterator iterator = store.scan(from, to)) {
                while (iterator.hasNext()) {
                    KvEntry entry = iterator.next();
                    bytes += entry.key().length + entry.value().length;
                    sink.consume(entry);
                }
            }
            return bytes;
        }

        @Override
        public void settle() {}

        @Override
        public void close() throws IOException {
            store.close();
        }
    }

    private static final class RocksDbEngine implements Engine {
        static {
            RocksDB.loadLibrary();
        }

        private final Options options;
        private final RocksDB db;
        private final WriteOptions noSync = new WriteOptions().setSync(false);
        private final WriteOptions sync = new WriteOptions().setSync(true);
        private final org.rocksdb.WriteBatch batch = new org.rocksdb.WriteBatch();

        RocksDbEngine(Path directory) throws IOException {
            options = new Options().setCreateIfMissing(true);
            try {
                db = RocksDB.open(options, directory.toString());
            } catch (RocksDBException e) {
                throw new IOException(e);
            }
        }

        @Override
        public byte[] get(byte[] key) throws IOException {
            try {
                return db.get(key);
            } catch (RocksDBException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void put(byte[] key, byte[] value) throws IOException {
            try {
                db.put(noSync, key, value);
            } catch (RocksDBException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void writeBatch(byte[][] keys, byte[][] values, int count, boolean forced) throws IOException {
            try {
                batch.clear();
                for (int i = 0; i < count; i++) {
                    batch.put(keys[i], values[i]);
                }
                db.write(forced ? sync : noSync, batch);
            } catch (RocksDBException e) {
                throw new IOException(e);
            }
        }

        @Override
        public long scan(byte[] from, byte[] to, Blackhole sink) {
            long bytes = 0;
            try (RocksIterator iterator = db.newIterator()) {
                for (iterator.seek(from); iterator.isValid(); iterator.next()) {
                    byte[] key = iterator.key();
                    if (java.util.Arrays.compareUnsigned(key, to) >= 0) {
                        break;
                    }
                    byte[] value = iterator.value();
                    bytes += key.length + value.length;
                    sink.consume(key);
                    sink.consume(value);
                }
            }
            return bytes;
        }

        @Override
        public void settle() throws IOException {
            try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
                db.flush(flush);
            } catch (RocksDBException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void close() {
            batch.close();
            sync.close();
            noSync.close();
            db.close();
            options.close();
        }
    }
}
