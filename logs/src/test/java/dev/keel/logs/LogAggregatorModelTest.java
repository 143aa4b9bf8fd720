package dev.keel.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random ingests (out of order, many streams, some beyond the window) and random queries, checked against a plain
 * list filtered and sorted by brute force. Small blocks, so that queries cross many sealed and open blocks; the
 * durable variant also flushes and reopens the aggregator along the way.
 */
@ExtendWith(SeedExtension.class)
final class LogAggregatorModelTest {

    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(100);
    private static final List<String> WORDS =
            List.of("timeout", "Timeout", "error", "health", "GET", "POST", "/api", "disk", "full", "ok", "retry");
    private static final List<String> SOURCES = List.of("web", "db", "cache", "auth");

    @TempDir
    Path dir;

    @Test
    void inMemory_randomIngestsAndQueries_matchBruteForce(SeededRandom random) throws Exception {
        run(random, false);
    }

    @Test
    void durable_randomIngestsQueriesAndReopens_matchBruteForce(SeededRandom random) throws Exception {
        run(random, true);
    }

    private void run(SeededRandom random, boolean durable) throws Exception {
        LogsOptions options = LogsOptions.builder()
                .outOfOrderWindow(WINDOW)
                .maxBlockEntries(random.nextInt(3, 25))
                .durability(LogsOptions.Durability.NONE)
                .build();
        List<LogEntry> model = new ArrayList<>();
        Map<String, Long> newest = new HashMap<>();
        LogAggregator aggregator = durable ? LogAggregator.open(dir, options) : LogAggregator.inMemory(options);
        try {
            long clock = 0;
            for (int step = 0; step < 300; step++) {
                int action = random.nextInt(100);
                if (action < 55) {
                    List<LogEntry> batch = new ArrayList<>();
                    int size = random.nextInt(1, 8);
                    for (int i = 0; i < size; i++) {
                        clock += random.nextInt(0, 5);
                        long at = clock - random.nextInt(0, 130); // some beyond the 100 s window
                        batch.add(randomEntry(random, at));
                    }
                    IngestResult result = aggregator.ingestAll(batch);
                    List<Integer> expectedRejected = new ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) {
                        LogEntry entry = batch.get(i);
                        String stream = entry.source() + entry.labels();
                        long nanos = entry.epochNanos();
                        Long top = newest.get(stream);
                        if (top != null && nanos < top - WINDOW.toNanos()) {
                            expectedRejected.add(i);
                        } else {
                            newest.put(stream, top == null ? nanos : Math.max(top, nanos));
                            model.add(entry);
                        }
                    }
                    assertThat(result.rejected())
                            .extracting(IngestResult.Rejection::index)
                            .as("rejections of step %d", step)
                            .isEqualTo(expectedRejected);
                } else if (action < 90) {
                    checkQuery(random, aggregator, model, clock);
                } else if (action < 95) {
                    checkMetrics(random, aggregator, model, clock);
                } else if (durable && action < 98) {
                    aggregator.close();
                    aggregator = LogAggregator.open(dir, options);
                } else {
                    aggregator.flush();
                }
            }
            assertThat(aggregator.stats().entries()).isEqualTo(model.size());
            checkMetrics(random, aggregator, model, clock);
        } finally {
            aggregator.close();
        }
    }

    private static LogEntry randomEntry(SeededRandom random, long secondsAfterBase) {
        TreeMap<String, String> labels = new TreeMap<>();
        if (random.nextBoolean()) {
            labels.put("env", random.pick(List.of("prod", "staging", "dev")));
        }
        if (random.chance(1, 4)) {
            labels.put("zone", random.pick(List.of("a", "b")));
        }
        StringBuilder message = new StringBuilder();
        int words = random.nextInt(1, 5);
        for (int i = 0; i < words; i++) {
            message.append(random.pick(WORDS)).append(' ');
        }
        message.append(random.nextInt(1000));
        Map<String, String> fields =
                random.chance(1, 3) ? Map.of("status", String.valueOf(random.nextInt(100, 600))) : Map.of();
        Instant at = BASE.plusSeconds(secondsAfterBase).plusNanos(random.nextInt(3));
        return LogEntry.of(
                at, random.pick(List.of(LogLevel.values())), random.pick(SOURCES), labels, message.toString(), fields);
    }

    private record RandomQuery(String text, Predicate<LogEntry> predicate) {}

    private static RandomQuery randomQuery(SeededRandom random) {
        List<String> matchers = new ArrayList<>();
        Predicate<LogEntry> predicate = entry -> true;
        if (random.nextBoolean()) {
            String source = random.pick(SOURCES);
            matchers.add("source=\"" + source + "\"");
            predicate = predicate.and(entry -> entry.source().equals(source));
        }
        if (random.chance(1, 3)) {
            matchers.add("env=~\"prod|staging\"");
            predicate = predicate.and(
                    entry -> entry.labels().getOrDefault("env", "").matches("prod|staging"));
        }
        if (random.chance(1, 4)) {
            matchers.add("zone!=\"a\"");
            predicate = predicate.and(
                    entry -> !entry.labels().getOrDefault("zone", "").equals("a"));
        }
        StringBuilder text = new StringBuilder("{" + String.join(", ", matchers) + "}");
        int stages = random.nextInt(0, 3);
        for (int i = 0; i < stages; i++) {
            String word = random.pick(WORDS);
            switch (random.nextInt(5)) {
                case 0 -> {
                    text.append(" |= \"").append(word).append('"');
                    predicate = predicate.and(entry -> entry.message().contains(word));
                }
                case 1 -> {
                    text.append(" != \"").append(word).append('"');
                    predicate = predicate.and(entry -> !entry.message().contains(word));
                }
                case 2 -> {
                    String regex = "(?i)" + word.toLowerCase(Locale.ROOT) + " \\d";
                    text.append(" |~ `").append(regex).append('`');
                    predicate = predicate.and(entry -> java.util.regex.Pattern.compile(regex)
                            .matcher(entry.message())
                            .find());
                }
                case 3 -> {
                    LogLevel level = random.pick(List.of(LogLevel.values()));
                    text.append(" | level >= ").append(level.name().toLowerCase(Locale.ROOT));
                    predicate = predicate.and(entry -> entry.level().compareTo(level) >= 0);
                }
                default -> {
                    int status = random.nextInt(100, 600);
                    text.append(" | status < ").append(status);
                    predicate = predicate.and(entry -> entry.fields().containsKey("status")
                            && Integer.parseInt(entry.fields().get("status")) < status);
                }
            }
        }
        return new RandomQuery(text.toString(), predicate);
    }

    private static void checkQuery(SeededRandom random, LogAggregator aggregator, List<LogEntry> model, long clock) {
        RandomQuery query = randomQuery(random);
        long from = random.nextLong(-150, clock + 10);
        long to = from + random.nextLong(0, 400);
        Instant start = BASE.plusSeconds(from);
        Instant end = BASE.plusSeconds(to);
        int limit = random.chance(1, 4) ? Integer.MAX_VALUE : random.nextInt(1, 30);
        Direction direction = random.nextBoolean() ? Direction.FORWARD : Direction.BACKWARD;
        Comparator<LogEntry> order =
                direction == Direction.FORWARD ? LogEntry.TIME_ORDER : LogEntry.TIME_ORDER.reversed();
        List<LogEntry> expected = model.stream()
                .filter(entry ->
                        !entry.timestamp().isBefore(start) && entry.timestamp().isBefore(end))
                .filter(query.predicate())
                .sorted(order)
                .limit(limit)
                .toList();
        assertThat(aggregator.query(query.text(), start, end, limit, direction))
                .as("%s in [%s, %s) limit %d %s", query.text(), start, end, limit, direction)
                .containsExactlyElementsOf(expected);
    }

    private static void checkMetrics(SeededRandom random, LogAggregator aggregator, List<LogEntry> model, long clock) {
        RandomQuery query = randomQuery(random);
        long from = random.nextLong(-150, clock + 10);
        Instant start = BASE.plusSeconds(from);
        Instant end = start.plusSeconds(random.nextLong(1, 400));
        List<LogEntry> matching = model.stream()
                .filter(entry ->
                        !entry.timestamp().isBefore(start) && entry.timestamp().isBefore(end))
                .filter(query.predicate())
                .toList();

        Map<LogLevel, Long> byLevel = new EnumMap<>(LogLevel.class);
        model.stream()
                .filter(entry ->
                        !entry.timestamp().isBefore(start) && entry.timestamp().isBefore(end))
                .forEach(entry -> byLevel.merge(entry.level(), 1L, Long::sum));
        assertThat(aggregator.countByLevel(start, end)).isEqualTo(byLevel);

        long stepSeconds = random.nextInt(1, 60);
        int buckets = (int) ((Duration.between(start, end).toSeconds() + stepSeconds - 1) / stepSeconds);
        long[] expected = new long[buckets];
        for (LogEntry entry : matching) {
            expected[(int) (Duration.between(start, entry.timestamp()).toNanos() / (stepSeconds * 1_000_000_000L))]++;
        }
        MetricResult.TimeSeries series = (MetricResult.TimeSeries)
                aggregator.metric("count_over_time(" + query.text() + " [" + stepSeconds + "s])", start, end);
        assertThat(series.counts())
                .as("count_over_time(%s [%ds]) over [%s, %s)", query.text(), stepSeconds, start, end)
                .containsExactlyElementsOf(
                        java.util.Arrays.stream(expected).boxed().toList());

        Map<String, Long> bySource = new HashMap<>();
        matching.forEach(entry -> bySource.merge(entry.source(), 1L, Long::sum));
        MetricResult.Counts counts =
                (MetricResult.Counts) aggregator.metric("count by (source) (" + query.text() + ")", start, end);
        Map<String, Long> actual = new HashMap<>();
        counts.rows().forEach(row -> actual.put(row.value(), row.count()));
        assertThat(actual).as("count by (source) (%s)", query.text()).isEqualTo(bySource);
    }
}
