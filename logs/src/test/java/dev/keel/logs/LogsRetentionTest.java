package dev.keel.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LogsRetentionTest {

    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void retentionByAge_deletesWholeOldBlocks_andTheyStayDeletedAfterRestart() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(BASE);
        InstantSource clock = now::get;
        LogsOptions options = LogsOptions.builder()
                .maxBlockEntries(10)
                .retention(Duration.ofHours(1))
                .outOfOrderWindow(Duration.ofDays(1))
                .clock(clock)
                .build();
        try (LogAggregator aggregator = LogAggregator.open(dir, options)) {
            for (int i = 0; i < 40; i++) {
                aggregator.ingest(new LogEntry(BASE.plus(Duration.ofMinutes(3 * i)), LogLevel.INFO, "s", "m" + i));
            }
            aggregator.flush(); // waits for the background sealer
            assertThat(aggregator.stats().blocks()).isEqualTo(4);
            now.set(BASE.plus(Duration.ofMinutes(3 * 19))
                    .plus(Duration.ofHours(1))
                    .plusSeconds(1));

            assertThat(aggregator.applyRetention()).isEqualTo(2);
            assertThat(aggregator.queryTimeRange(BASE, BASE.plus(Duration.ofDays(1))))
                    .extracting(LogEntry::message)
                    .first()
                    .isEqualTo("m20");
            assertThat(blockFiles()).hasSize(2);
        }
        try (LogAggregator reopened = LogAggregator.open(dir, options)) {
            assertThat(reopened.queryTimeRange(BASE, BASE.plus(Duration.ofDays(1))))
                    .hasSize(20);
        }
    }

    @Test
    void retentionBySize_deletesOldestBlocksFirst_untilUnderTheBudget() throws Exception {
        long blockBytes;
        try (LogAggregator probe = LogAggregator.inMemory(
                LogsOptions.builder().maxBlockEntries(100).build())) {
            ingest(probe, 100);
            probe.flush();
            blockBytes = probe.stats().storedBytes();
        }
        LogsOptions options = LogsOptions.builder()
                .maxBlockEntries(100)
                .retentionBytes(blockBytes * 5 / 2)
                .build();
        try (LogAggregator aggregator = LogAggregator.inMemory(options)) {
            ingest(aggregator, 500);
            aggregator.flush();

            assertThat(aggregator.stats().blocks()).isEqualTo(2);
            assertThat(aggregator.stats().deletedBlocks()).isEqualTo(3);
            assertThat(aggregator.queryTimeRange(BASE, BASE.plusSeconds(1000)))
                    .extracting(LogEntry::message)
                    .first()
                    .isEqualTo("message 400");
        }
    }

    private static void ingest(LogAggregator aggregator, int count) {
        for (int i = 0; i < count; i++) {
            // Same length for every message, so that every block has about the same size.
            aggregator.ingest(new LogEntry(BASE.plusSeconds(i), LogLevel.INFO, "s", "message " + (100 + i % 900)));
        }
    }

    private List<Path> blockFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("blocks"))) {
            return files.filter(file -> file.toString().endsWith(".block")).toList();
        }
    }
}
