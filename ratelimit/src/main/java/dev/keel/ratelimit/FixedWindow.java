package dev.keel.ratelimit;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fixed window counter: time is cut into windows of {@code burst / rate} (one second for {@code 10/s}), each
 * admitting {@code burst} permits, the count starting again at each window's start.
 *
 * <p>How it is designed, and why: the cheapest limiter to explain and to store (a window start and a count), at the
 * price of the boundary effect: a client can take a full window at the end of one window and another at the start of
 * the next, so any span of one window's length can see up to twice the burst, and over a span {@code L} it admits at
 * most {@code burst x (ceil(L / window) + 1)}. Windows are aligned to the limiter's creation, not to the wall clock,
 * so that many keys do not all reset in the same instant. The state is an immutable record swapped by
 * compare-and-set: lock-free, one small allocation per admitted request.
 *
 * <p>Thread-safe and lock-free.
 */
public final class FixedWindow extends ConfigurableRateLimiter {

    private record Window(long start, long count) {}

    private final AtomicReference<Window> state;

    FixedWindow(Limit limit, Ticker ticker, Sleeper sleeper) {
        super(limit, ticker, sleeper);
        this.state = new AtomicReference<>(new Window(ticker.read(), 0));
    }

    @Override
    Decision decide(Rate rate, long permits) {
        long length = rate.burstNanos;
        while (true) {
            long now = ticker.read();
            Window before = state.get();
            Window window = current(before, now, length);
            long untilNext = window.start() + length - now;
            if (window.count() > rate.burst - permits) {
                return Decision.rejected(Math.max(0, rate.burst - window.count()), untilNext, untilNext);
            }
            Window after = new Window(window.start(), window.count() + permits);
            if (state.compareAndSet(before, after)) {
                return Decision.allowed(rate.burst - after.count(), untilNext);
            }
        }
    }

    @Override
    void refund(long permits) {
        state.updateAndGet(window -> new Window(window.start(), Math.max(0, window.count() - permits)));
    }

    /** The window holding {@code now}: {@code window} itself, or a fresh one a whole number of lengths later. */
    private static Window current(Window window, long now, long length) {
        long elapsed = now - window.start();
        if (elapsed < length) {
            return window;
        }
        return new Window(window.start() + (elapsed / length) * length, 0);
    }
}
