package dev.keel.chat.server;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One client's outgoing lines, bounded in bytes, between the threads that produce them (any connection's reader) and
 * the client's writer thread.
 *
 * <p>How it is designed, and why: a producer must never wait for a slow client, or one client that stops reading
 * would stall every channel it is in. So {@link #offer} never blocks: it queues the line, or, if the bytes queued and
 * being written would exceed the limit, it drops everything queued and reports {@link Offer#OVERFLOW} once, and the
 * caller disconnects the client ({@code ERROR :SendQ exceeded}). The bytes count until the writer has written them
 * ({@link #written}), so the limit bounds what this client can make the server hold, including the batch in flight.
 * The lines are shared {@code byte[]}s (a channel message is encoded once for all its members), never copied.
 * Rejected: a lock-free MPSC queue (a lock held for an {@code ArrayDeque} add is cheaper than the allocation a linked
 * queue makes per line, and the writer takes whole batches); blocking producers (the slow-reader problem itself).
 *
 * <p>Thread-safe: one lock guards every field; the writer waits on its condition.
 */
final class SendQueue {

    /** What {@link #offer} did. */
    enum Offer {
        QUEUED,
        /** The queue was over its limit: it is now empty and accepts only the closing line. */
        OVERFLOW,
        /** The queue was closed or had overflowed before: the line was dropped. */
        DROPPED
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final long limit;

    // @GuardedBy("lock")
    private final ArrayDeque<byte[]> lines = new ArrayDeque<>();
    // @GuardedBy("lock"): queued plus taken but not yet written
    private long bytes;
    // @GuardedBy("lock")
    private boolean overflowed;
    // @GuardedBy("lock")
    private boolean closed;

    SendQueue(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit (" + limit + ") must be positive");
        }
        this.limit = limit;
    }

    /** Queues {@code line} (CRLF included) without blocking. */
    Offer offer(byte[] line) {
        lock.lock();
        try {
            if (closed || overflowed) {
                return Offer.DROPPED;
            }
            if (bytes + line.length > limit) {
                overflowed = true;
                bytes -= queuedBytes();
                lines.clear();
                return Offer.OVERFLOW;
            }
            bytes += line.length;
            lines.add(line);
            if (lines.size() == 1) {
                ready.signal();
            }
            return Offer.QUEUED;
        } finally {
            lock.unlock();
        }
    }

    /** Queues {@code last} (even after an overflow) and closes: the writer writes what is queued, then stops. */
    void close(byte[] last) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            bytes += last.length;
            lines.add(last);
            ready.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves every queued line into {@code batch}, waiting until there is one; returns false once the queue is closed
     * and empty. The caller reports the bytes with {@link #written} after writing them.
     */
    boolean take(List<byte[]> batch) throws InterruptedException {
        lock.lock();
        try {
            while (lines.isEmpty()) {
                if (closed) {
                    return false;
                }
                ready.await();
            }
            batch.addAll(lines);
            lines.clear();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Moves every queued line into {@code batch} without waiting (none may be queued). */
    void drainTo(List<byte[]> batch) {
        lock.lock();
        try {
            batch.addAll(lines);
            lines.clear();
        } finally {
            lock.unlock();
        }
    }

    /** The writer wrote {@code count} bytes taken earlier. */
    void written(long count) {
        lock.lock();
        try {
            bytes -= count;
        } finally {
            lock.unlock();
        }
    }

    /** The bytes queued or being written now. */
    long bytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private long queuedBytes() {
        long sum = 0;
        for (byte[] line : lines) {
            sum += line.length;
        }
        return sum;
    }
}
