package dev.keel.ratelimit;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;
import java.time.Duration;
import java.util.List;

/**
 * A rate limiter running one algorithm under one {@link Limit} that can be changed at run time by
 * {@link #reconfigure(Limit)}, keeping its state.
 *
 * <p>How reconfiguration keeps state, and why it is safe without a lock: every algorithm stores its state in units
 * that mean the same under any limit (absolute ticker instants and permit counts, never "tokens at the old rate"), and
 * the limit lives in one volatile field read once per decision. A decision therefore runs wholly under the old limit
 * or wholly under the new one; one that read the old limit and commits its compare-and-set after the change is
 * ordered just before the change. After {@code reconfigure}, a token bucket that was empty is still empty and refills
 * at the new rate; one that held 3 permits holds 3, capped at the new burst.
 *
 * <p>Thread-safe; see each algorithm for its scheme.
 */
public abstract sealed class ConfigurableRateLimiter implements RateLimiter
        permits LongStateLimiter, ObjectStateLimiter, SlidingWindowLog {

    final Ticker ticker;
    final Sleeper sleeper;
    volatile Rate rate;

    ConfigurableRateLimiter(Limit limit, Ticker ticker, Sleeper sleeper) {
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.rate = new Rate(limit);
    }

    /** The limit in force. */
    public final Limit limit() {
        return rate.limit;
    }

    @Override
    public final List<Limit> limits() {
        return List.of(rate.limit);
    }

    /** Replaces the limit; the state (permits used, windows, timestamps) carries over. */
    public void reconfigure(Limit limit) {
        rate = new Rate(limit);
    }

    @Override
    public final Decision tryAcquire(long permits) {
        Rate current = rate;
        current.check(permits);
        return decide(current, permits);
    }

    @Override
    public boolean allow(long permits) {
        return tryAcquire(permits).allowed();
    }

    @Override
    public final boolean acquire(long permits, Duration timeout) throws InterruptedException {
        return Waiting.acquire(this, ticker, sleeper, permits, timeout);
    }

    /** Decides {@code permits} (already checked against {@code rate}) at the ticker's current reading. */
    abstract Decision decide(Rate rate, long permits);

    /** Gives back {@code permits} taken by a decision that a composite then abandoned. */
    abstract void refund(long permits);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + rate.limit + "]";
    }
}
