package dev.keel.cli;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;

/**
 * The simulation's clock: a {@link Ticker} that moves only when told, and a {@link Sleeper} that moves it instead of
 * waiting. Confined to the simulating thread (not thread-safe).
 */
final class SimulatedClock implements Ticker, Sleeper {

    private long nanos;

    @Override
    public long read() {
        return nanos;
    }

    @Override
    public void sleepNanos(long waitNanos) {
        if (waitNanos > 0) {
            nanos += waitNanos;
        }
    }

    void advanceTo(long atNanos) {
        if (atNanos > nanos) {
            nanos = atNanos;
        }
    }
}
