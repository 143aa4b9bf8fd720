package dev.keel.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writers and readers at once: every acknowledged entry is counted exactly, readers always see time order. */
final class LogAggregatorConcurrencyTest {

    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final int WRITERS = 6;
    private static final int BATCHES = 150;
    private static final int BATCH = 10;

    @TempDir
    Path dir;

    @Test
    void concurrentIngestAndQueries_countsExact_resultsOrdered() throws Exception {
        LogsOptions options = LogsOptions.builder()
                .maxBlockEntries(64)
                .maxWalBytes(512 * 1024)
                .build();
        try (LogAggregator aggregator = LogAggregator.open(dir, options);
                ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2)) {
            CyclicBarrier start = new CyclicBarrier(WRITERS + 2);
            AtomicLong queries = new AtomicLong();
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int b = 0; b < BATCHES; b++) {
                        List<LogEntry> batch = new ArrayList<>();
                        for (int i = 0; i < BATCH; i++) {
                            long millis = b * 100L + i * 7L + writer;
                            batch.add(new LogEntry(
                                    BASE.plusMillis(millis),
                                    LogLevel.values()[i % 9],
                                    "writer-" + (writer % 3),
                                    Map.of("w", String.valueOf(writer)),
                                    "m " + writer + " " + b + " " + i));
                        }
                        assertThat(aggregator.ingestAll(batch).accepted()).isEqualTo(BATCH);
                    }
                    return null;
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    while (!writers.stream().allMatch(Future::isDone)) {
                        List<LogEntry> page = aggregator.query(
                                "{source=\"writer-1\"} |= \"m\"",
                                BASE,
                                BASE.plusSeconds(3600),
                                200,
                                Direction.BACKWARD);
                        for (int i = 1; i < page.size(); i++) {
                            assertThat(LogEntry.TIME_ORDER.compare(page.get(i - 1), page.get(i)))
                                    .isPositive();
                        }
                        aggregator.countByLevel();
                        queries.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> future : writers) {
                future.get(2, TimeUnit.MINUTES);
            }
            for (Future<?> future : readers) {
                future.get(2, TimeUnit.MINUTES);
            }
            long total = (long) WRITERS * BATCHES * BATCH;
            assertThat(aggregator.stats().entries()).isEqualTo(total);
            assertThat(aggregator.countByLevel().values().stream()
                            .mapToLong(Long::longValue)
                            .sum())
                    .isEqualTo(total);
            assertThat(aggregator.queryTimeRange(BASE, BASE.plusSeconds(3600))).hasSize((int) total);
            assertThat(aggregator.query(
                            "{w=\"4\"}", BASE, BASE.plusSeconds(3600), Integer.MAX_VALUE, Direction.FORWARD))
                    .hasSize(BATCHES * BATCH);
            assertThat(queries.get()).isPositive();
        }
    }
}
