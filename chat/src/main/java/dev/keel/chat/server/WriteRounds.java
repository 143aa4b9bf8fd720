package dev.keel.chat.server;

import java.util.ArrayList;

/**
 * An event loop's write rounds: how the loop coalesces writes to busy clients with one timer for all of them, and
 * without being woken for lines that would wait anyway.
 *
 * <p>How it is designed, and why: a loopback or network write costs about the same for one 60-byte line as for a few
 * kilobytes, and on the fan-out benchmark four fifths of the loops' CPU is the kernel's write path, so the number of
 * writes per delivered line is what the server's cost follows. The first write after a quiet spell opens a round of
 * {@code intervalNanos}; a connection that wrote in the open round writes its next lines when the round ends, all
 * together, so a busy client gets at most one write per round and waits at most one round, while a client that gets a
 * line after a quiet spell gets it at once. Rounds are the loop's, not each connection's: one timer per round instead
 * of one per deferred flush, and one loop wake-up per round for all the busy connections. Other loops ask for a flush
 * through a concurrent queue; when the connection wrote in the open round they skip the {@code Selector.wakeup}
 * (an {@code eventfd} write here and a read there), because the round's end drains that queue anyway.
 *
 * <p>Why the skipped wake-up cannot strand a line (Dekker's pattern on two volatile accesses): a producer first adds
 * the connection to the loop's queue, then reads {@link #round}; the loop first increments {@link #round} at the
 * round's end, then drains the queue. If the producer read the old round (and skipped the wake-up), its add came
 * before the loop's increment, so the drain that follows finds it; if it read the new one, the stamp is stale and it
 * wakes the loop. (And were it wrong, the loop drains that queue on every iteration, at least once a second for the
 * keepalive tick, so a line could wait, never be lost; {@code TransportTest} runs senders on every loop over 1 ms
 * rounds.)
 *
 * <p>Rejected: a timer per connection at its last write plus the interval (the previous design: a heap operation per
 * deferred flush and a loop wake-up per distinct deadline), and Nagle's algorithm (bounded by acknowledgements, which
 * on loopback come at once, and with delayed ACKs can hold a line 40 ms).
 *
 * <p>Not thread-safe, except {@link #isOpen}, which any thread may call: confined to its event loop's thread.
 */
final class WriteRounds {

    /** The stamp of a connection that has not written yet: never the open round. */
    static final long NEVER = -1;

    private final Timers timers;
    private final long intervalNanos;
    private ArrayList<Runnable> waiting = new ArrayList<>();
    private ArrayList<Runnable> ending = new ArrayList<>();
    /** The open round, or the next one if none is open; only the loop increments it, at a round's end. */
    private volatile long round;

    private boolean open;

    /** Rounds of {@code intervalNanos} on {@code timers}; 0 turns coalescing off (every flush writes at once). */
    WriteRounds(Timers timers, long intervalNanos) {
        if (intervalNanos < 0) {
            throw new IllegalArgumentException("intervalNanos (" + intervalNanos + ") must not be negative");
        }
        this.timers = timers;
        this.intervalNanos = intervalNanos;
    }

    /**
     * Whether {@code stamp}, the round of a connection's last write, is the open round, so that its next lines wait for
     * the round's end. Any thread.
     */
    boolean isOpen(long stamp) {
        return stamp == round;
    }

    /** A connection wrote at {@code nowNanos}: opens a round if none is open; returns the connection's new stamp. */
    long wrote(long nowNanos) {
        if (intervalNanos == 0) {
            return NEVER;
        }
        if (!open) {
            open = true;
            timers.schedule(nowNanos + intervalNanos, this::end);
        }
        return round;
    }

    /** A connection wrote in the open round and has more: {@code flush} runs when the round ends. */
    void defer(Runnable flush) {
        waiting.add(flush);
    }

    private void end() {
        open = false;
        round++; // first: see the class comment
        ArrayList<Runnable> due = waiting;
        waiting = ending;
        ending = due;
        for (Runnable flush : due) {
            flush.run();
        }
        due.clear();
    }
}
