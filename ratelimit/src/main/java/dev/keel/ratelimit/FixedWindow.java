package dev.keel.ratelimit;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;

/**
 * The fixed window counter: time is cut into windows of {@code burst / rate} (one second for {@code 10/s}), each
 * admitting {@code burst} permits, the count starting again in each window.
 *
 * <p>How it is designed, and why: the cheapest limiter to explain and to store (a window start and a count), at the
 * price of the boundary effect: a client can take a full window at the end of one window and another at the start of
 * the next, so any span of one window's length can see up to twice the burst, and over a span {@code L} it admits at
 * most {@code burst x (ceil(L / window) + 1)}. A window starts at the first request after the previous window ended
 * (as Redis's {@code INCR} + {@code EXPIRE} idiom does), not on a grid: so many keys do not all reset in the same
 * instant, and a limiter whose window is over (or empty) is exactly a new one, which is what lets a keyed limiter
 * forget it without changing a decision. The state is an immutable record swapped by compare-and-set: lock-free, one
 * small allocation per admitted request.
 *
 * <p>Thread-safe and lock-free.
 */
public final class FixedWindow extends ObjectStateLimiter<FixedWindow.Window> {

    /** The rule, shared by the single limiter and the keyed one. */
    static final ObjectStateRule<Window> RULE = new Rule();

    /** The window that started at {@code start} and has admitted {@code count} permits. */
    record Window(long start, long count) {}

    FixedWindow(Limit limit, Ticker ticker, Sleeper sleeper) {
        super(RULE, limit, ticker, sleeper);
    }

    private static final class Rule implements ObjectStateRule<Window> {
        @Override
        public Window fresh(long now, Rate rate) {
            return new Window(now, 0);
        }

        @Override
        public Window admit(Window before, long now, long permits, Rate rate) {
            Window window = current(before, now, rate.burstNanos);
            return window.count() > rate.burst - permits
                    ? before
                    : new Window(window.start(), window.count() + permits);
        }

        @Override
        public Decision decide(Window before, Window after, long now, long permits, Rate rate) {
            if (after != before) {
                return Decision.allowed(rate.burst - after.count(), after.start() + rate.burstNanos - now);
            }
            Window window = current(before, now, rate.burstNanos);
            long untilNext = window.start() + rate.burstNanos - now;
            return Decision.rejected(Math.max(0, rate.burst - window.count()), untilNext, untilNext);
        }

        @Override
        public boolean isIdle(Window window, long now, Rate rate) {
            return window.count() == 0 || now - window.start() >= rate.burstNanos;
        }

        @Override
        public Window refund(Window window, long now, long permits, Rate rate) {
            return new Window(window.start(), Math.max(0, window.count() - permits));
        }

        /** The window holding {@code now}: {@code window} itself, or a new empty one starting now. */
        private static Window current(Window window, long now, long length) {
            return isOver(window, now, length) ? new Window(now, 0) : window;
        }

        private static boolean isOver(Window window, long now, long length) {
            return window.count() == 0 || now - window.start() >= length;
        }
    }
}
