package dev.keel.ratelimit;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;
import java.time.Duration;

/**
 * A limiter that warms up, with Guava's {@code SmoothWarmingUp} behaviour: after an idle spell it starts slowly (one
 * permit per three intervals) and speeds up to the full rate over the warm-up period, so that a cold cache or
 * connection pool behind it is not hit with a full burst at once.
 *
 * <p>How it is designed, and why: as in Guava, idle time stores permits, up to {@code warmUp / interval} of them; a
 * stored permit costs the stable interval below half of that maximum and, above it, a cost rising linearly to three
 * intervals at the maximum (Guava's cold factor of 3). Taking permits from a full store thus costs the area of that
 * trapezoid, and the store refills at the stable rate while idle. Keel keeps the store in nanoseconds of refill
 * rather than Guava's {@code double} permits, so the area is exact integer arithmetic: above the threshold
 * {@code H = warmUp / 2}, taking {@code x} nanoseconds' worth from level {@code s} costs
 * {@code x + ((s-H)^2 - (s-x-H)^2) / H}.
 *
 * <p>Also as in Guava, a request pays for its permits by delaying the <em>next</em> one (so a cold limiter admits its
 * first request at once, then spaces the following ones). Keel adds a burst, as for GCRA: a request is admitted if
 * the schedule is at most {@code burst - permits} intervals behind; once warm it behaves exactly like {@link Gcra}.
 * The state is an immutable record swapped by compare-and-set.
 *
 * <p>Idle, and so forgettable by a keyed limiter, once the schedule is free and the store has refilled to the full
 * warm-up.
 *
 * <p>Thread-safe and lock-free.
 */
public final class WarmingUpBucket extends ObjectStateLimiter<WarmingUpBucket.Store> {

    /** {@code stored}: nanoseconds of refill held; {@code nextFree}: when the schedule is free again. */
    record Store(long stored, long nextFree) {}

    private final long warmUpNanos;

    WarmingUpBucket(Limit limit, Duration warmUp, Ticker ticker, Sleeper sleeper) {
        long nanos = warmUpNanos(warmUp);
        super(new Rule(nanos), limit, ticker, sleeper);
        this.warmUpNanos = nanos;
    }

    /** {@code warmUp} in nanoseconds, saturated; rejects a warm-up that is not positive. */
    static long warmUpNanos(Duration warmUp) {
        if (warmUp.isNegative() || warmUp.isZero()) {
            throw new IllegalArgumentException("warmUp (" + warmUp + ") must be positive");
        }
        return Sleeper.saturatedNanos(warmUp);
    }

    /** The warm-up period. */
    public Duration warmUp() {
        return Duration.ofNanos(warmUpNanos);
    }

    /** The rule for one warm-up period, shared by the single limiter and the keyed one. */
    static final class Rule implements ObjectStateRule<Store> {
        private final long warmUpNanos;

        Rule(long warmUpNanos) {
            this.warmUpNanos = warmUpNanos;
        }

        @Override
        public Store fresh(long now, Rate rate) {
            return new Store(warmUpNanos, now);
        }

        @Override
        public Store admit(Store before, long now, long permits, Rate rate) {
            long cost = rate.nanosFor(permits);
            long idle = now - before.nextFree();
            long backlog = Math.max(0, -idle);
            if (backlog > rate.burstNanos - cost) {
                return before;
            }
            long stored =
                    idle > 0 ? Math.min(warmUpNanos, ExactMath.saturatedAdd(before.stored(), idle)) : before.stored();
            long fromStore = Math.min(stored, cost);
            long price = ExactMath.saturatedAdd(cost, coldExtra(stored, fromStore));
            return new Store(stored - fromStore, now + ExactMath.saturatedAdd(backlog, price));
        }

        @Override
        public Decision decide(Store before, Store after, long now, long permits, Rate rate) {
            if (after != before) {
                long wait = after.nextFree() - now;
                return Decision.allowed(rate.permitsIn(rate.burstNanos - wait), wait);
            }
            long backlog = Math.max(0, before.nextFree() - now);
            long cost = rate.nanosFor(permits);
            return Decision.rejected(
                    rate.permitsIn(rate.burstNanos - backlog), backlog - (rate.burstNanos - cost), backlog);
        }

        @Override
        public boolean isIdle(Store store, long now, Rate rate) {
            long idle = now - store.nextFree();
            return idle >= 0 && idle >= warmUpNanos - store.stored();
        }

        @Override
        public Store refund(Store store, long now, long permits, Rate rate) {
            long cost = rate.nanosFor(Math.min(permits, rate.burst));
            long nextFree = store.nextFree() - now > cost ? store.nextFree() - cost : now;
            return new Store(store.stored(), nextFree);
        }

        /** The cost above the stable rate of taking {@code take} from a store at {@code level}: the trapezoid's top. */
        private long coldExtra(long level, long take) {
            long threshold = warmUpNanos / 2;
            if (threshold == 0) {
                return 0;
            }
            long above = Math.max(0, level - threshold);
            long aboveAfter = Math.max(0, level - take - threshold);
            return ExactMath.mulDivCeil(above - aboveAfter, above + aboveAfter, threshold);
        }
    }
}
