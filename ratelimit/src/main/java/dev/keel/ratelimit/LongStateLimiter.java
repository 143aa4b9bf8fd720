package dev.keel.ratelimit;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A single-key limiter whose state is one {@code long} updated by compare-and-set: {@link Gcra} and
 * {@link TokenBucket}.
 *
 * <p>How the CAS loop is correct: a decision reads the limit (volatile), the ticker and the state, computes the next
 * state as a pure function of those ({@link LongStateRule#admit}), and publishes it with one compare-and-set on the
 * state. If another thread changed the state in between, the CAS fails and the decision is recomputed from the new
 * state and a fresh reading; no update is ever lost, and each admitted decision is linearised at its successful CAS.
 * A rejection changes nothing and needs no CAS. There is no ABA hazard: the state only moves forward in time for
 * admissions (TAT grows, the empty instant grows), and a state value that recurs means the same thing both times.
 * Nothing is allocated: the loop touches one volatile long and the immutable {@link Rate}.
 */
abstract sealed class LongStateLimiter extends ConfigurableRateLimiter permits Gcra, TokenBucket {

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(LongStateLimiter.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final LongStateRule rule;

    @SuppressWarnings("FieldMayBeFinal") // written through STATE
    private volatile long state;

    LongStateLimiter(LongStateRule rule, Limit limit, Ticker ticker, Sleeper sleeper) {
        super(limit, ticker, sleeper);
        this.rule = rule;
        this.state = rule.fresh(ticker.read(), rate);
    }

    @Override
    final Decision decide(Rate current, long permits) {
        while (true) {
            long now = SystemClock.read(ticker);
            long before = state;
            long after = rule.admit(before, now, permits, current);
            if (after == before || STATE.compareAndSet(this, before, after)) {
                return rule.decide(before, after, now, permits, current);
            }
        }
    }

    @Override
    public final boolean allow(long permits) {
        Rate current = rate;
        current.check(permits);
        while (true) {
            long now = SystemClock.read(ticker);
            long before = state;
            long after = rule.admit(before, now, permits, current);
            if (after == before) {
                return false;
            }
            if (STATE.compareAndSet(this, before, after)) {
                return true;
            }
        }
    }

    @Override
    final void refund(long permits) {
        Rate current = rate;
        while (true) {
            long before = state;
            if (STATE.compareAndSet(this, before, rule.refund(before, ticker.read(), permits, current))) {
                return;
            }
        }
    }
}
