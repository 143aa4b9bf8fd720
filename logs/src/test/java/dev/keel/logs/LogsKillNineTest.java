package dev.keel.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.ChildJvm;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM ingests batches from three threads (small blocks and a small log, so blocks are sealed and log
 * segments deleted all the time) and prints each batch it got an acknowledgement for; it is killed with SIGKILL at a
 * random moment, over and over on the same directory. After each kill, every acknowledged entry must be there exactly
 * once.
 */
@ExtendWith(SeedExtension.class)
final class LogsKillNineTest {

    private static final int CYCLES = 6;
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    static LogsOptions options() {
        return LogsOptions.builder().maxBlockEntries(50).maxWalBytes(256 * 1024).build();
    }

    /** The child: prints "ready", then "ack CYCLE-THREAD-BATCH SIZE" after each acknowledged batch. */
    static final class Ingester {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            int cycle = Integer.parseInt(args[1]);
            LogAggregator aggregator = LogAggregator.open(dir, options());
            System.out.println("ready " + aggregator.stats().entries());
            System.out.flush();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                threads.add(Thread.ofPlatform().name("ingester-" + t).start(() -> {
                    for (int batch = 0; ; batch++) {
                        String id = cycle + "-" + thread + "-" + batch;
                        int size = 1 + batch % 7;
                        List<LogEntry> entries = new ArrayList<>();
                        for (int i = 0; i < size; i++) {
                            long millis = (long) cycle * 10_000_000L + batch * 10L + i;
                            entries.add(new LogEntry(
                                    BASE.plusMillis(millis),
                                    LogLevel.INFO,
                                    "src-" + thread,
                                    Map.of("cycle", String.valueOf(cycle % 2)),
                                    id + "/" + i + " payload " + "x".repeat(i * 20)));
                        }
                        IngestResult result = aggregator.ingestAll(entries);
                        if (!result.allAccepted()) {
                            throw new IllegalStateException("rejected: " + result.rejected());
                        }
                        synchronized (System.out) {
                            System.out.println("ack " + id + " " + size);
                            System.out.flush();
                        }
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    @Test
    void killNine_duringIngestion_everyAcknowledgedEntryIsThereOnce(SeededRandom random) throws Exception {
        Set<String> acknowledged = new HashSet<>();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            int acks = random.nextInt(1, 600);
            try (ChildJvm child = ChildJvm.start(
                    Ingester.class, List.of("-Xmx128m"), List.of(dir.toString(), String.valueOf(cycle)))) {
                assertThat(child.awaitLine(Duration.ofMinutes(1))).startsWith("ready ");
                for (int i = 0; i < acks; i++) {
                    child.awaitLine(Duration.ofMinutes(1));
                }
                child.kill9();
                for (String line : child.stdoutLines()) {
                    String[] parts = line.split(" ");
                    if (parts[0].equals("ack") && parts.length == 3) {
                        for (int i = 0; i < Integer.parseInt(parts[2]); i++) {
                            acknowledged.add(parts[1] + "/" + i);
                        }
                    }
                }
            }
            verify(acknowledged, cycle);
        }
    }

    private void verify(Set<String> acknowledged, int cycle) throws Exception {
        try (LogAggregator aggregator = LogAggregator.open(dir, options())) {
            Map<String, Integer> seen = new HashMap<>();
            for (LogEntry entry : aggregator.queryTimeRange(BASE, BASE.plus(Duration.ofDays(30)))) {
                seen.merge(entry.message().substring(0, entry.message().indexOf(' ')), 1, Integer::sum);
            }
            for (String id : acknowledged) {
                assertThat(seen.get(id))
                        .as("after kill %d: acknowledged entry %s", cycle, id)
                        .isEqualTo(1);
            }
            assertThat(seen.values()).as("after kill %d: no entry twice", cycle).allMatch(count -> count == 1);
            assertThat(aggregator.stats().blocks()).as("blocks were sealed").isPositive();
        }
    }
}
