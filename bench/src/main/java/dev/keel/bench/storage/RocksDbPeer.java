package dev.keel.bench.storage;

import dev.keel.bench.ScratchDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * RocksDB as the peer of keel's log: the same threads writing the same payloads into RocksDB with its write-ahead log
 * on and {@code WriteOptions.setSync(true)}, so that every write returns only once its WAL record is on disk, which is
 * the promise of keel's {@code SyncPolicy.ALWAYS}. RocksDB group-commits its WAL too (a leader writes and syncs for
 * every writer queued behind it), so this compares two group-commit designs on the same disk in the same run.
 *
 * <p>What differs and is not hidden: each RocksDB record also carries a 16-byte key and goes into a memtable (and,
 * once 64 MiB of them have been written, into a flush to an SST file), which keel's log does not do; keel frames each
 * record with a header and CRC32C of its own. The database is the default one (default column family, default
 * options plus {@code create_if_missing}), in a fresh directory per run.
 *
 * <p>Run (as a section of): {@code ./keel bench run dev.keel.bench.storage.WalAppendHarness}
 *
 * <p>Not thread-safe: one run at a time, from the main thread; a RocksDB handle is thread-safe and shared by the
 * workers, each of which owns its key buffer and write batch.
 */
final class RocksDbPeer {

    static {
        RocksDB.loadLibrary();
    }

    private final LoadRunner runner;
    private final Path parent;

    RocksDbPeer(LoadRunner runner, Path parent) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.parent = Objects.requireNonNull(parent, "parent");
    }

    /** RocksDB's version, for the report. */
    static String version() {
        return RocksDB.rocksdbVersion().toString();
    }

    /** {@code threads} threads each calling {@code put} with a unique key and a {@code valueSize}-byte value. */
    LoadResult put(int valueSize, int threads) throws Exception {
        return run("rocksdb-put", threads, (db, sync, index) -> new PutWorker(db, sync, index, valueSize));
    }

    /** {@code threads} threads each writing a {@link WriteBatch} of {@code batchSize} unique keys per call. */
    LoadResult writeBatch(int valueSize, int batchSize, int threads) throws Exception {
        return run(
                "rocksdb-batch", threads, (db, sync, index) -> new BatchWorker(db, sync, index, valueSize, batchSize));
    }

    /** A worker that may own native memory, released after the run. */
    private interface DbWorker extends LoadRunner.Worker, AutoCloseable {
        @Override
        default void close() {}
    }

    @FunctionalInterface
    private interface DbWorkerFactory {
        DbWorker create(RocksDB db, WriteOptions sync, int index);
    }

    private LoadResult run(String name, int threads, DbWorkerFactory factory) throws Exception {
        List<DbWorker> workers = new ArrayList<>(threads);
        try (ScratchDirectory directory = ScratchDirectory.create(parent, "rocksdb-");
                Options options = new Options().setCreateIfMissing(true);
                RocksDB db = RocksDB.open(options, directory.path().toString());
                WriteOptions sync = new WriteOptions().setSync(true).setDisableWAL(false)) {
            try {
                return runner.run(
                        name + "-" + threads + "t",
                        threads,
                        index -> {
                            DbWorker worker = factory.create(db, sync, index);
                            workers.add(worker);
                            return worker;
                        },
                        LoadRunner.WindowObserver.NONE);
            } finally {
                for (DbWorker worker : workers) {
                    worker.close();
                }
            }
        }
    }

    /** One {@code put} per call, each with the thread's next key. Confined to its thread. */
    private static final class PutWorker implements DbWorker {
        private final RocksDB db;
        private final WriteOptions sync;
        private final int thread;
        private final byte[] value;
        private final byte[] key = new byte[RecordBytes.KEY_SIZE];
        private long sequence;

        PutWorker(RocksDB db, WriteOptions sync, int thread, int valueSize) {
            this.db = db;
            this.sync = sync;
            this.thread = thread;
            this.value = RecordBytes.payload(valueSize, thread);
        }

        @Override
        public int call() throws RocksDBException {
            db.put(sync, RecordBytes.key(key, thread, sequence++), value);
            return 1;
        }
    }

    /**
     * One {@link WriteBatch} of {@code batchSize} puts per call, each with the thread's next key; the batch object is
     * cleared and reused, as a careful RocksDB user would. Confined to its thread.
     */
    private static final class BatchWorker implements DbWorker {
        private final RocksDB db;
        private final WriteOptions sync;
        private final int thread;
        private final List<byte[]> values;
        private final byte[] key = new byte[RecordBytes.KEY_SIZE];
        private final WriteBatch batch = new WriteBatch();
        private long sequence;

        BatchWorker(RocksDB db, WriteOptions sync, int thread, int valueSize, int batchSize) {
            this.db = db;
            this.sync = sync;
            this.thread = thread;
            List<byte[]> made = new ArrayList<>(batchSize);
            for (int i = 0; i < batchSize; i++) {
                made.add(RecordBytes.payload(valueSize, (long) thread * batchSize + i));
            }
            this.values = List.copyOf(made);
        }

        @Override
        public int call() throws RocksDBException {
            batch.clear();
            for (byte[] value : values) {
                batch.put(RecordBytes.key(key, thread, sequence++), value);
            }
            db.write(sync, batch);
            return values.size();
        }

        @Override
        public void close() {
            batch.close();
        }
    }
}
