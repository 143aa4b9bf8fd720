package dev.keel.ratelimit;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

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
 * <p>Thread-safe and lock-free.
 */
public final class WarmingUpBucket extends ConfigurableRateLimiter {

    /** {@code stored}: nanoseconds of refill held; {@code nextFree}: when the schedule is free again. */
    private record Store(long stored, long nextFree) {}

    private final long warmUpNanos;
    private final AtomicReference<Store> state;

    WarmingUpBucket(Limit limit, Duration warmUp, Ticker ticker, Sleeper sleeper) {
        super(limit, ticker, sleeper);
        if (warmUp.isNegative() || warmUp.isZero()) {
            throw new IllegalArgumentException("warmUp (" + warmUp + ") must be positive");
        }
        this.warmUpNanos = Sleeper.saturatedNanos(warmUp);
        this.state = new AtomicReference<>(new Store(warmUpNanos, ticker.read()));
    }

    /** The warm-up period. */
    public Duration warmUp() {
        return Duration.ofNanos(warmUpNanos);
    }

    @Override
    Decision decide(Rate rate, long permits) {
        long cost = rate.nanosFor(permits);
        while (true) {
            long now = ticker.read();
            Store before = state.get();
            long idle = now - before.nextFree();
            long stored = idle > 0 ? Math.min(warmUpNanos, before.stored() + idle) : before.stored();
            long backlog = Math.max(0, -idle);
            if (backlog > rate.burstNanos - cost) {
                return Decision.rejected(
                        rate.permitsIn(rate.burstNanos - backlog), backlog - (rate.burstNanos - cost), backlog);
            }
            long fromStore = Math.min(stored, cost);
            long price = ExactMath.saturatedAdd(cost, coldExtra(stored, fromStore));
            long wait = ExactMath.saturatedAdd(backlog, price);
            Store after = new Store(stored - fromStore, now + wait);
            if (state.compareAndSet(before, after)) {
                return Decision.allowed(rate.permitsIn(rate.burstNanos - wait), wait);
            }
        }
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

    @Override
    void refund(long permits) {
        long cost = rate.nanosFor(Math.min(permits, rate.burst));
        state.updateAndGet(store -> {
            long now = ticker.read();
            long nextFree = store.nextFree() - now > cost ? store.nextFree() - cost : now;
            return new Store(store.stored(), nextFree);
        });
    }
}
