package dev.keel.bench.logs;

import dev.keel.bench.MachineDescription;
import dev.keel.bench.MarkdownTable;
import dev.keel.bench.Report;
import dev.keel.bench.ScratchDirectory;
import dev.keel.logs.Direction;
import dev.keel.logs.LogAggregator;
import dev.keel.logs.LogEntry;
import dev.keel.logs.LogsOptions;
import dev.keel.logs.LogsStats;
import dev.keel.logs.MetricResult;
import dev.keel.time.Ticker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Queries over the same synthetic entries (24 h, 8 services x 3 environments) in keel's aggregator and in an
 * in-process Lucene index, in the same run: a label selector plus a substring, newest 1,000; a 1-minute count
 * histogram over the 24 h; a point-in-time lookup (the entries of one second). Each query runs 3 times to warm up,
 * then {@code --repeats} times; the median is reported with the ratio. Also the size at rest of both, against the
 * raw bytes of the messages.
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.logs.LogsQueryHarness --entries 2000000 --out
 * bench/results/logs-query.md}.
 */
public final class LogsQueryHarness {

    private static final Instant START = Instant.parse("2026-11-27T00:00:00Z");
    private static final Duration SPAN = Duration.ofHours(24);

    private LogsQueryHarness() {}

    @FunctionalInterface
    private interface Timed {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        long entries = 1_000_000;
        int repeats = 10;
        Optional<Path> out = Optional.empty();
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--entries" -> entries = Long.parseLong(args[i + 1]);
                case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Optional.of(Path.of(args[i + 1]));
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + args[i] + " (expected --entries N, --repeats N, --out FILE)");
            }
        }
        Ticker ticker = Ticker.system();
        try (Report report = Report.toStandardStreams("LogsQueryHarness", out, ticker);
                ScratchDirectory scratch = ScratchDirectory.create("keel-logs-query")) {
            report.line("# Log queries: keel logs vs Lucene");
            report.line("");
            report.line(String.format(
                    Locale.ROOT,
                    "%,d synthetic entries over 24 h (8 services x 3 environments,"
                            + " 12 message templates); keel on disk (durability NONE while loading, then sealed), Lucene"
                            + " on disk (FSDirectory, one commit); median of %d runs after 3 warm-up runs.",
                    entries,
                    repeats));
            report.line("");
            report.lines(MachineDescription.probe(
                            scratch.path(),
                            InstantSource.system(),
                            List.of("Apache Lucene " + org.apache.lucene.util.Version.LATEST))
                    .markdownLines());
            report.line("- Load average (1 min) at start: " + LogsIngestHarness.loadAverage());
            report.line("");

            LogsOptions options = LogsOptions.builder()
                    .durability(LogsOptions.Durability.NONE)
                    .outOfOrderWindow(Duration.ofDays(2))
                    .build();
            long rawBytes = 0;
            long keelLoad;
            long luceneLoad;
            try (LogAggregator keel = LogAggregator.open(
                            Files.createDirectories(scratch.path().resolve("keel")), options);
                    LuceneLogIndex lucene = new LuceneLogIndex(
                            Files.createDirectories(scratch.path().resolve("lucene")))) {
                SyntheticLogs data = new SyntheticLogs(42, START, SPAN, entries);
                List<LogEntry> batch = new ArrayList<>(10_000);
                long keelNanos = 0;
                long luceneNanos = 0;
                for (long i = 0; i < entries; i++) {
                    LogEntry entry = data.next();
                    rawBytes += entry.message().length() + entry.source().length() + 40;
                    batch.add(entry);
                    if (batch.size() == 10_000 || i == entries - 1) {
                        long t0 = ticker.read();
                        keel.ingestAll(batch);
                        long t1 = ticker.read();
                        for (LogEntry each : batch) {
                            lucene.add(each);
                        }
                        long t2 = ticker.read();
                        keelNanos += t1 - t0;
                        luceneNanos += t2 - t1;
                        batch.clear();
                        if (i % 500_000 < 10_000) {
                            report.progress("loaded " + (i + 1));
                        }
                    }
                }
                long t0 = ticker.read();
                keel.flush();
                long t1 = ticker.read();
                lucene.commit();
                long t2 = ticker.read();
                keelLoad = keelNanos + (t1 - t0);
                luceneLoad = luceneNanos + (t2 - t1);
                LogsStats stats = keel.stats();
                MarkdownTable load =
                        new MarkdownTable(1, "engine", "load (s)", "entries/s", "bytes at rest", "raw bytes / at rest");
                load.row(
                        "keel",
                        seconds(keelLoad),
                        rate(entries, keelLoad),
                        String.format("%,d", stats.storedBytes()),
                        String.format(Locale.ROOT, "%.1fx", (double) rawBytes / stats.storedBytes()));
                load.row(
                        "Lucene",
                        seconds(luceneLoad),
                        rate(entries, luceneLoad),
                        String.format("%,d", lucene.sizeOnDisk()),
                        String.format(Locale.ROOT, "%.1fx", (double) rawBytes / lucene.sizeOnDisk()));
                report.line(String.format(
                        Locale.ROOT,
                        "Raw bytes: %,d (message + source + 40 bytes of timestamp,"
                                + " level and label per entry, as a text log line would hold them).",
                        rawBytes));
                report.line("");
                report.lines(load.lines());
                report.line("");

                long from = LogEntry.epochNanosOf(START);
                long to = LogEntry.epochNanosOf(START.plus(SPAN));
                Instant pointStart = START.plus(Duration.ofHours(13)).plusMillis(123);
                long point = LogEntry.epochNanosOf(pointStart);
                MarkdownTable table = new MarkdownTable(
                        1, "query", "keel (ms)", "Lucene (ms)", "keel / Lucene time", "results (keel / Lucene)");
                int runs = repeats;
                row(
                        report,
                        table,
                        "{source=\"api\", env=\"prod\"} |= \"timeout\", newest 1,000",
                        runs,
                        ticker,
                        () -> keel.query(
                                        "{source=\"api\", env=\"prod\"} |= \"timeout\"",
                                        START,
                                        START.plus(SPAN),
                                        1000,
                                        Direction.BACKWARD)
                                .size(),
                        () -> lucene.labelsAndTerm("api", "prod", "timeout", 1000)
                                .size());
                row(
                        report,
                        table,
                        "count_over_time({} [1m]) over 24 h",
                        runs,
                        ticker,
                        () -> ((MetricResult.TimeSeries)
                                        keel.metric("count_over_time({} [1m])", START, START.plus(SPAN)))
                                .total(),
                        () -> Arrays.stream(lucene.histogram(from, to, 60_000_000_000L))
                                .sum());
                row(
                        report,
                        table,
                        "point in time: the entries of one second, oldest 100",
                        runs,
                        ticker,
                        () -> keel.query("{}", pointStart, pointStart.plusSeconds(1), 100, Direction.FORWARD)
                                .size(),
                        () -> lucene.range(point, point + 1_000_000_000L, 100).size());
                report.lines(table.lines());
                report.line("");
                report.line("- Load average (1 min) at end: " + LogsIngestHarness.loadAverage());
            }
        }
    }

    private static void row(
            Report report, MarkdownTable table, String name, int runs, Ticker ticker, Timed keel, Timed lucene)
            throws Exception {
        report.progress(name);
        double[] keelMillis = time(keel, runs, ticker);
        double[] luceneMillis = time(lucene, runs, ticker);
        Object keelResult = keel.run();
        Object luceneResult = lucene.run();
        double k = median(keelMillis);
        double l = median(luceneMillis);
        table.row(
                name,
                String.format(Locale.ROOT, "%.2f", k),
                String.format(Locale.ROOT, "%.2f", l),
                String.format(Locale.ROOT, "%.2fx", k / l),
                keelResult + " / " + luceneResult);
    }

    private static double[] time(Timed work, int runs, Ticker ticker) throws Exception {
        for (int i = 0; i < 3; i++) {
            work.run();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = ticker.read();
            work.run();
            millis[i] = (ticker.read() - t0) / 1e6;
        }
        return millis;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private static String rate(long entries, long nanos) {
        return String.format(Locale.ROOT, "%,.0f", entries / (nanos / 1e9));
    }
}
