package dev.keel.kv;

import dev.keel.storage.WriteAheadLog;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The store's background upkeep: compaction when dead bytes pass the trigger, and key-directory checkpoints as the log
 * grows, each on one named background thread ({@code keel-kv-compactor-<dir>}), one at a time, and on demand.
 *
 * <p>When a checkpoint runs, and why: once the log a restart would replay (everything after the last checkpoint, or
 * the whole log if a compaction has since deleted segments the checkpoint names) exceeds both
 * {@link KvOptions#checkpointInterval()} and twice the last checkpoint's size. The second bound is there because a
 * checkpoint costs O(keys) to write: during a bulk load of many small keys a fixed interval would rewrite the whole
 * directory again and again (10 million keys, by arithmetic: some 850 MB of checkpoints for a 1.2 GB log), and after
 * each compaction of a small store a checkpoint would cost more than replaying its compacted log (a JFR run of
 * synced batches saw forces of 10-67 ms while compactions and the checkpoints after them ran, against about 150 us
 * otherwise). With it, checkpoints add at most half again to the bytes written, and a restart replays at most about
 * twice as much log as it loads checkpoint: within a constant factor of the best.
 *
 * <p>A checkpoint is taken as of the log's end through a snapshot, so writers need not stop; it runs under the same
 * lock as compaction, since a truncation must not run while the file names the log's first LSN. A background failure
 * is kept for {@code stats()} and stops further background runs; calling {@code compact()} or {@code checkpoint()}
 * retries.
 *
 * <p>Thread-safe.
 */
final class Maintenance implements AutoCloseable {

    /** Writes between two looks at the triggers: the look reads the store's stats. */
    private static final int CHECK_EVERY = 256;

    private final KeyValueStore store;
    private final KvOptions options;
    /** One compaction or checkpoint at a time, whether asked for or run in the background. */
    private final ReentrantLock lock = new ReentrantLock();

    private final ExecutorService worker;
    private final AtomicBoolean compactionScheduled = new AtomicBoolean();
    private final AtomicBoolean checkpointScheduled = new AtomicBoolean();
    private final AtomicLong writesSinceCheck = new AtomicLong();
    private final AtomicLong compactions = new AtomicLong();
    /** Where a restart would start replaying (the newest usable checkpoint's LSN), and its size, for the trigger. */
    private final AtomicLong checkpointLsn = new AtomicLong();

    private final AtomicLong checkpointBytes = new AtomicLong();
    private volatile @Nullable CompactionReport lastCompaction;
    private volatile @Nullable String failure;

    Maintenance(KeyValueStore store) {
        this.store = store;
        this.options = store.options();
        this.worker = Executors.newSingleThreadExecutor(Thread.ofPlatform()
                .name("keel-kv-compactor-" + options.directory().getFileName())
                .daemon(true)
                .factory());
    }

    /** Records the checkpoint the store was opened from (LSN 0: none). */
    void checkpointed(long lsn) throws IOException {
        checkpointLsn.set(lsn);
        checkpointBytes.set(DirectoryCheckpoint.size(options.directory()));
    }

    CompactionReport compact() throws IOException {
        lock.lock();
        try {
            store.checkOpen();
            CompactionReport report = new Compaction(store).run();
            compactions.incrementAndGet();
            lastCompaction = report;
            if (report.segmentsDeleted() > 0) {
                // The checkpoint names segments that are gone: a restart now replays the whole (compacted) log, and
                // the growth trigger counts from its start.
                checkpointLsn.set(store.log().firstLsn());
            }
            return report;
        } finally {
            lock.unlock();
        }
    }

    void checkpoint() throws IOException {
        lock.lock();
        try {
            store.checkOpen();
            writeCheckpoint();
        } finally {
            lock.unlock();
        }
    }

    /** The checkpoint as of the log's end now, through a snapshot. Caller holds the lock. */
    private void writeCheckpoint() throws IOException {
        WriteAheadLog log = store.log();
        VersionChains chains = store.chains();
        long lsn = store.locks().exclusive(() -> {
            long end = log.endLsn();
            chains.open(end);
            return end;
        });
        try {
            log.sync(); // every record the checkpoint names must be on disk before the file claims it
            DirectoryCheckpoint.write(options.directory(), store.keyspace(), log.firstLsn(), lsn);
            checkpointed(lsn);
        } finally {
            chains.close(lsn);
        }
    }

    /** After a write: every {@value #CHECK_EVERY} writes, starts a compaction or checkpoint in the background if due. */
    void afterWrite() {
        if (writesSinceCheck.incrementAndGet() % CHECK_EVERY != 0 || failure != null) {
            return;
        }
        long interval = options.checkpointInterval();
        long grown = store.log().endLsn() - checkpointLsn.get();
        if (interval > 0 && grown > Math.max(interval, 2 * checkpointBytes.get())) {
            runInBackground(checkpointScheduled, this::checkpoint, "checkpoint failed: ");
        }
        KvStats stats = store.stats();
        if (stats.segments() >= 2 && stats.deadFraction() > options.compactionTrigger()) {
            runInBackground(compactionScheduled, this::compact, "");
        }
    }

    @FunctionalInterface
    private interface Job {
        void run() throws IOException;
    }

    private void runInBackground(AtomicBoolean scheduled, Job job, String failurePrefix) {
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        worker.execute(() -> {
            try {
                job.run();
            } catch (IOException | RuntimeException e) {
                if (!store.isClosed()) {
                    failure = failurePrefix + e; // for stats(); stops further background runs
                }
            } finally {
                scheduled.set(false);
            }
        });
    }

    long compactions() {
        return compactions.get();
    }

    Optional<CompactionReport> lastCompaction() {
        return Optional.ofNullable(lastCompaction);
    }

    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Waits for a running job to finish and stops the worker. */
    @Override
    public void close() {
        worker.close();
    }
}
