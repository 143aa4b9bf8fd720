package dev.keel.logs.store;

import dev.keel.logs.LogsException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The background sealer: one named thread that turns frozen open blocks into sealed blocks, off the ingest path.
 *
 * <p>How it is designed, and why: ingesters freeze a full open block under the store's lock (a pointer swap) and
 * queue it here; this thread does the expensive part outside the lock (force the log through the block's last
 * record, sort, encode columns, compress, build the trigram filter, write the file crash-safely), then takes the
 * lock only to publish: the stream's block list gains the block and the frozen block leaves the stream's
 * {@code sealing} list in the same critical section, so a query snapshot sees the entries exactly once, either in
 * memory or in a block. One thread and a FIFO queue keep each stream's blocks in freeze order, so a block never
 * covers log positions above one that a crash could leave unwritten; recovery's per-stream "sealed through" position
 * stays a prefix. A crash mid-seal leaves at most a temporary file (deleted on open) and the entries in the log.
 *
 * <p>Backpressure: an ingester waits (on {@link #awaitCapacityLocked}, releasing the lock) while {@code maxPending}
 * blocks or {@code maxPendingBytes} are queued, so memory stays bounded when producers outrun compression. Rejected:
 * a pool of sealers (per-stream ordering and the log truncation point get harder for a 2-core machine's gain) and
 * sealing under the lock (the profile's largest cost on the ingest path).
 *
 * <p>If a seal fails, the failure is kept, the frozen block stays queryable in memory and in the log (nothing
 * acknowledged is lost; a restart replays it), and every later write fails with {@link LogsException.Code#STORAGE_FAILED}.
 *
 * <p>Thread-safe: the queue and counters are guarded by the store's lock, which the caller passes in.
 */
final class BlockSealer implements AutoCloseable {

    /** One frozen block of {@code stream} to be sealed as block {@code blockId}. */
    record Task(Stream stream, OpenBlock block, long blockId) {}

    /** What sealing does; implemented by the store. */
    interface Work {
        /** Outside the lock: make the block durable and return it. */
        BlockCodec.Encoded seal(Task task) throws IOException;

        /** Under the lock: make the sealed block visible in place of the frozen one. */
        void publishLocked(Task task, BlockCodec.Encoded block) throws IOException;
    }

    private final ReentrantLock lock;
    private final Condition hasWork;
    private final Condition progress;
    private final Work work;
    private final int maxPending;
    private final long maxPendingBytes;
    // @GuardedBy("lock")
    private final ArrayDeque<Task> queue = new ArrayDeque<>();
    // @GuardedBy("lock")
    private long pendingBytes;
    // @GuardedBy("lock")
    private @Nullable Exception failure;
    // @GuardedBy("lock")
    private boolean stopping;

    private final Thread thread;

    BlockSealer(ReentrantLock lock, Work work, int maxPending, long maxPendingBytes, String name) {
        this.lock = lock;
        this.hasWork = lock.newCondition();
        this.progress = lock.newCondition();
        this.work = work;
        this.maxPending = maxPending;
        this.maxPendingBytes = maxPendingBytes;
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Queues a frozen block. Caller holds the lock. */
    void submitLocked(Task task) {
        queue.addLast(task);
        pendingBytes += task.block().bytes();
        hasWork.signal();
    }

    /** Bytes in frozen blocks not sealed yet. Caller holds the lock. */
    long pendingBytesLocked() {
        return pendingBytes;
    }

    /** Frozen blocks not sealed yet. Caller holds the lock. */
    int pendingLocked() {
        return queue.size();
    }

    /** False once a seal failed. Caller holds the lock. */
    boolean isHealthyLocked() {
        return failure == null;
    }

    /** Throws if a seal failed. Caller holds the lock. */
    void checkHealthyLocked() {
        if (failure != null) {
            throw new LogsException(
                    LogsException.Code.STORAGE_FAILED,
                    "sealing a block failed, so the store refuses writes until it is reopened (the entries are kept"
                            + " in the log and recovered on restart): " + failure.getMessage(),
                    failure);
        }
    }

    /** Waits, releasing the lock, until the queue is under its bounds. Caller holds the lock. */
    void awaitCapacityLocked() {
        while ((queue.size() >= maxPending || pendingBytes > maxPendingBytes) && failure == null) {
            awaitProgress();
        }
        checkHealthyLocked();
    }

    /** Waits, releasing the lock, until every queued block is sealed. Caller holds the lock. */
    void drainLocked() {
        while (!queue.isEmpty() && failure == null && thread.isAlive()) {
            awaitProgress();
        }
        checkHealthyLocked();
    }

    private void awaitProgress() {
        try {
            progress.await(1, TimeUnit.SECONDS); // bounded so a dead sealer thread cannot hang a caller
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogsException(LogsException.Code.STORAGE_FAILED, "interrupted while waiting for the sealer", e);
        }
    }

    private void run() {
        while (true) {
            Task task;
            lock.lock();
            try {
                while (queue.isEmpty() && !stopping) {
                    hasWork.awaitUninterruptibly();
                }
                if (queue.isEmpty()) {
                    return;
                }
                task = queue.peekFirst();
            } finally {
                lock.unlock();
            }
            try {
                BlockCodec.Encoded block = work.seal(task);
                lock.lock();
                try {
                    work.publishLocked(task, block);
                    queue.removeFirst();
                    pendingBytes -= task.block().bytes();
                    progress.signalAll();
                } finally {
                    lock.unlock();
                }
            } catch (IOException | RuntimeException e) {
                lock.lock();
                try {
                    failure = e;
                    progress.signalAll();
                } finally {
                    lock.unlock();
                }
                return;
            }
        }
    }

    /** Stops the thread once the queue is empty (or a seal failed) and waits for it. Call without the lock. */
    @Override
    public void close() {
        lock.lock();
        try {
            stopping = true;
            hasWork.signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
