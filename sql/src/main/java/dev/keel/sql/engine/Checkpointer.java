package dev.keel.sql.engine;

import dev.keel.sql.storage.Catalog;
import dev.keel.storage.DurableFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Writes checkpoints of a file database and truncates its log behind them.
 *
 * <p>How it is designed, and why: a checkpoint runs under the database's read lock, so no transaction commits while
 * it runs (commits need the write lock) and the log's end is exactly the state being written; queries go on. The
 * steps, and what a crash after each leaves:
 *
 * <ol>
 *   <li>write the {@link CheckpointFile} to a temporary file beside {@code checkpoint} ({@link Step#WRITTEN}): the old
 *       checkpoint and the whole log are untouched, and the next open deletes the temporary file;
 *   <li>force it, rename it over {@code checkpoint} and force the directory ({@link Step#RENAMED}): the new checkpoint
 *       is the state, the log still holds records below its position, which recovery skips;
 *   <li>delete the log segments wholly below that position ({@link Step#TRUNCATED}): a crash midway leaves some of
 *       them, which recovery skips too.
 * </ol>
 *
 * At no point is the log shortened before the checkpoint that covers it is durable. Log records are forced before
 * their commit returns, so everything below the checkpoint's position is on disk before the checkpoint is written.
 * Checkpoints start every {@code interval} bytes of log (SQLite's auto-checkpoint counts pages the same way) and on
 * demand ({@code CHECKPOINT}); the log's segments are a quarter of the interval, so that truncation frees most of it.
 * Rejected: a checkpoint on a background thread while writers go on, which needs a consistent view of tables that are
 * being changed (MVCC or copy-on-write), and fuzzy checkpoints (ARIES), which need idempotent physical log records.
 *
 * <p>Thread-safe: one checkpoint at a time ({@code running}); callers hold the database's read lock.
 */
final class Checkpointer {

    /** The file name of the checkpoint in the database directory. */
    static final String FILE_NAME = "checkpoint";

    /** The log bytes between automatic checkpoints unless configured: 16 MiB. */
    static final long DEFAULT_INTERVAL = 16L << 20;

    /** The points a checkpoint passes, in order; tests stop it at each to crash there. */
    enum Step {
        WRITTEN,
        RENAMED,
        TRUNCATED
    }

    /** Told of each step as it is reached; a test throws to simulate a crash there. */
    @FunctionalInterface
    interface StepListener {
        void reached(Step step) throws IOException;

        StepListener NONE = step -> {};
    }

    /**
     * What one checkpoint did.
     *
     * @param lsn the log position it covers
     * @param bytes the size of the checkpoint file
     * @param segmentsDeleted how many log segments it let go
     */
    record Result(long lsn, long bytes, int segmentsDeleted) {}

    private final Path file;
    private final CommitLog log;
    private final long interval;
    private final StepListener listener;
    private final ReentrantLock running = new ReentrantLock();
    /** The log position of the last checkpoint, or of the last failed attempt, from which the interval counts. */
    private volatile long lastLsn;

    Checkpointer(Path directory, CommitLog log, long interval, long lastLsn, StepListener listener) {
        if (interval <= 0) {
            throw new IllegalArgumentException("checkpoint interval (" + interval + ") must be positive");
        }
        this.file = directory.resolve(FILE_NAME);
        this.log = log;
        this.interval = interval;
        this.lastLsn = lastLsn;
        this.listener = listener;
    }

    /** Whether the log has grown by the interval since the last checkpoint (or failed attempt). */
    boolean due() {
        return log.endLsn() - lastLsn >= interval;
    }

    /**
     * Writes a checkpoint of {@code catalog} and truncates the log, or returns null if {@code waitForOthers} is false
     * and another checkpoint is running. The caller holds the database's read lock.
     */
    @Nullable
    Result checkpoint(Catalog catalog, boolean waitForOthers) throws IOException {
        if (waitForOthers) {
            running.lock();
        } else if (!running.tryLock()) {
            return null;
        }
        try {
            long lsn = log.endLsn();
            try {
                long bytes;
                try (DurableFiles.Staged staged =
                        DurableFiles.stage(file, out -> CheckpointFile.write(catalog, lsn, out))) {
                    bytes = staged.size();
                    listener.reached(Step.WRITTEN);
                    staged.commit();
                }
                listener.reached(Step.RENAMED);
                int deleted = log.truncateBefore(lsn);
                listener.reached(Step.TRUNCATED);
                return new Result(lsn, bytes, deleted);
            } finally {
                lastLsn = lsn;
            }
        } finally {
            running.unlock();
        }
    }
}
