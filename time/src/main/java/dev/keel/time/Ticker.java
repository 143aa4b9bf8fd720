package dev.keel.time;

/**
 * A monotonic source of nanoseconds, for measuring elapsed time.
 *
 * <p>The value has no meaning on its own (it is not a timestamp and may be negative); only the difference of two
 * readings from the same ticker does. Like {@link System#nanoTime()}, differences are correct across the wrap of
 * a {@code long} as long as they are computed by subtraction ({@code t1 - t0}) and never compared directly
 * ({@code t1 > t0} is wrong near the wrap).
 *
 * <p>Implementations are thread-safe and never go backwards.
 */
@FunctionalInterface
public interface Ticker {

    /** Returns the current reading, in nanoseconds. */
    long read();

    /** The ticker backed by {@link System#nanoTime()}. Thread-safe and allocation-free. */
    static Ticker system() {
        return SystemTicker.INSTANCE;
    }
}
