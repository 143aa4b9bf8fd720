package dev.keel.logs;

import dev.keel.logs.query.QueryFilter;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A live tail: new entries that match a query, pushed to a consumer as they are ingested (Loki's {@code /tail}).
 *
 * <p>How it is designed, and why: ingestion must never wait for a slow subscriber, so each tail has a bounded queue
 * ({@value #CAPACITY} entries) that ingestion offers to without blocking, and its own named virtual thread that
 * drains the queue into the consumer. When the queue is full, entries are dropped and counted in {@link #dropped()}
 * (Loki reports dropped entries to tail clients the same way). Entries from concurrent ingest calls may arrive
 * slightly out of time order; each call's entries arrive in its order.
 *
 * <p>Thread-safe. {@link #close()} stops delivery and waits for the delivering thread.
 */
public final class LiveTail implements AutoCloseable {

    static final int CAPACITY = 10_000;
    private static final LogEntry STOP = new LogEntry(java.time.Instant.EPOCH, LogLevel.INFO, "stop", "");

    private final QueryFilter filter;
    private final BlockingQueue<LogEntry> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread deliverer;
    private final Runnable onClose;
    private volatile boolean closed;

    LiveTail(QueryFilter filter, Consumer<LogEntry> consumer, Runnable onClose) {
        this.filter = filter;
        this.onClose = onClose;
        this.deliverer = Thread.ofVirtual().name("keel-logs-tail").start(() -> deliver(consumer));
    }

    private void deliver(Consumer<LogEntry> consumer) {
        try {
            while (true) {
                LogEntry entry = queue.take();
                if (entry == STOP) {
                    return;
                }
                consumer.accept(entry);
                delivered.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Offers the entries that match; never blocks. */
    void publish(List<LogEntry> entries) {
        if (closed) {
            return;
        }
        for (LogEntry entry : entries) {
            if (filter.matchesStream(dev.keel.logs.store.StreamKey.of(entry)) && filter.matches(entry)) {
                if (!queue.offer(entry)) {
                    dropped.incrementAndGet();
                }
            }
        }
    }

    /** Entries handed to the consumer so far. */
    public long delivered() {
        return delivered.get();
    }

    /** Entries dropped because the consumer fell more than {@value #CAPACITY} entries behind. */
    public long dropped() {
        return dropped.get();
    }

    /** Stops delivery: entries still queued are discarded. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.run();
        queue.clear();
        while (!queue.offer(STOP)) {
            queue.poll();
        }
        if (Thread.currentThread() == deliverer) {
            return; // the consumer closed its own tail: the loop ends at STOP
        }
        try {
            deliverer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
