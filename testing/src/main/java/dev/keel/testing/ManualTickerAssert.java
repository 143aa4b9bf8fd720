package dev.keel.testing;

import java.time.Duration;
import java.util.List;

/** Assertions on what code under test did to a {@link ManualTicker}. Not thread-safe. */
public final class ManualTickerAssert extends KeelAssert<ManualTickerAssert, ManualTicker> {

    ManualTickerAssert(ManualTicker actual) {
        super(actual, ManualTickerAssert.class);
    }

    /** The code under test slept exactly these durations, in this order, since the transcript was last cleared. */
    public ManualTickerAssert sleptExactly(Duration... expected) {
        return expectEqual("sleeps", List.of(expected), actual.sleeps());
    }

    /** The code under test did not sleep at all since the transcript was last cleared. */
    public ManualTickerAssert neverSlept() {
        return expectEqual("sleeps", List.of(), actual.sleeps());
    }

    /** The ticker reads {@code expectedNanos}. */
    public ManualTickerAssert reads(long expectedNanos) {
        return expectEqual("reading (ns)", expectedNanos, actual.read());
    }
}
