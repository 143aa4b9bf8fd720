package dev.keel.bench.storage;

import dev.keel.bench.MachineDescription;
import dev.keel.bench.MarkdownTable;
import dev.keel.bench.Report;
import dev.keel.bench.ScratchDirectory;
import dev.keel.bench.storage.HarnessOptions.Section;
import dev.keel.storage.SyncPolicy;
import dev.keel.time.Ticker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How fast keel's write-ahead log appends on this machine, against the disk's own limit and against RocksDB's WAL,
 * in one run (issue #3). Four sections, each a markdown table:
 *
 * <ol>
 *   <li><b>fsync floor</b>: {@code FileChannel.force(false)} after one 4 KiB write, one thread ({@link FsyncFloor}).
 *       Under {@code SyncPolicy.ALWAYS} no append can be faster than one force, so this calibrates everything else.
 *   <li><b>keel append</b>: threads &times; policy (ALWAYS, INTERVAL(10ms), NONE) &times; payload (100 B, 4 KiB);
 *       appends/s, p50/p99 per append, records per force from the log's own counters, and for ALWAYS the fraction of
 *       the ceiling that group commit allows (threads / p50 force: every force carrying every waiting appender).
 *   <li><b>RocksDB put</b> with its WAL synced, the same threads and payloads, next to keel under ALWAYS.
 *   <li><b>batches of 100</b>: keel's {@code appendBatch} against RocksDB's {@code WriteBatch}, both synced.
 * </ol>
 *
 * <p>How the measurement is designed, and why: each combination gets a fresh directory (deleted after, which also
 * drops any unwritten page cache so one run's write-back does not land in the next) and its own warm-up; N named
 * platform threads record per-call latency into their own HdrHistograms, merged after they are joined
 * ({@link LoadRunner}). The harness is a main class rather than JMH because the question is throughput and latency
 * percentiles of many threads blocked in fsync at once, and it prints the machine (device, file system, write cache)
 * because an fsync number means nothing without it. Runs go one at a time: on a 2-core machine two benchmark
 * processes would measure each other.
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.storage.WalAppendHarness} (5 s per combination after a 1 s warm-up,
 * about 5 minutes), or with {@code --quick} for a smoke run; {@code --help} lists the options. Results:
 * {@code bench/results/storage-wal-append.md}.
 */
public final class WalAppendHarness {

    static final List<Integer> PAYLOAD_SIZES = List.of(100, 4096);
    static final int BATCH_SIZE = 100;
    static final Duration INTERVAL = Duration.ofMillis(10);
    static final List<SyncPolicy> POLICIES = List.of(SyncPolicy.ALWAYS, SyncPolicy.interval(INTERVAL), SyncPolicy.NONE);

    private final HarnessOptions options;
    private final Report report;
    private final Ticker ticker;
    private final InstantSource clock;
    private final int planned;
    private int done;

    WalAppendHarness(HarnessOptions options, Report report, Ticker ticker, InstantSource clock) {
        this.options = options;
        this.report = report;
        this.ticker = ticker;
        this.clock = clock;
        this.planned = plannedRuns(options);
    }

    public static void main(String[] args) {
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (HarnessOptions.UsageException e) {
            System.err.println("WalAppendHarness: " + e.getMessage());
            System.err.print(HarnessOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(HarnessOptions.USAGE);
            System.exit(0);
        }
        int code;
        try (Report report = Report.toStandardStreams("WalAppendHarness", options.out(), Ticker.system())) {
            code = new WalAppendHarness(options, report, Ticker.system(), InstantSource.system()).run();
        } catch (IOException e) {
            System.err.println("WalAppendHarness: cannot write the report: " + e);
            code = 1;
        }
        System.exit(code);
    }

    /** Runs every chosen section; returns the exit code (0, or 1 after a failure, which is reported). */
    int run() throws IOException {
        Path parent = options.directory().orElse(Path.of(System.getProperty("java.io.tmpdir")));
        try (ScratchDirectory root = ScratchDirectory.create(parent, "keel-wal-bench-")) {
            header(root.path());
            LoadRunner runner =
                    new LoadRunner(options.warmup(), options.measurement(), ticker, options.virtualThreads());
            FsyncFloor.@Nullable Result floor = null;
            if (options.sections().contains(Section.FSYNC)) {
                floor = fsyncSection(root.path());
            }
            Map<Combination, KeelWalPeer.Run> keel = Map.of();
            KeelWalPeer keelPeer = new KeelWalPeer(runner, root.path());
            if (options.sections().contains(Section.KEEL)) {
                keel = keelSection(keelPeer, floor);
            }
            RocksDbPeer rocksdb = new RocksDbPeer(runner, root.path());
            if (options.sections().contains(Section.ROCKSDB)) {
                rocksdbSection(rocksdb, keel);
            }
            if (options.sections().contains(Section.BATCH)) {
                batchSection(keelPeer, rocksdb);
            }
            report.progress("done: " + done + " runs");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.failure("interrupted", e);
            return 1;
        } catch (Exception e) {
            report.failure("run " + (done + 1) + " of " + planned + " failed", e);
            return 1;
        }
    }

    private void header(Path directory) throws IOException {
        MachineDescription machine = MachineDescription.probe(
                directory, clock, List.of("RocksDB: " + RocksDbPeer.version() + " (rocksdbjni)"));
        report.line("# keel write-ahead log: append throughput and latency");
        report.line("");
        report.line("Command: `" + commandLine() + "`");
        report.line("");
        report.line(
                "JVM command: `" + ProcessHandle.current().info().commandLine().orElse("unknown") + "`");
        report.line("");
        report.lines(machine.markdownLines());
        report.line("- Directory: " + directory + " (a fresh subdirectory per run, deleted after it)");
        report.line("- Each run: " + seconds(options.warmup()) + " warm-up, then " + seconds(options.measurement())
                + " measured; threads " + options.threads() + " (" + (options.virtualThreads() ? "virtual" : "platform")
                + "); one run at a time");
        report.progress(planned + " runs planned, about "
                + seconds(options.warmup().plus(options.measurement()).multipliedBy(planned)) + " plus setup");
    }

    private FsyncFloor.Result fsyncSection(Path directory) throws IOException {
        FsyncFloor floor = new FsyncFloor(options.warmup(), options.measurement(), ticker);
        MarkdownTable table =
                new MarkdownTable(1, "write before each force", "forces", "forces/s", "p50 µs", "p99 µs", "max µs");
        FsyncFloor.Result append = null;
        for (FsyncFloor.Shape shape : FsyncFloor.Shape.values()) {
            starting("fsync floor, " + shape.label());
            FsyncFloor.Result result = floor.measure(directory, shape);
            finished(String.format(
                    Locale.ROOT,
                    "%,d forces/s, p50 %s µs",
                    result.forcesPerSecond(),
                    result.latency().p50Micros()));
            if (shape == FsyncFloor.Shape.APPEND) {
                append = result;
            }
            table.row(
                    shape.label(),
                    count(result.forces()),
                    count(result.forcesPerSecond()),
                    result.latency().p50Micros(),
                    result.latency().p99Micros(),
                    result.latency().maxMicros());
        }
        section(
                "Disk fsync floor: FileChannel.force(false) after one positional 4 KiB write, 1 thread",
                table,
                "Only the force is timed. A log appends, so the append row is its floor: every force also commits"
                        + " the new file size.");
        return Objects.requireNonNull(append);
    }

    private Map<Combination, KeelWalPeer.Run> keelSection(KeelWalPeer peer, FsyncFloor.@Nullable Result floor)
            throws Exception {
        MarkdownTable table = new MarkdownTable(
                2,
                "policy",
                "payload",
                "threads",
                "appends/s",
                "p50 µs",
                "p99 µs",
                "records/force",
                "fsync ceiling/s",
                "of ceiling");
        Map<Combination, KeelWalPeer.Run> runs = new HashMap<>();
        for (SyncPolicy policy : POLICIES) {
            for (int payload : PAYLOAD_SIZES) {
                for (int threads : options.threads()) {
                    starting("keel append " + label(policy) + ", " + RecordBytes.sizeLabel(payload) + ", " + threads
                            + " threads");
                    KeelWalPeer.Run run = peer.append(policy, payload, threads);
                    finished(summary(run.load(), "appends"));
                    runs.put(new Combination(policy, payload, threads), run);
                    String ceiling = "—";
                    String ofCeiling = "—";
                    if (policy instanceof SyncPolicy.Always
                            && floor != null
                            && floor.latency().p50Nanos() > 0) {
                        double perSecond = threads * 1e9 / floor.latency().p50Nanos();
                        ceiling = count(Math.round(perSecond));
                        ofCeiling = ratio(run.load().callsPerSecond() / perSecond);
                    }
                    table.row(
                            label(policy),
                            RecordBytes.sizeLabel(payload),
                            Integer.toString(threads),
                            count(run.load().callsPerSecond()),
                            run.load().latency().p50Micros(),
                            run.load().latency().p99Micros(),
                            recordsPerForce(run),
                            ceiling,
                            ofCeiling);
                }
            }
        }
        section(
                "keel WriteAheadLog.append, one record per call",
                table,
                "records/force: the log's WalStats over the measured window (group commit under ALWAYS; background"
                        + " forces under INTERVAL; none under NONE). fsync ceiling/s = threads / p50 of the append"
                        + " fsync floor: every force carrying every waiting appender.");
        return runs;
    }

    private void rocksdbSection(RocksDbPeer peer, Map<Combination, KeelWalPeer.Run> keel) throws Exception {
        MarkdownTable table = new MarkdownTable(
                1,
                "value",
                "threads",
                "RocksDB puts/s",
                "p50 µs",
                "p99 µs",
                "keel appends/s",
                "p50 µs",
                "p99 µs",
                "keel/RocksDB");
        for (int payload : PAYLOAD_SIZES) {
            for (int threads : options.threads()) {
                starting("RocksDB put sync, " + RecordBytes.sizeLabel(payload) + ", " + threads + " threads");
                LoadResult rocks = peer.put(payload, threads);
                finished(summary(rocks, "puts"));
                KeelWalPeer.Run ours = keel.get(new Combination(SyncPolicy.ALWAYS, payload, threads));
                table.row(
                        RecordBytes.sizeLabel(payload),
                        Integer.toString(threads),
                        count(rocks.callsPerSecond()),
                        rocks.latency().p50Micros(),
                        rocks.latency().p99Micros(),
                        ours == null ? "not run" : count(ours.load().callsPerSecond()),
                        ours == null ? "—" : ours.load().latency().p50Micros(),
                        ours == null ? "—" : ours.load().latency().p99Micros(),
                        ours == null ? "—" : ratio((double) ours.load().callsPerSecond() / rocks.callsPerSecond()));
            }
        }
        section(
                "RocksDB put (WAL on, sync=true) next to keel append (ALWAYS)",
                table,
                "RocksDB keys are 16 bytes, unique per put, and the value is the payload size; keel's numbers are"
                        + " the ALWAYS rows of the table above.");
    }

    private void batchSection(KeelWalPeer keelPeer, RocksDbPeer rocksdb) throws Exception {
        MarkdownTable table = new MarkdownTable(
                1,
                "value",
                "threads",
                "keel records/s",
                "batch p50 µs",
                "batch p99 µs",
                "records/force",
                "RocksDB records/s",
                "batch p50 µs",
                "batch p99 µs",
                "keel/RocksDB");
        for (int payload : PAYLOAD_SIZES) {
            for (int threads : options.threads()) {
                String what = BATCH_SIZE + " x " + RecordBytes.sizeLabel(payload) + ", " + threads + " threads";
                starting("keel appendBatch ALWAYS, " + what);
                KeelWalPeer.Run ours = keelPeer.appendBatch(SyncPolicy.ALWAYS, payload, BATCH_SIZE, threads);
                finished(summary(ours.load(), "records"));
                starting("RocksDB WriteBatch sync, " + what);
                LoadResult rocks = rocksdb.writeBatch(payload, BATCH_SIZE, threads);
                finished(summary(rocks, "records"));
                table.row(
                        RecordBytes.sizeLabel(payload),
                        Integer.toString(threads),
                        count(ours.load().recordsPerSecond()),
                        ours.load().latency().p50Micros(),
                        ours.load().latency().p99Micros(),
                        recordsPerForce(ours),
                        count(rocks.recordsPerSecond()),
                        rocks.latency().p50Micros(),
                        rocks.latency().p99Micros(),
                        ratio((double) ours.load().recordsPerSecond() / rocks.recordsPerSecond()));
            }
        }
        section(
                "Batches of " + BATCH_SIZE + " records: keel appendBatch (ALWAYS) vs RocksDB WriteBatch (sync=true)",
                table,
                "Latency is per batch call; records/s counts every record of every batch.");
    }

    /** One keel run's coordinates in the matrix. */
    private record Combination(SyncPolicy policy, int payload, int threads) {}

    private void section(String title, MarkdownTable table, String note) throws IOException {
        report.line("");
        report.line("## " + title);
        report.line("");
        report.lines(table.lines());
        report.line("");
        report.line(note);
    }

    private void starting(String what) {
        report.progress(String.format(Locale.ROOT, "%d/%d %s ...", done + 1, planned, what));
    }

    private void finished(String summary) {
        done++;
        report.progress("    " + summary);
    }

    private static String summary(LoadResult result, String unit) {
        return String.format(
                Locale.ROOT,
                "%,d %s/s, p50 %s µs, p99 %s µs",
                result.recordsPerSecond(),
                unit,
                result.latency().p50Micros(),
                result.latency().p99Micros());
    }

    private static String recordsPerForce(KeelWalPeer.Run run) {
        return run.recordsPerForce().isPresent()
                ? String.format(Locale.ROOT, "%.1f", run.recordsPerForce().getAsDouble())
                : "—";
    }

    private static String label(SyncPolicy policy) {
        return switch (policy) {
            case SyncPolicy.Always always -> "ALWAYS";
            case SyncPolicy.Interval(Duration period) -> "INTERVAL(" + period.toMillis() + "ms)";
            case SyncPolicy.None none -> "NONE";
        };
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0
                ? duration.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private String commandLine() {
        String args = options.arguments().stream()
                .map(arg -> arg.matches("[A-Za-z0-9_./,:=@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
        return ("./keel bench run " + WalAppendHarness.class.getName() + " " + args).strip();
    }

    private static int plannedRuns(HarnessOptions options) {
        int threads = options.threads().size();
        int runs = 0;
        for (Section section : options.sections()) {
            runs += switch (section) {
                case FSYNC -> FsyncFloor.Shape.values().length;
                case KEEL -> POLICIES.size() * PAYLOAD_SIZES.size() * threads;
                case ROCKSDB -> PAYLOAD_SIZES.size() * threads;
                case BATCH -> 2 * PAYLOAD_SIZES.size() * threads;
            };
        }
        return runs;
    }
}
