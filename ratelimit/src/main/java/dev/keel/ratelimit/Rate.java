package dev.keel.ratelimit;

/**
 * A {@link Limit} turned into the integers the algorithms compute with, once per (re)configuration, so that the hot
 * path does one multiplication where it can.
 *
 * <p>How time is counted, and why: every algorithm measures permits in nanoseconds of refill, one permit every
 * {@link #interval} nanoseconds, {@code ceil(period / permits)}: exact for every rate whose interval is a whole number
 * of nanoseconds (10/s, 100/min, 1000/h, 1/d, 10^9/s, and any N/s with N dividing 10^9), and otherwise rounded up, so
 * that a limiter never admits more than its limit and a burst of {@code b} single permits always fits in
 * {@code burstNanos = b x interval}. The rate then errs low by less than one nanosecond per interval: under 0.1% for any
 * rate below 10^6 per second, more only for fractional intervals of a few nanoseconds (3 x 10^8/s runs at 2.5 x 10^8/s).
 * Rounding per permit rather than per request keeps the envelope exact: over any span {@code L},
 * {@code admitted x interval <= burstNanos + L}. {@link Limit} guarantees that {@code burst x period} fits in a long,
 * and so does {@code burst x interval}.
 *
 * <p>Immutable and thread-safe.
 */
final class Rate {

    final Limit limit;
    final long permits;
    final long periodNanos;
    final long burst;
    /** Nanoseconds per permit, rounded up. */
    final long interval;

    final long burstNanos;

    Rate(Limit limit) {
        this.limit = limit;
        this.permits = limit.permits();
        this.periodNanos = limit.periodNanos();
        this.burst = limit.burst();
        this.interval = Math.ceilDiv(periodNanos, permits);
        this.burstNanos = nanosFor(burst);
    }

    /** The refill time of {@code n} permits, {@code 0 <= n <= burst}. */
    long nanosFor(long n) {
        return n * interval;
    }

    /** Whole permits refilled in {@code nanos}; 0 for {@code nanos <= 0}. */
    long permitsIn(long nanos) {
        return nanos <= 0 ? 0 : nanos / interval;
    }

    /** Rejects a request that is a caller's mistake: not positive, or more than the burst (never admissible). */
    void check(long requested) {
        if (requested <= 0) {
            throw new IllegalArgumentException("permits (" + requested + ") must be positive");
        }
        if (requested > burst) {
            throw new IllegalArgumentException("permits (" + requested + ") must be at most the burst (" + burst
                    + ") of " + limit + ": a larger request could never be admitted");
        }
    }
}
