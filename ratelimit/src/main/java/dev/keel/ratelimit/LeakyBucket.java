package dev.keel.ratelimit;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The leaky bucket as a meter (ATM's "continuous-state leaky bucket"): each admitted request pours its cost into a
 * bucket that drains at the limit's rate; a request that would overflow it is rejected.
 *
 * <p>How it is designed, and why: the level is kept in nanoseconds of drain ({@code n} permits pour in their refill
 * time) and drains one nanosecond per nanosecond, so the arithmetic is exact integers. The state is two numbers (the
 * level and when it was measured) in an immutable record swapped by compare-and-set: lock-free, one small allocation
 * per admitted request, none per rejection. As a meter it is equivalent to GCRA (the level is {@code TAT - now});
 * the leaky bucket as a <em>queue</em>, which delays requests to a constant outflow, is what {@link #acquire} gives
 * with a burst of one.
 *
 * <p>Thread-safe and lock-free.
 */
public final class LeakyBucket extends ConfigurableRateLimiter {

    /** The water level in nanoseconds of drain, measured at ticker reading {@code at}. */
    private record Level(long water, long at) {}

    private final AtomicReference<Level> state;

    LeakyBucket(Limit limit, Ticker ticker, Sleeper sleeper) {
        super(limit, ticker, sleeper);
        this.state = new AtomicReference<>(new Level(0, ticker.read()));
    }

    @Override
    Decision decide(Rate rate, long permits) {
        long cost = rate.nanosFor(permits);
        while (true) {
            long now = ticker.read();
            Level before = state.get();
            long water = drained(before, now);
            if (water > rate.burstNanos - cost) {
                return Decision.rejected(
                        rate.permitsIn(rate.burstNanos - water), water - (rate.burstNanos - cost), water);
            }
            long level = water + cost;
            if (state.compareAndSet(before, new Level(level, now))) {
                return Decision.allowed(rate.permitsIn(rate.burstNanos - level), level);
            }
        }
    }

    @Override
    void refund(long permits) {
        long cost = rate.nanosFor(Math.min(permits, rate.burst));
        state.updateAndGet(level -> {
            long now = ticker.read();
            return new Level(Math.max(0, drained(level, now) - cost), now);
        });
    }

    private static long drained(Level level, long now) {
        return Math.max(0, level.water() - Math.max(0, now - level.at()));
    }
}
