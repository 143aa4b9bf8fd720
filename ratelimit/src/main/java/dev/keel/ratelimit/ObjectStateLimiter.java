package dev.keel.ratelimit;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A single-key limiter whose state is an immutable value swapped by compare-and-set: {@link LeakyBucket},
 * {@link FixedWindow}, {@link SlidingWindowCounter}, {@link WarmingUpBucket}, each a {@link ObjectStateRule}.
 *
 * <p>How the loop is correct: a decision reads the state, then the ticker (in that order, so that the reading is never
 * older than the state), computes the next state with the rule and publishes it by compare-and-set on the reference;
 * if another thread published first, it recomputes from the new state and a fresh reading. Each admission is
 * linearised at its compare-and-set; a rejection publishes nothing. ABA is harmless: every admission publishes a new
 * instance, and a state that recurs by value means the same thing. One small allocation per admission.
 *
 * <p>Thread-safe and lock-free.
 *
 * @param <S> the state type
 */
abstract sealed class ObjectStateLimiter<S> extends ConfigurableRateLimiter
        permits LeakyBucket, FixedWindow, SlidingWindowCounter, WarmingUpBucket {

    private final ObjectStateRule<S> rule;
    private final AtomicReference<S> state;

    ObjectStateLimiter(ObjectStateRule<S> rule, Limit limit, Ticker ticker, Sleeper sleeper) {
        super(limit, ticker, sleeper);
        this.rule = rule;
        this.state = new AtomicReference<>(rule.fresh(ticker.read(), rate));
    }

    @Override
    final Decision decide(Rate current, long permits) {
        while (true) {
            S before = state.get();
            long now = SystemClock.read(ticker);
            S after = rule.admit(before, now, permits, current);
            if (after == before || state.compareAndSet(before, after)) {
                return rule.decide(before, after, now, permits, current);
            }
        }
    }

    /** The same loop as {@link #decide} without building the {@link Decision}: one allocation fewer per call. */
    @Override
    public final boolean allow(long permits) {
        Rate current = rate;
        current.check(permits);
        while (true) {
            S before = state.get();
            S after = rule.admit(before, SystemClock.read(ticker), permits, current);
            if (after == before) {
                return false;
            }
            if (state.compareAndSet(before, after)) {
                return true;
            }
        }
    }

    @Override
    final void refund(long permits) {
        Rate current = rate;
        while (true) {
            S before = state.get();
            if (state.compareAndSet(before, rule.refund(before, ticker.read(), permits, current))) {
                return;
            }
        }
    }
}
