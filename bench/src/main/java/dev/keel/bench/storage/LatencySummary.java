package dev.keel.bench.storage;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The percentiles of a latency histogram that the reports print, in nanoseconds. Immutable: it is read off a
 * {@link Histogram} once, so a result does not carry a mutable histogram around.
 *
 * @param count how many latencies were recorded
 * @param p50Nanos the median
 * @param p99Nanos the 99th percentile
 * @param maxNanos the largest recorded latency (at the histogram's precision)
 */
record LatencySummary(long count, long p50Nanos, long p99Nanos, long maxNanos) {

    /** The highest latency a histogram tracks; longer ones are recorded as this (a stall that long is the news). */
    static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** Three significant digits: 0.1% resolution at every magnitude, about 0.5 MB per histogram up to 60 s. */
    static final int SIGNIFICANT_DIGITS = 3;

    LatencySummary {
        if (count < 0 || p50Nanos < 0 || p99Nanos < p50Nanos || maxNanos < p99Nanos) {
            throw new IllegalArgumentException("latencies must be 0 <= p50 <= p99 <= max and count >= 0, got count "
                    + count + ", p50 " + p50Nanos + ", p99 " + p99Nanos + ", max " + maxNanos);
        }
    }

    /** A histogram for latencies in nanoseconds, shaped as every summary here expects. Not thread-safe. */
    static Histogram newHistogram() {
        return new Histogram(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    }

    /** Records {@code nanos} into {@code histogram}, clamped to what it can track. */
    static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.min(Math.max(nanos, 0), HIGHEST_TRACKABLE_NANOS));
    }

    static LatencySummary of(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0);
        }
        return new LatencySummary(
                histogram.getTotalCount(),
                histogram.getValueAtPercentile(50.0),
                histogram.getValueAtPercentile(99.0),
                histogram.getMaxValue());
    }

    String p50Micros() {
        return micros(p50Nanos);
    }

    String p99Micros() {
        return micros(p99Nanos);
    }

    String maxMicros() {
        return micros(maxNanos);
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1_000.0);
    }
}
