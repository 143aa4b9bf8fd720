package dev.keel.testing;

/** Entry points for keel-testing's own assertions, alongside AssertJ's {@code Assertions.assertThat}. */
public final class KeelAssertions {

    private KeelAssertions() {}

    /** Assertions on a {@link ManualTicker}'s reading and transcript. */
    public static ManualTickerAssert assertThat(ManualTicker ticker) {
        return new ManualTickerAssert(ticker);
    }
}
