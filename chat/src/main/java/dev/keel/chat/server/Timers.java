package dev.keel.chat.server;

import java.util.PriorityQueue;

/**
 * An event loop's timers: actions due at a reading of the server's {@code Ticker}, run by the loop between selects.
 *
 * <p>How it is designed, and why: flood-control delays, the keepalive sweep, write coalescing and the grace before a
 * stuck socket is closed are all "run this on the loop at time T". A binary heap ordered by deadline gives O(log n)
 * scheduling and the next deadline in O(1), which the loop turns into its {@code select} timeout. Time is the injected
 * ticker's, never the wall clock: with a {@code ManualTicker} nothing fires until a test advances it and asks the loop
 * to run what is due ({@code IrcServer.sweep()}), so timing is deterministic in tests. Deadlines are compared by
 * difference, so a ticker that wraps past {@code Long.MAX_VALUE} is fine. Cancelling marks a timer and leaves it in the
 * heap until it comes due (timers are few per connection and short-lived). Rejected: a hashed wheel (Netty's
 * {@code HashedWheelTimer}), which pays a tick per slot even when idle, for a few thousand timers at most.
 *
 * <p>Not thread-safe: confined to its event loop's thread.
 */
final class Timers {

    /** A scheduled action; {@link #cancel()} stops it from running. */
    static final class Timer {
        private final long deadline;
        private final long sequence;
        private final Runnable action;
        private boolean cancelled;

        private Timer(long deadline, long sequence, Runnable action) {
            this.deadline = deadline;
            this.sequence = sequence;
            this.action = action;
        }

        void cancel() {
            cancelled = true;
        }
    }

    private final PriorityQueue<Timer> due = new PriorityQueue<>((a, b) -> {
        long order = a.deadline - b.deadline;
        return order != 0 ? Long.signum(order) : Long.compare(a.sequence, b.sequence);
    });
    private long sequence;

    /** Runs {@code action} once the ticker reads {@code deadlineNanos} or later. */
    Timer schedule(long deadlineNanos, Runnable action) {
        Timer timer = new Timer(deadlineNanos, sequence++, action);
        due.add(timer);
        return timer;
    }

    /**
     * Runs the timers due at {@code nowNanos}, earliest first: at most as many as were scheduled when it began, so a
     * timer that keeps rescheduling itself for now cannot hold the loop.
     */
    void runDue(long nowNanos) {
        int budget = due.size();
        while (budget-- > 0) {
            Timer next = due.peek();
            if (next == null || next.deadline - nowNanos > 0) {
                return;
            }
            due.poll();
            if (!next.cancelled) {
                next.action.run();
            }
        }
    }

    /** Nanoseconds from {@code nowNanos} to the earliest deadline (0 if one is due), or -1 if none is scheduled. */
    long nanosUntilNext(long nowNanos) {
        Timer next = due.peek();
        if (next == null) {
            return -1;
        }
        return Math.max(0, next.deadline - nowNanos);
    }

    int size() {
        return due.size();
    }
}
