package dev.keel.chat.server;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's writer loop: drains its {@link SendQueue} into the socket, one write per batch, gathering lines while
 * the client is busy.
 *
 * <p>How it is designed, and why: a write to a TCP socket is a system call that also runs the receiving side of the
 * loopback or the network stack, and it costs the same for one 60-byte line as for a few kilobytes. Profiling the
 * fan-out path (docs/chat.md) showed the server spending about 60% of its CPU in the kernel under {@code write}, one
 * per delivered line, plus waking this thread once per line. So writes are spaced: a batch that is ready less than
 * {@code coalesceNanos} after the previous write began waits (through the injected {@link Sleeper}) until that interval has
 * passed, and every line queued meanwhile goes out in the same write. A client that receives a line after a quiet
 * spell gets it at once; a busy one gets at most one write per interval, so the added latency is at most the interval
 * and the cost per line falls with the load. This is Nagle's algorithm bounded by time rather than by
 * acknowledgements (which can hold a line for a delayed ACK, 40 ms on Linux). Rejected: a shared flusher thread
 * ticking over all clients (a scan of every client per tick, busy or not) and writing from the sender's thread (a
 * blocking write to one slow client would stall the sender).
 *
 * <p>Not thread-safe: confined to the connection's writer thread.
 */
final class SendLoop {

    private final SendQueue queue;
    private final OutputStream out;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final long coalesceNanos;
    private final List<byte[]> batch = new ArrayList<>();

    /** {@code out} should buffer (a batch is written line by line, then flushed once). */
    SendLoop(SendQueue queue, OutputStream out, Ticker ticker, Sleeper sleeper, long coalesceNanos) {
        if (coalesceNanos < 0) {
            throw new IllegalArgumentException("coalesceNanos (" + coalesceNanos + ") must not be negative");
        }
        this.queue = queue;
        this.out = out;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.coalesceNanos = coalesceNanos;
    }

    /** Writes until the queue is closed and drained; returns the number of writes (flushes) made. */
    long run() throws IOException, InterruptedException {
        long writes = 0;
        long lastWrite = ticker.read() - coalesceNanos;
        while (queue.take(batch)) {
            long wait = lastWrite + coalesceNanos - ticker.read();
            if (wait > 0) {
                sleeper.sleepNanos(wait);
                queue.drainTo(batch);
            }
            lastWrite = ticker.read();
            long bytes = 0;
            for (byte[] line : batch) {
                out.write(line);
                bytes += line.length;
            }
            out.flush();
            writes++;
            queue.written(bytes);
            batch.clear();
        }
        return writes;
    }
}
