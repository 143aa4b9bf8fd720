package dev.keel.time;

import java.time.Duration;

/**
 * How blocking code waits for a span of time, so that tests can replace waiting with advancing a fake clock.
 *
 * <p>A rate limiter that must wait 250 ms for a permit calls {@code sleeper.sleepNanos(250_000_000)} instead of
 * {@link Thread#sleep}. In production that is a real sleep; in a test it is keel-testing's {@code ManualTicker},
 * which advances its own reading by that amount and records the wait in a transcript, so the test asserts
 * "waited 250 ms, then 250 ms" without spending any.
 *
 * <p>This is for waiting a known duration. Code that waits for a <em>condition</em> (a queue to fill, a
 * commit to be acknowledged) uses {@link java.util.concurrent.locks.Condition} or a latch, never a sleep loop.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for {@code nanos} nanoseconds; returns at once if {@code nanos <= 0}.
     *
     * @throws InterruptedException if the thread is interrupted while waiting; the interrupt status is cleared, as
     *     with {@link Thread#sleep}, and the caller must restore it or propagate the exception
     */
    void sleepNanos(long nanos) throws InterruptedException;

    /** Waits for {@code duration}; see {@link #sleepNanos(long)}. Durations too long for a {@code long} saturate. */
    default void sleep(Duration duration) throws InterruptedException {
        sleepNanos(saturatedNanos(duration));
    }

    /** The sleeper backed by {@link Thread#sleep(long, int)}. Thread-safe. */
    static Sleeper system() {
        return SystemSleeper.INSTANCE;
    }

    /** {@code duration} in nanoseconds, clamped to {@code [Long.MIN_VALUE, Long.MAX_VALUE]} instead of overflowing. */
    static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException overflow) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
