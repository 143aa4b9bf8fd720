package dev.keel.ratelimit;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;

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
 * <p>Idle, and so forgettable by a keyed limiter, once the bucket has drained empty.
 *
 * <p>Thread-safe and lock-free.
 */
public final class LeakyBucket extends ObjectStateLimiter<LeakyBucket.Level> {

    /** The rule, shared by the single limiter and the keyed one. */
    static final ObjectStateRule<Level> RULE = new Rule();

    /** The water level in nanoseconds of drain, measured at ticker reading {@code at}. */
    record Level(long water, long at) {}

    LeakyBucket(Limit limit, Ticker ticker, Sleeper sleeper) {
        super(RULE, limit, ticker, sleeper);
    }

    private static final class Rule implements ObjectStateRule<Level> {
        @Override
        public Level fresh(long now, Rate rate) {
            return new Level(0, now);
        }

        @Override
        public Level admit(Level level, long now, long permits, Rate rate) {
            long water = drained(level, now);
            long cost = rate.nanosFor(permits);
            return water > rate.burstNanos - cost ? level : new Level(water + cost, now);
        }

        @Override
        public Decision decide(Level before, Level after, long now, long permits, Rate rate) {
            if (after != before) {
                return Decision.allowed(rate.permitsIn(rate.burstNanos - after.water()), after.water());
            }
            long water = drained(before, now);
            long cost = rate.nanosFor(permits);
            return Decision.rejected(rate.permitsIn(rate.burstNanos - water), water - (rate.burstNanos - cost), water);
        }

        @Override
        public boolean isIdle(Level level, long now, Rate rate) {
            return drained(level, now) == 0;
        }

        @Override
        public Level refund(Level level, long now, long permits, Rate rate) {
            long cost = rate.nanosFor(Math.min(permits, rate.burst));
            return new Level(Math.max(0, drained(level, now) - cost), now);
        }

        private static long drained(Level level, long now) {
            return Math.max(0, level.water() - Math.max(0, now - level.at()));
        }
    }
}
