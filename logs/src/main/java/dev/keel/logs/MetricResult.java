package dev.keel.logs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The answer to a metric query. Immutable. */
public sealed interface MetricResult {

    /** {@code count_over_time}: matching entries per bucket; bucket i covers {@code [start + i*step, start + (i+1)*step)}. */
    record TimeSeries(Instant start, Duration step, List<Long> counts) implements MetricResult {
        public TimeSeries {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(step, "step");
            counts = List.copyOf(counts);
        }

        /** The total over every bucket. */
        public long total() {
            return counts.stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Counts per value of {@code key} ({@code level}, {@code source}, a label, or {@code message} for topk), largest first. */
    record Counts(String key, List<Count> rows) implements MetricResult {
        public Counts {
            Objects.requireNonNull(key, "key");
            rows = List.copyOf(rows);
        }
    }

    /** One row of {@link Counts}. */
    record Count(String value, long count) {}
}
