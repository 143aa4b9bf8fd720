package dev.keel.ratelimit;

import java.time.Duration;
import java.util.List;

/**
 * Admits or rejects requests for permits so that they stay within one or more {@link Limit}s.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiter.builder(Algorithm.GCRA)
 *         .limit(Limit.perSecond(10).withBurst(5))
 *         .build();
 * Decision decision = limiter.tryAcquire();          // never blocks
 * if (!decision.allowed()) respond429(decision.retryAfter());
 * limiter.acquire(1, Duration.ofMillis(200));        // waits up to 200 ms, through the injected Sleeper
 * }</pre>
 *
 * <p>{@link #tryAcquire(long)} returns a {@link Decision}; {@link #allow(long)} is the same decision as a boolean,
 * which GCRA and the token bucket answer without allocating. A request for more permits than the burst is a caller's
 * mistake ({@link IllegalArgumentException}), not a rejection: it could never be admitted.
 *
 * <p>Thread safety: every implementation is thread-safe. GCRA and the token bucket are lock-free (one
 * compare-and-set of one {@code long}); the other algorithms are lock-free over an immutable state object, except
 * the sliding-window log, which holds a lock for the few nanoseconds of a decision. No implementation holds a lock
 * while {@link #acquire} waits.
 */
public sealed interface RateLimiter permits ConfigurableRateLimiter, CompositeRateLimiter {

    /** A validating builder of one of the {@link Algorithm}s. */
    static RateLimiterBuilder builder(Algorithm algorithm) {
        return new RateLimiterBuilder(algorithm);
    }

    /** A limiter that admits a request only if every one of {@code limiters} does (100/min and 1000/h). */
    static CompositeRateLimiter allOf(ConfigurableRateLimiter... limiters) {
        return new CompositeRateLimiter(List.of(limiters));
    }

    /** Asks for one permit without waiting. */
    default Decision tryAcquire() {
        return tryAcquire(1);
    }

    /**
     * Asks for {@code permits} without waiting; takes them all or none.
     *
     * @throws IllegalArgumentException if {@code permits} is not positive or exceeds a burst
     */
    Decision tryAcquire(long permits);

    /** {@link #tryAcquire()} as a boolean. */
    default boolean allow() {
        return allow(1);
    }

    /** {@link #tryAcquire(long)} as a boolean; allocation-free for GCRA and the token bucket. */
    boolean allow(long permits);

    /**
     * Takes {@code permits}, waiting up to {@code timeout} for them through the limiter's {@link dev.keel.time.Sleeper}.
     * Returns {@code false} at once, without waiting, if the limiter can tell that the permits will not be available
     * within the timeout. Holds no lock while waiting.
     *
     * @throws InterruptedException if interrupted while waiting (no permits are taken)
     * @throws IllegalArgumentException if {@code permits} is not positive or exceeds a burst, or the timeout is negative
     */
    boolean acquire(long permits, Duration timeout) throws InterruptedException;

    /** The limits in force, one for a single algorithm. */
    List<Limit> limits();
}
