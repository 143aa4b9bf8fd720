package dev.keel.bench.logs;

import dev.keel.bench.MachineDescription;
import dev.keel.bench.MarkdownTable;
import dev.keel.bench.Report;
import dev.keel.bench.ScratchDirectory;
import dev.keel.logs.LogAggregator;
import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import dev.keel.logs.LogsOptions;
import dev.keel.logs.LogsStats;
import dev.keel.time.Ticker;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.Deflater;

/**
 * Compression at rest: how many bytes of log text one byte of sealed blocks holds, on the query harness's synthetic
 * corpus (rendered as the text lines a file logger would write: RFC 3339 time, level, source, labels, message) and
 * on corpora of real log files, each twice: every line one entry of one stream with timestamps 1 ms apart (a shipper
 * that carries regular times), and <em>as ingested</em>: as {@code keel logs ingest FILE...} stores plain text, a
 * stream per file and each line stamped with its arrival time in nanoseconds (the 8x goal is about this row). For reference,
 * the same text compressed as one DEFLATE stream at level 6 (what {@code gzip -6} does) in the same run. Bytes at
 * rest are the block files (headers with the trigram filters included); the log is empty after the flush.
 *
 * <p>What the compression costs is measured too, as CPU time: of this process (all threads, so the sealer's) for
 * ingesting and sealing the corpus (after an untimed pass, so that the JIT compiler's work is mostly done; small
 * corpora repeated to {@value #MIN_TIMED_ENTRIES} entries), and of the querying thread for a full read-back from a freshly opened store (every block read, checked, decompressed and decoded), and a lookup of a
 * short time range (about four entries: each block that holds it reads its file and decompresses one page).
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.logs.LogsCompressionHarness --entries 1000000 --out
 * bench/results/logs-compression.md}. Real corpora: {@code --corpus NAME=a.log,b.log}, repeatable (default: one
 * corpus of this machine's dpkg, alternatives and apt logs under /var/log, when present);
 * {@code bench/scripts/logs-corpora.sh} makes more (apt's solver log, the kernel's, PostgreSQL's and Redis's).
 */
public final class LogsCompressionHarness {

    private static final Instant START = Instant.parse("2026-11-27T00:00:00Z");
    private static final int LOOKUPS = 200;
    private static final long MIN_TIMED_ENTRIES = 200_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<String> DEFAULT_FILES = List.of(
            "/var/log/dpkg.log", "/var/log/alternatives.log", "/var/log/apt/history.log", "/var/log/apt/term.log");

    private LogsCompressionHarness() {}

    public static void main(String[] args) throws Exception {
        long entries = 1_000_000;
        Map<String, List<Path>> corpora = new LinkedHashMap<>();
        Optional<Path> out = Optional.empty();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--entries" -> entries = Long.parseLong(args[i + 1]);
                case "--files" -> corpora.put("real", paths(args[i + 1]));
                case "--corpus" -> {
                    String[] parts = args[i + 1].split("=", 2);
                    if (parts.length != 2 || parts[0].isEmpty()) {
                        throw new IllegalArgumentException(
                                "--corpus " + args[i + 1] + " (expected: NAME=FILE[,FILE...])");
                    }
                    corpora.put(parts[0], paths(parts[1]));
                }
                case "--out" -> out = Optional.of(Path.of(args[i + 1]));
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + " (expected --entries N, --corpus NAME=A,B, --files A,B, --out FILE)");
            }
        }
        if (corpora.isEmpty()) {
            List<Path> present = DEFAULT_FILES.stream()
                    .map(Path::of)
                    .filter(Files::isReadable)
                    .toList();
            if (!present.isEmpty()) {
                corpora.put("dpkg+apt", present);
            }
        }
        Ticker ticker = Ticker.system();
        try (Report report = Report.toStandardStreams("LogsCompressionHarness", out, ticker);
                ScratchDirectory scratch = ScratchDirectory.create("keel-logs-compression")) {
            report.line("# Log compression at rest: keel's sealed blocks vs DEFLATE-6 of the same text");
            report.line("");
            report.lines(MachineDescription.probe(scratch.path(), InstantSource.system(), List.of())
                    .markdownLines());
            report.line("- Load average (1 min) at start: " + LogsIngestHarness.loadAverage());
            report.line("");
            MarkdownTable table = new MarkdownTable(
                    1,
                    "corpus",
                    "entries",
                    "text bytes",
                    "keel at rest",
                    "keel ratio",
                    "DEFLATE-6",
                    "DEFLATE-6 ratio",
                    "ingest+seal CPU µs/entry",
                    "read-back CPU µs/entry",
                    "lookup CPU µs");
            SyntheticLogs synthetic = new SyntheticLogs(42, START, Duration.ofHours(24), entries);
            List<LogEntry> generated = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (long i = 0; i < entries; i++) {
                LogEntry entry = synthetic.next();
                generated.add(entry);
                lines.add(entry.timestamp() + " " + entry.level() + " " + entry.source() + " env="
                        + entry.labels().get("env") + " " + entry.message());
            }
            Measurement measured = measure(scratch.path().resolve("synthetic"), generated);
            table.row(row("synthetic (query harness's data)", measured, lines));
            report.progress("synthetic done");
            generated.clear();
            lines.clear();
            for (Map.Entry<String, List<Path>> corpus : corpora.entrySet()) {
                List<String> text = new ArrayList<>();
                for (Path file : corpus.getValue()) {
                    text.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                }
                List<LogEntry> real = new ArrayList<>(text.size());
                for (int i = 0; i < text.size(); i++) {
                    real.add(new LogEntry(START.plusMillis(i), LogLevel.INFO, "file", text.get(i)));
                }
                Measurement measuredReal = measure(scratch.path().resolve(corpus.getKey()), real);
                table.row(row(corpus.getKey() + ": " + corpus.getValue(), measuredReal, text));
                List<LogEntry> asIngested =
                        asIngested(scratch.path().resolve(corpus.getKey() + "-stamping"), corpus.getValue());
                Measurement measuredAsIngested =
                        measure(scratch.path().resolve(corpus.getKey() + "-as-ingested"), asIngested);
                table.row(row(
                        corpus.getKey() + " as ingested (a stream per file, arrival times)", measuredAsIngested, text));
                report.progress(corpus.getKey() + " done");
            }
            report.lines(table.lines());
            report.line("");
            report.line("- Load average (1 min) at end: " + LogsIngestHarness.loadAverage());
        }
    }

    /**
     * The entries {@code keel logs ingest FILE...} makes of plain-text {@code files}: each file its own stream (source:
     * its name without the extension), each line stamped with the time it is read ({@code Instant.now()}, nanoseconds)
     * and ingested in batches of 2,000 as the command does (into {@code dir}, so that the stamps are spaced as the
     * command's are), level INFO.
     */
    private static List<LogEntry> asIngested(Path dir, List<Path> files) throws IOException {
        List<LogEntry> entries = new ArrayList<>();
        try (LogAggregator keel = LogAggregator.open(Files.createDirectories(dir), options())) {
            for (Path file : files) {
                String source = file.getFileName().toString().replaceAll("\\.[A-Za-z0-9]+$", "");
                List<LogEntry> batch = new ArrayList<>(2_000);
                try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (line.isBlank()) {
                            continue;
                        }
                        batch.add(new LogEntry(Instant.now(), LogLevel.INFO, source, line));
                        if (batch.size() == 2_000) {
                            keel.ingestAll(batch);
                            entries.addAll(batch);
                            batch.clear();
                        }
                    }
                }
                keel.ingestAll(batch);
                entries.addAll(batch);
            }
        }
        return entries;
    }

    private static List<Path> paths(String commaSeparated) {
        return List.of(commaSeparated.split(",")).stream().map(Path::of).toList();
    }

    private record Measurement(
            long entries, long storedBytes, long ingestCpuNanos, long readCpuNanos, long lookupCpuNanos) {}

    /**
     * Ingests {@code entries} twice (the second pass is the one timed), then, each in a freshly opened store, looks up
     * {@value #LOOKUPS} short time ranges (about four entries each; after as many untimed ones) and reads everything
     * back once.
     */
    private static Measurement measure(Path dir, List<LogEntry> entries) throws IOException {
        ingest(dir.resolve("warm-up"), entries);
        // Small corpora are ingested several times over (process CPU time is counted in clock ticks).
        int passes = (int) Math.max(1, MIN_TIMED_ENTRIES / entries.size());
        long cpu = processCpuNanos();
        for (int pass = 1; pass < passes; pass++) {
            ingest(dir.resolve("pass-" + pass), entries);
        }
        LogsStats stats = ingest(dir.resolve("measured"), entries);
        long ingestCpu = (processCpuNanos() - cpu) / passes;
        long lookupCpu;
        try (LogAggregator keel = LogAggregator.open(dir.resolve("measured"), options())) {
            long first = entries.getFirst().epochNanos();
            long span = entries.getLast().epochNanos() - first;
            long window = Math.max(1, 4 * span / entries.size());
            Random random = new Random(42);
            long found = 0;
            long before = 0;
            for (int i = 0; i < 2 * LOOKUPS; i++) {
                if (i == LOOKUPS) {
                    before = THREADS.getCurrentThreadCpuTime();
                }
                long at = first + (long) (random.nextDouble() * span);
                found += keel.queryTimeRange(LogEntry.instantOf(at), LogEntry.instantOf(at + window))
                        .size();
            }
            lookupCpu = (THREADS.getCurrentThreadCpuTime() - before) / LOOKUPS;
            if (found == 0) {
                throw new IllegalStateException("no lookup found an entry");
            }
        }
        long readCpu;
        try (LogAggregator keel = LogAggregator.open(dir.resolve("measured"), options())) {
            long before = THREADS.getCurrentThreadCpuTime();
            int read = keel.queryTimeRange(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                    .size();
            readCpu = THREADS.getCurrentThreadCpuTime() - before;
            if (read != entries.size()) {
                throw new IllegalStateException("read back " + read + " entries of " + entries.size());
            }
        }
        return new Measurement(stats.sealedEntries(), stats.storedBytes(), ingestCpu, readCpu, lookupCpu);
    }

    private static LogsStats ingest(Path dir, List<LogEntry> entries) throws IOException {
        try (LogAggregator keel = LogAggregator.open(Files.createDirectories(dir), options())) {
            for (int from = 0; from < entries.size(); from += 10_000) {
                keel.ingestAll(entries.subList(from, Math.min(entries.size(), from + 10_000)));
            }
            keel.flush();
            return keel.stats();
        }
    }

    private static LogsOptions options() {
        return LogsOptions.builder()
                .durability(LogsOptions.Durability.NONE)
                .outOfOrderWindow(Duration.ofDays(2))
                .build();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String[] row(String corpus, Measurement measured, List<String> lines) {
        long textBytes = 0;
        Deflater deflater = new Deflater(6, true);
        long deflated = 0;
        byte[] buffer = new byte[1 << 16];
        try {
            for (String line : lines) {
                byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
                textBytes += bytes.length;
                deflater.setInput(bytes);
                while (!deflater.needsInput()) {
                    deflated += deflater.deflate(buffer);
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                deflated += deflater.deflate(buffer);
            }
        } finally {
            deflater.end();
        }
        return new String[] {
            corpus,
            String.format(Locale.ROOT, "%,d", measured.entries()),
            String.format(Locale.ROOT, "%,d", textBytes),
            String.format(Locale.ROOT, "%,d", measured.storedBytes()),
            String.format(Locale.ROOT, "%.1fx", (double) textBytes / measured.storedBytes()),
            String.format(Locale.ROOT, "%,d", deflated),
            String.format(Locale.ROOT, "%.1fx", (double) textBytes / deflated),
            String.format(Locale.ROOT, "%.2f", measured.ingestCpuNanos() / 1e3 / measured.entries()),
            String.format(Locale.ROOT, "%.2f", measured.readCpuNanos() / 1e3 / measured.entries()),
            String.format(Locale.ROOT, "%.0f", measured.lookupCpuNanos() / 1e3)
        };
    }
}
