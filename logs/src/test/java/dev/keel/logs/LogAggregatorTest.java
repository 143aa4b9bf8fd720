package dev.keel.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

final class LogAggregatorTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private static LogEntry entry(long secondsAfter, LogLevel level, String source, String message) {
        return new LogEntry(T0.plusSeconds(secondsAfter), level, source, message);
    }

    private static LogEntry labelled(
            long secondsAfter, LogLevel level, String source, Map<String, String> labels, String message) {
        return new LogEntry(T0.plusSeconds(secondsAfter), level, source, labels, message);
    }

    @Test
    void seedExample_ingestQueryCount() throws Exception {
        try (LogAggregator aggregator = LogAggregator.inMemory()) {
            Instant start = Instant.now().minusSeconds(1);
            aggregator.ingest(new LogEntry(Instant.now(), LogLevel.INFO, "web-server", "Request processed"));
            Instant end = Instant.now().plusSeconds(1);
            List<LogEntry> logs = aggregator.queryTimeRange(start, end);
            Map<LogLevel, Long> levelCounts = aggregator.countByLevel();

            assertThat(logs).singleElement().satisfies(entry -> {
                assertThat(entry.source()).isEqualTo("web-server");
                assertThat(entry.message()).isEqualTo("Request processed");
            });
            assertThat(levelCounts).containsExactly(Map.entry(LogLevel.INFO, 1L));
        }
    }

    @Test
    void queryTimeRange_outOfOrderArrivals_returnsTimeOrder_endExclusive() throws Exception {
        try (LogAggregator aggregator = LogAggregator.inMemory()) {
            aggregator.ingestAll(List.of(
                    entry(30, LogLevel.INFO, "a", "third"),
                    entry(10, LogLevel.INFO, "a", "first"),
                    entry(20, LogLevel.INFO, "b", "second"),
                    entry(40, LogLevel.INFO, "b", "fourth")));

            assertThat(aggregator.queryTimeRange(T0.plusSeconds(10), T0.plusSeconds(40)))
                    .extracting(LogEntry::message)
                    .containsExactly("first", "second", "third");
        }
    }

    @Test
    void ingest_olderThanWindow_isRejectedWithReason_othersAccepted() throws Exception {
        LogsOptions options =
                LogsOptions.builder().outOfOrderWindow(Duration.ofMinutes(10)).build();
        try (LogAggregator aggregator = LogAggregator.inMemory(options)) {
            aggregator.ingest(entry(3600, LogLevel.INFO, "a", "newest"));

            IngestResult result = aggregator.ingestAll(List.of(
                    entry(3600 - 600, LogLevel.INFO, "a", "at the window's edge"),
                    entry(3600 - 601, LogLevel.INFO, "a", "too old"),
                    entry(0, LogLevel.INFO, "other-stream", "another stream has its own window")));

            assertThat(result.accepted()).isEqualTo(2);
            assertThat(result.rejected()).singleElement().satisfies(rejection -> {
                assertThat(rejection.index()).isEqualTo(1);
                assertThat(rejection.reason()).contains("out-of-order window is PT10M", "source=\"a\"");
            });
            assertThat(aggregator.stats().rejected()).isEqualTo(1);
            assertThat(aggregator.queryTimeRange(T0, T0.plusSeconds(7200)))
                    .extracting(LogEntry::message)
                    .containsExactly("another stream has its own window", "at the window's edge", "newest");
        }
    }

    @Test
    void query_selectorLineFiltersAndLevel_likeTheIssueExample() throws Exception {
        try (LogAggregator aggregator = LogAggregator.inMemory()) {
            aggregator.ingestAll(List.of(
                    labelled(1, LogLevel.ERROR, "web-server", Map.of("env", "prod"), "upstream timeout after 30s"),
                    labelled(2, LogLevel.WARN, "web-server", Map.of("env", "staging"), "timeout on /health"),
                    labelled(3, LogLevel.INFO, "web-server", Map.of("env", "prod"), "timeout retried"),
                    labelled(4, LogLevel.ERROR, "web-server", Map.of("env", "dev"), "timeout in dev"),
                    labelled(5, LogLevel.ERROR, "db", Map.of("env", "prod"), "timeout on the db"),
                    labelled(6, LogLevel.WARN, "web-server", Map.of("env", "staging"), "read timeout")));

            List<LogEntry> found = aggregator.query(
                    "{source=\"web-server\", env=~\"prod|staging\"} |= \"timeout\" != \"health\" | level >= WARN",
                    T0,
                    T0.plusSeconds(60),
                    100,
                    Direction.BACKWARD);

            assertThat(found)
                    .extracting(LogEntry::message)
                    .containsExactly("read timeout", "upstream timeout after 30s");
        }
    }

    @Test
    void query_limitAndDirection_takeTheRightEnd() throws Exception {
        try (LogAggregator aggregator =
                LogAggregator.inMemory(LogsOptions.builder().maxBlockEntries(7).build())) {
            for (int i = 0; i < 100; i++) {
                aggregator.ingest(entry(i, LogLevel.INFO, "s" + (i % 3), "m" + i));
            }
            aggregator.flush(); // every block sealed: the queries below read blocks, not memory

            assertThat(aggregator.query("{}", T0, T0.plusSeconds(100), 3, Direction.BACKWARD))
                    .extracting(LogEntry::message)
                    .containsExactly("m99", "m98", "m97");
            assertThat(aggregator.query("{}", T0, T0.plusSeconds(100), 3, Direction.FORWARD))
                    .extracting(LogEntry::message)
                    .containsExactly("m0", "m1", "m2");
            assertThat(aggregator.stats().blocks()).isGreaterThan(10);
        }
    }

    /**
     * Blocks that straddle minute buckets are counted from their per-minute header counts when the buckets are whole
     * minutes on minute boundaries, and from their timestamps otherwise; both must agree with a brute-force count.
     */
    @Test
    void countOverTime_blocksStraddlingBuckets_matchBruteForceAlignedOrNot() throws Exception {
        try (LogAggregator aggregator =
                LogAggregator.inMemory(LogsOptions.builder().maxBlockEntries(50).build())) {
            List<LogEntry> all = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                LogLevel level = i % 7 == 0 ? LogLevel.ERROR : LogLevel.INFO;
                all.add(new LogEntry(T0.plusMillis(i * 7_919L), level, "s" + (i % 2), "m" + i));
            }
            for (int i = 0; i < all.size(); i += 10) {
                aggregator.ingestAll(all.subList(i, i + 10)); // a batch's entries of a stream share one block
            }
            aggregator.flush();
            assertThat(aggregator.stats().blocks()).isGreaterThan(10);
            for (String query : List.of("{}", "{} | level >= ERROR", "{source=\"s1\"}")) {
                for (Duration step : List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofSeconds(90))) {
                    for (Instant start : List.of(T0, T0.plusSeconds(17), T0.plusSeconds(120))) {
                        Instant end = T0.plusSeconds(8_000);
                        long stepNanos = step.toNanos();
                        int buckets = (int) ((Duration.between(start, end).toNanos() + stepNanos - 1) / stepNanos);
                        long[] expected = new long[buckets];
                        for (LogEntry entry : all) {
                            boolean selected = switch (query) {
                                case "{}" -> true;
                                case "{} | level >= ERROR" -> entry.level() == LogLevel.ERROR;
                                default -> entry.source().equals("s1");
                            };
                            if (selected
                                    && !entry.timestamp().isBefore(start)
                                    && entry.timestamp().isBefore(end)) {
                                expected[
                                        (int) (Duration.between(start, entry.timestamp())
                                                        .toNanos()
                                                / stepNanos)]++;
                            }
                        }
                        String metric = "count_over_time(" + query + " [" + step.toSeconds() + "s])";
                        assertThat(((MetricResult.TimeSeries) aggregator.metric(metric, start, end)).counts())
                                .as("%s from %s", metric, start)
                                .containsExactly(java.util.Arrays.stream(expected)
                                        .boxed()
                                        .toArray(Long[]::new));
                    }
                }
            }
        }
    }

    @Test
    void query_jsonFieldFilters_compareNumbersAndText() throws Exception {
        try (LogAggregator aggregator = LogAggregator.inMemory()) {
            aggregator.ingestAll(List.of(
                    LogEntry.of(T0, LogLevel.INFO, "api", Map.of(), "GET /a", Map.of("status", "200", "user", "ann")),
                    LogEntry.of(
                            T0.plusSeconds(1),
                            LogLevel.INFO,
                            "api",
                            Map.of(),
                            "GET /b",
                            Map.of("status", "503", "user", "bob")),
                    LogEntry.of(T0.plusSeconds(2), LogLevel.INFO, "api", Map.of(), "GET /c", Map.of("user", "cy"))));

            assertThat(aggregator.query(
                            "{source=\"api\"} | status >= 500", T0, T0.plusSeconds(9), 10, Direction.FORWARD))
                    .extracting(LogEntry::message)
                    .containsExactly("GET /b");
            assertThat(aggregator.query(
                            "{} | json | user =~ \"a.*|c.*\"", T0, T0.plusSeconds(9), 10, Direction.FORWARD))
                    .extracting(LogEntry::message)
                    .containsExactly("GET /a", "GET /c");
            assertThat(aggregator.query("{} | status != \"200\"", T0, T0.plusSeconds(9), 10, Direction.FORWARD))
                    .extracting(LogEntry::message)
                    .containsExactly("GET /b", "GET /c");
        }
    }

    @Test
    void countByLevel_overSealedAndOpenBlocks_andByRange() throws Exception {
        try (LogAggregator aggregator =
                LogAggregator.inMemory(LogsOptions.builder().maxBlockEntries(5).build())) {
            List<LogEntry> batch = new ArrayList<>();
            for (int i = 0; i < 23; i++) {
                batch.add(entry(i, i % 4 == 0 ? LogLevel.ERROR : LogLevel.INFO, "s", "m" + i));
            }
            aggregator.ingestAll(batch);

            assertThat(aggregator.countByLevel())
                    .containsExactly(Map.entry(LogLevel.INFO, 17L), Map.entry(LogLevel.ERROR, 6L));
            assertThat(aggregator.countByLevel(T0.plusSeconds(4), T0.plusSeconds(9)))
                    .containsExactly(Map.entry(LogLevel.INFO, 3L), Map.entry(LogLevel.ERROR, 2L));
        }
    }

    @Test
    void metric_countOverTime_countBy_topk() throws Exception {
        try (LogAggregator aggregator =
                LogAggregator.inMemory(LogsOptions.builder().maxBlockEntries(4).build())) {
            List<LogEntry> batch = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                batch.add(labelled(
                        i * 10,
                        i % 3 == 0 ? LogLevel.WARN : LogLevel.INFO,
                        i % 2 == 0 ? "web" : "db",
                        Map.of("env", i < 15 ? "prod" : "dev"),
                        i % 5 == 0 ? "disk full" : "ok " + i));
            }
            aggregator.ingestAll(batch);

            MetricResult series = aggregator.metric("count_over_time({} [1m])", T0, T0.plusSeconds(300));
            assertThat(series)
                    .isEqualTo(new MetricResult.TimeSeries(T0, Duration.ofMinutes(1), List.of(6L, 6L, 6L, 6L, 6L)));
            MetricResult filtered =
                    aggregator.metric("count_over_time({source=\"web\"} |= \"disk\" [2m])", T0, T0.plusSeconds(300));
            assertThat(((MetricResult.TimeSeries) filtered).counts()).containsExactly(2L, 1L, 0L);

            assertThat(aggregator.metric("count by (source) ({env=\"prod\"})", T0, T0.plusSeconds(300)))
                    .isEqualTo(new MetricResult.Counts(
                            "source", List.of(new MetricResult.Count("web", 8), new MetricResult.Count("db", 7))));
            assertThat(aggregator.metric("count by (env) ({} | level >= WARN)", T0, T0.plusSeconds(300)))
                    .isEqualTo(new MetricResult.Counts(
                            "env", List.of(new MetricResult.Count("dev", 5), new MetricResult.Count("prod", 5))));
            assertThat(aggregator.metric("topk(1, {})", T0, T0.plusSeconds(300)))
                    .isEqualTo(new MetricResult.Counts("message", List.of(new MetricResult.Count("disk full", 6))));
        }
    }

    @Test
    void tail_streamsNewMatchingEntriesOnly() throws Exception {
        try (LogAggregator aggregator = LogAggregator.inMemory()) {
            aggregator.ingest(entry(0, LogLevel.ERROR, "web", "before the tail"));
            List<String> seen = new CopyOnWriteArrayList<>();
            try (LiveTail tail = aggregator.tail("{source=\"web\"} | level >= ERROR", e -> seen.add(e.message()))) {
                aggregator.ingestAll(List.of(
                        entry(1, LogLevel.INFO, "web", "too low"),
                        entry(2, LogLevel.ERROR, "db", "other source"),
                        entry(3, LogLevel.ERROR, "web", "wanted")));
                Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> seen.size() == 1);
                assertThat(seen).containsExactly("wanted");
                assertThat(tail.dropped()).isZero();
            }
            aggregator.ingest(entry(4, LogLevel.ERROR, "web", "after close"));
            assertThat(seen).containsExactly("wanted");
        }
    }

    @Test
    void badRequests_nameTheValue_andChangeNothing() throws Exception {
        try (LogAggregator aggregator = LogAggregator.inMemory()) {
            aggregator.ingest(entry(0, LogLevel.INFO, "a", "x"));

            assertThatThrownBy(() -> aggregator.query("{source=\"a\"", T0, T0.plusSeconds(1), 10, Direction.FORWARD))
                    .isInstanceOf(LogsException.class)
                    .hasMessageContaining("at position 11: expected ',' or '}', found the end of the query")
                    .extracting(e -> ((LogsException) e).code())
                    .isEqualTo(LogsException.Code.BAD_QUERY);
            assertThatThrownBy(() -> aggregator.query("{}", T0, T0.plusSeconds(1), 0, Direction.FORWARD))
                    .hasMessage("limit (0) must be positive");
            assertThatThrownBy(() -> aggregator.query("{}", T0.plusSeconds(1), T0, 10, Direction.FORWARD))
                    .hasMessageContaining("is after end");
            assertThatThrownBy(() -> aggregator.metric("{}", T0, T0.plusSeconds(1)))
                    .hasMessageContaining("expected a metric query");
            assertThatThrownBy(() -> aggregator.metric("count_over_time({} [1ns])", T0, T0.plusSeconds(1)))
                    .hasMessageContaining("buckets (expected: at most 100000)");
            assertThatThrownBy(() -> aggregator.queryTimeRange(Instant.MIN, T0))
                    .isInstanceOf(LogsException.class)
                    .hasMessageContaining("out of range");
            assertThat(aggregator.stats().entries()).isEqualTo(1);
        }
    }

    @Test
    void entry_invalidFields_areRejectedWithTheValue() {
        assertThatThrownBy(() -> new LogEntry(T0, LogLevel.INFO, "", "m"))
                .hasMessage("source '' has 0 characters (expected: 1 to 256)");
        assertThatThrownBy(() -> new LogEntry(T0, LogLevel.INFO, "s", Map.of("bad-name", "v"), "m"))
                .hasMessageContaining("label name 'bad-name' is not valid");
        assertThatThrownBy(() -> new LogEntry(T0, LogLevel.INFO, "s", Map.of("source", "v"), "m"))
                .hasMessageContaining("label name 'source' is reserved");
        assertThatThrownBy(() -> new LogEntry(Instant.parse("3000-01-01T00:00:00Z"), LogLevel.INFO, "s", "m"))
                .hasMessageContaining("timestamp 3000-01-01T00:00:00Z is out of range");
        assertThatThrownBy(() -> new LogEntry(T0, LogLevel.INFO, "s", "m".repeat(LogEntry.MAX_MESSAGE_LENGTH + 1)))
                .hasMessageContaining("message of 65537 characters is too long");
    }

    @Test
    void closed_rejectsWork() throws Exception {
        LogAggregator aggregator = LogAggregator.inMemory();
        aggregator.close();
        assertThatThrownBy(() -> aggregator.ingest(entry(0, LogLevel.INFO, "a", "x")))
                .isInstanceOf(LogsException.class)
                .extracting(e -> ((LogsException) e).code())
                .isEqualTo(LogsException.Code.CLOSED);
        aggregator.close();
    }

    @Test
    void nanosecondTimestamps_areKeptExactly() throws Exception {
        try (LogAggregator aggregator =
                LogAggregator.inMemory(LogsOptions.builder().maxBlockEntries(2).build())) {
            Instant a = T0.plusNanos(1);
            Instant b = T0.plusNanos(2);
            Instant c = T0.plusNanos(3);
            aggregator.ingestAll(List.of(
                    new LogEntry(b, LogLevel.INFO, "s", "b"),
                    new LogEntry(a, LogLevel.INFO, "s", "a"),
                    new LogEntry(c, LogLevel.INFO, "s", "c")));
            assertThat(aggregator.queryTimeRange(a, c))
                    .extracting(LogEntry::timestamp)
                    .containsExactly(a, b);
        }
    }
}
