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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * Compression at rest: how many bytes of log text one byte of sealed blocks holds, on the query harness's synthetic
 * corpus (rendered as the text lines a file logger would write: RFC 3339 time, level, source, labels, message) and
 * on real log files of this machine (each line one entry, as {@code keel logs ingest} reads plain text). For
 * reference, the same text compressed as one DEFLATE stream at level 6 (what {@code gzip -6} does) in the same run.
 * Bytes at rest are the block files (headers with the trigram filters included); the log is empty after the flush.
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.logs.LogsCompressionHarness --entries 1000000 --out
 * bench/results/logs-compression.md} (real files: {@code --files a.log,b.log}; default: dpkg, alternatives and apt
 * logs under /var/log when present).
 */
public final class LogsCompressionHarness {

    private static final Instant START = Instant.parse("2026-11-27T00:00:00Z");
    private static final List<String> DEFAULT_FILES = List.of(
            "/var/log/dpkg.log", "/var/log/alternatives.log", "/var/log/apt/history.log", "/var/log/apt/term.log");

    private LogsCompressionHarness() {}

    public static void main(String[] args) throws Exception {
        long entries = 1_000_000;
        List<Path> files = new ArrayList<>();
        for (String file : DEFAULT_FILES) {
            if (Files.isReadable(Path.of(file))) {
                files.add(Path.of(file));
            }
        }
        Optional<Path> out = Optional.empty();
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--entries" -> entries = Long.parseLong(args[i + 1]);
                case "--files" ->
                    files = List.of(args[i + 1].split(",")).stream()
                            .map(Path::of)
                            .toList();
                case "--out" -> out = Optional.of(Path.of(args[i + 1]));
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + args[i] + " (expected --entries N, --files A,B, --out FILE)");
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
                    1, "corpus", "entries", "text bytes", "keel at rest", "keel ratio", "DEFLATE-6", "DEFLATE-6 ratio");
            SyntheticLogs synthetic = new SyntheticLogs(42, START, Duration.ofHours(24), entries);
            List<String> lines = new ArrayList<>();
            Measurement measured = measure(scratch.path().resolve("synthetic"), entries, i -> {
                LogEntry entry = synthetic.next();
                lines.add(entry.timestamp() + " " + entry.level() + " " + entry.source() + " env="
                        + entry.labels().get("env") + " " + entry.message());
                return entry;
            });
            table.row(row("synthetic (query harness's data)", measured, lines));
            report.progress("synthetic done");
            lines.clear();
            if (!files.isEmpty()) {
                List<String> text = new ArrayList<>();
                for (Path file : files) {
                    text.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                }
                Measurement real = measure(
                        scratch.path().resolve("real"),
                        text.size(),
                        i -> new LogEntry(START.plusMillis(i), LogLevel.INFO, "file", text.get((int) i)));
                table.row(row("real: " + files.stream().map(Path::toString).toList(), real, text));
            }
            report.lines(table.lines());
            report.line("");
            report.line("- Load average (1 min) at end: " + LogsIngestHarness.loadAverage());
        }
    }

    @FunctionalInterface
    private interface EntrySource {
        LogEntry entry(long index);
    }

    private record Measurement(long entries, long storedBytes) {}

    private static Measurement measure(Path dir, long count, EntrySource source) throws IOException {
        LogsOptions options = LogsOptions.builder()
                .durability(LogsOptions.Durability.NONE)
                .outOfOrderWindow(Duration.ofDays(2))
                .build();
        try (LogAggregator keel = LogAggregator.open(Files.createDirectories(dir), options)) {
            List<LogEntry> batch = new ArrayList<>(10_000);
            for (long i = 0; i < count; i++) {
                batch.add(source.entry(i));
                if (batch.size() == 10_000 || i == count - 1) {
                    keel.ingestAll(batch);
                    batch.clear();
                }
            }
            keel.flush();
            LogsStats stats = keel.stats();
            return new Measurement(stats.sealedEntries(), stats.storedBytes());
        }
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
            String.format(Locale.ROOT, "%.1fx", (double) textBytes / deflated)
        };
    }
}
