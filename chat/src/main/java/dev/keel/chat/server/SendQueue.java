package dev.keel.chat.server;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * One client's outgoing lines, bounded in bytes, between the threads that produce them (any event loop running a
 * command) and the event loop that owns the client's socket.
 *
 * <p>How it is designed, and why: a producer must never wait for a slow client, or one client that stops reading
 * would stall every channel it is in. So {@link #offer} never blocks: it queues the line, or, if the bytes queued and
 * being written would exceed the limit, it drops everything queued and reports {@link Offer#OVERFLOW} once, and the
 * caller disconnects the client ({@code ERROR :SendQ exceeded}). The bytes count until the socket has taken them
 * ({@link #written}), so the limit bounds what this client can make the server hold, including bytes a partial write
 * left behind. The lines are shared {@code byte[]}s (a channel message is encoded once for all its members), never
 * copied until the owning loop copies them into its write buffer. The first line queued after a drain runs the
 * {@code ready} callback (outside the lock), which asks the owning loop to flush: one wake-up per drain, however many
 * lines arrive meanwhile, plus one more when a quarter of the limit is reached ({@link #urgent()}), so that an owner
 * that is coalescing writes flushes as soon as a write is well worth it (16 KiB of the default 64 KiB: a few hundred
 * lines) and long before a fast reader's burst could overflow the queue. Rejected: a lock-free MPSC queue (a lock held for an {@code ArrayDeque} add is cheaper than
 * the allocation a linked queue makes per line, and the loop takes whole batches); blocking producers (the slow-reader
 * problem itself).
 *
 * <p>Thread-safe: one lock guards every field; {@code ready} runs on the producer's thread without it.
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

    private final Object lock = new Object();
    private final long limit;
    private final Runnable ready;

    // @GuardedBy("lock")
    private final ArrayDeque<byte[]> lines = new ArrayDeque<>();
    // @GuardedBy("lock"): queued plus taken but not yet written
    private long bytes;
    // @GuardedBy("lock"): the owner was asked to flush and has not drained the queue since
    private boolean signalled;
    // @GuardedBy("lock"): the owner was asked to flush because a quarter of the limit is queued
    private boolean urgentSignalled;
    // @GuardedBy("lock")
    private boolean overflowed;
    // @GuardedBy("lock")
    private boolean closed;

    /** A queue of at most {@code limit} bytes; {@code ready} asks the owner to flush (it must not block). */
    SendQueue(long limit, Runnable ready) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit (" + limit + ") must be positive");
        }
        this.limit = limit;
        this.ready = ready;
    }

    /** Queues {@code line} (CRLF included) without blocking. */
    Offer offer(byte[] line) {
        boolean signal;
        synchronized (lock) {
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
            signal = !signalled;
            signalled = true;
            if (!urgentSignalled && bytes >= urgentBytes()) {
                urgentSignalled = true;
                signal = true;
            }
        }
        if (signal) {
            ready.run();
        }
        return Offer.QUEUED;
    }

    /** Queues {@code last} (even after an overflow) and closes: the owner writes what is queued, then closes. */
    void close(byte[] last) {
        boolean signal;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            bytes += last.length;
            lines.add(last);
            signal = !signalled;
            signalled = true;
        }
        if (signal) {
            ready.run();
        }
    }

    /**
     * Moves queued lines, oldest first, into {@code out} while they fit whole; returns how many bytes it moved. Once
     * the queue is empty, the next line queued signals the owner again. The caller reports the bytes the socket took
     * with {@link #written}.
     */
    int drainInto(ByteBuffer out) {
        synchronized (lock) {
            int moved = 0;
            for (byte[] line; (line = lines.peek()) != null && line.length <= out.remaining(); ) {
                out.put(line);
                lines.poll();
                moved += line.length;
            }
            if (lines.isEmpty()) {
                signalled = false;
                urgentSignalled = false;
            } else if (moved == 0 && out.position() == 0) {
                throw new IllegalStateException(
                        "a line of " + lines.peek().length + " bytes exceeds the write buffer of " + out.capacity());
            }
            return moved;
        }
    }

    /** The socket took {@code count} bytes drained earlier. */
    void written(long count) {
        synchronized (lock) {
            bytes -= count;
        }
    }

    /** The bytes queued or drained and not yet written. */
    long bytes() {
        synchronized (lock) {
            return bytes;
        }
    }

    /**
     * Whether a quarter of the limit or more is queued or unwritten: the owner should write now rather than coalesce
     * (it was signalled again when this became true).
     */
    boolean urgent() {
        synchronized (lock) {
            return bytes >= urgentBytes();
        }
    }

    /** Whether lines wait to be drained. */
    boolean hasLines() {
        synchronized (lock) {
            return !lines.isEmpty();
        }
    }

    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private long urgentBytes() {
        return limit / 4;
    }

    // @GuardedBy("lock")
    private long queuedBytes() {
        long sum = 0;
        for (byte[] line : lines) {
            sum += line.length;
        }
        return sum;
    }
}
