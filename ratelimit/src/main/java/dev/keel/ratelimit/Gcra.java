package dev.keel.ratelimit;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;

/**
 * The generic cell rate algorithm (GCRA, ATM Forum's "virtual scheduling"; redis-cell, Stripe): one
 * theoretical-arrival-time (TAT) per limiter.
 *
 * <p>How GCRA is designed, and why: permits arrive on a schedule, one every {@code period / permits}. The TAT is when
 * the schedule says the limiter will next be fully rested. A request for {@code n} permits at {@code now} would push
 * it to {@code max(TAT, now) + cost(n)}; it is admitted if that is no more than one burst ahead of {@code now}
 * ({@code burst x period / permits}). Admitted: TAT moves; rejected: nothing changes, and the retry-after is exactly
 * how far the new TAT would overshoot. One {@code long} of state, no background refill, no timer.
 *
 * <p>GCRA and the greedy token bucket are the same function of the arrival schedule ({@code TAT = emptyAt +
 * burst x interval}); {@link TokenBucket} is kept as its own class because it speaks in tokens, and the property tests
 * check that the two agree on every schedule.
 *
 * <p>Thread-safe and lock-free: one compare-and-set per admitted decision; {@link #allow} allocates nothing.
 */
public final class Gcra extends LongStateLimiter {

    Gcra(Limit limit, Ticker ticker, Sleeper sleeper) {
        super(LongStateRule.GCRA, limit, ticker, sleeper);
    }
}
