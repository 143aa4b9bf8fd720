package dev.keel.storage;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The background forcer of {@link SyncPolicy#interval}: calls {@link WriteAheadLog#sync()} every period on one named
 * daemon thread ({@code keel-wal-sync-DIR}), and stops for good when the log is closed or has failed.
 *
 * <p>Thread-safe: started and closed by the log.
 */
final class IntervalSyncer implements AutoCloseable {

    private final WriteAheadLog log;
    private final ScheduledExecutorService executor;

    private IntervalSyncer(WriteAheadLog log) {
        this.log = log;
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("keel-wal-sync-" + log.directory().getFileName())
                .daemon(true)
                .factory());
    }

    /** Starts syncing {@code log} every {@code period}. */
    static IntervalSyncer start(WriteAheadLog log, Duration period) {
        IntervalSyncer syncer = new IntervalSyncer(log);
        long nanos = Math.max(1, period.toNanos());
        syncer.executor.scheduleWithFixedDelay(syncer::syncOnce, nanos, nanos, TimeUnit.NANOSECONDS);
        return syncer;
    }

    private void syncOnce() {
        try {
            log.sync();
        } catch (StorageException e) {
            if (e.code() != StorageException.Code.CLOSED && e.code() != StorageException.Code.LOG_FAILED) {
                throw new IllegalStateException("background sync of " + log.directory() + " failed", e);
            }
            // CLOSED: close() is stopping us. LOG_FAILED: recorded in the log, reported to every appender.
        } catch (IOException e) {
            // The log has recorded it: every later append reports it. Stop syncing.
            throw new IllegalStateException("background sync of " + log.directory() + " failed", e);
        }
    }

    /** Stops the thread, waiting for a sync in progress. */
    @Override
    public void close() {
        executor.close();
    }
}
