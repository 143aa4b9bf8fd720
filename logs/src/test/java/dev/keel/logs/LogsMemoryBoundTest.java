package dev.keel.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays bounded while ingesting more than the heap: a child JVM with a 64 MiB heap ingests about 150 MB of
 * entries (300,000 of ~500 bytes), which only works if open blocks and the log are sealed to disk as their bounds
 * say. The parent then reopens the directory and counts every entry.
 */
final class LogsMemoryBoundTest {

    private static final int ENTRIES = 300_000;
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    static LogsOptions options() {
        return LogsOptions.builder()
                .durability(LogsOptions.Durability.NONE)
                .maxOpenBytes(8L << 20)
                .maxWalBytes(8L << 20)
                .blockCacheBytes(4L << 20)
                .build();
    }

    /** The child: ingests ENTRIES entries in batches of 1,000 across 16 streams, then prints "done". */
    static final class Ingester {
        public static void main(String[] args) throws Exception {
            try (LogAggregator aggregator = LogAggregator.open(Path.of(args[0]), options())) {
                String padding = "x".repeat(420);
                for (int batch = 0; batch < ENTRIES / 1000; batch++) {
                    List<LogEntry> entries = new ArrayList<>(1000);
                    for (int i = 0; i < 1000; i++) {
                        int n = batch * 1000 + i;
                        entries.add(new LogEntry(
                                BASE.plusMillis(n),
                                LogLevel.INFO,
                                "src-" + (n % 16),
                                Map.of("shard", String.valueOf(n % 4)),
                                "entry " + n + " " + padding));
                    }
                    aggregator.ingestAll(entries);
                }
                System.out.println("done " + aggregator.stats().entries() + " max heap "
                        + Runtime.getRuntime().maxMemory());
            }
        }
    }

    @Test
    void ingestingMoreThanTheHeap_staysWithinIt_andKeepsEverything() throws Exception {
        try (ChildJvm child = ChildJvm.start(Ingester.class, List.of("-Xmx64m"), List.of(dir.toString()))) {
            assertThat(child.awaitExit(Duration.ofMinutes(3)))
                    .as(child.stderr())
                    .isZero();
            assertThat(child.stdoutLines()).anySatisfy(line -> assertThat(line).startsWith("done " + ENTRIES));
        }
        try (LogAggregator aggregator = LogAggregator.open(dir, options())) {
            assertThat(aggregator.countByLevel()).containsExactly(Map.entry(LogLevel.INFO, (long) ENTRIES));
            assertThat(aggregator.stats().storedBytes()).isLessThan(64L << 20);
            assertThat(aggregator.query(
                            "{source=\"src-7\"} |= \"entry 299991 \"",
                            BASE,
                            BASE.plusSeconds(3600),
                            10,
                            Direction.BACKWARD))
                    .hasSize(1);
        }
    }
}
