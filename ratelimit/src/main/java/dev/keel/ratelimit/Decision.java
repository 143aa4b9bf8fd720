package dev.keel.ratelimit;

import java.time.Duration;

/**
 * The outcome of asking for permits: admitted or not, and what the caller needs to tell its own client.
 *
 * <p>A rejection is a value, not an exception: it is the expected outcome of rate limiting. The nanosecond fields are
 * what the hot path produces without allocating; {@link #retryAfter()} and {@link #resetAfter()} are the same as
 * {@link Duration}s.
 *
 * <p>Immutable and thread-safe.
 *
 * @param allowed whether the permits were granted (and taken)
 * @param remaining how many single permits could be taken right after this decision, at the same instant
 * @param retryAfterNanos if rejected, how long until the same request would be admitted, if nothing else takes
 *     permits meanwhile; zero when allowed
 * @param resetAfterNanos how long until the limiter is back to its full burst, if nothing else takes permits
 */
public record Decision(boolean allowed, long remaining, long retryAfterNanos, long resetAfterNanos) {

    /** Validates the invariants every algorithm keeps. */
    public Decision {
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining (" + remaining + ") must not be negative");
        }
        if (retryAfterNanos < 0 || (allowed && retryAfterNanos != 0) || (!allowed && retryAfterNanos == 0)) {
            throw new IllegalArgumentException("retryAfterNanos (" + retryAfterNanos + ") must be 0 when allowed ("
                    + allowed + ") and positive when rejected");
        }
        if (resetAfterNanos < 0) {
            throw new IllegalArgumentException("resetAfterNanos (" + resetAfterNanos + ") must not be negative");
        }
    }

    static Decision allowed(long remaining, long resetAfterNanos) {
        return new Decision(true, remaining, 0, resetAfterNanos);
    }

    static Decision rejected(long remaining, long retryAfterNanos, long resetAfterNanos) {
        return new Decision(false, remaining, retryAfterNanos, resetAfterNanos);
    }

    /** How long until the same request would be admitted; {@link Duration#ZERO} when allowed. */
    public Duration retryAfter() {
        return Duration.ofNanos(retryAfterNanos);
    }

    /** How long until the limiter is back to its full burst. */
    public Duration resetAfter() {
        return Duration.ofNanos(resetAfterNanos);
    }
}
