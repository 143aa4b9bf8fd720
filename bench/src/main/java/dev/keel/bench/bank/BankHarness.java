package dev.keel.bench.bank;

import dev.keel.bench.MachineDescription;
import dev.keel.bench.MarkdownTable;
import dev.keel.bench.Report;
import dev.keel.bench.ScratchDirectory;
import dev.keel.time.Ticker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * The ledger's benchmark (issue #7), ours and the peers in one run, each under the same closed-loop load
 * ({@link TransferLoad}): durable single transfers per second with 8 and 64 clients, uniform and hot-account (90% of
 * transfers touch one account), p50/p99; durable batches of 8,000 transfers (independent and linked); and the two
 * concurrency designs side by side: the batching sequencer keel ships against lock ordering
 * ({@link LockOrderingLedger}). Peers: PostgreSQL (a private cluster, {@code synchronous_commit=on}) running the same
 * double-entry transfer through JDBC, {@code pgbench -b tpcb-like} at the same client counts, and SQLite (WAL,
 * {@code synchronous=FULL}) running the same transfer.
 *
 * <p>How it is designed, and why: every target gets a fresh directory (or database) with 10,000 accounts and balances
 * no run exhausts, so every transfer does the full work; each run has its own warm-up; client threads are platform
 * threads, one connection each; the report prints the machine, because an fsync-bound number means nothing without
 * the disk. Everything runs on the same machine as the load generator, so on few cores the generator and the server
 * compete for CPU: the report says how many cores there were.
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.bank.BankHarness [--seconds 4] [--warmup 1] [--clients 8,64]
 * [--sections keel,pipelined,ungathered,overlapped,http,lock,postgres,pgbench,sqlite,batch] [--out FILE]}. The
 * {@code pipelined} section is keel with {@code BankOptions.pipelineDepth(64)}, the {@code ungathered} section keel
 * with {@code BankOptions.commitGather} zero (the default gathers for 50 µs), the {@code overlapped} section keel with
 * {@code BankOptions.forceThreads(2)} ({@code -Dkeel.bank.forceThreads=N} for another count); none is in the default
 * set. The {@code http} section serves the
 * ledger from its own JVM ({@link BankServerProcess}) and drives it over HTTP/1.1 ({@link HttpTarget}), which is what a
 * client of {@code keel bank serve} sees.
 */
public final class BankHarness {

    private static final int ACCOUNTS = 10_000;
    private static final int BATCH = 8_000;

    private final Report report;
    private final TransferLoad load;
    private final List<Integer> clients;
    private final Set<String> sections;
    private final Duration measurement;
    private final Map<String, Long> results = new LinkedHashMap<>();

    private BankHarness(
            Report report, Duration warmup, Duration measurement, List<Integer> clients, Set<String> sections) {
        this.report = report;
        this.load = new TransferLoad(warmup, measurement);
        this.measurement = measurement;
        this.clients = clients;
        this.sections = sections;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                System.err.println("BankHarness: unexpected argument '" + args[i] + "' (expected --option value)");
                System.exit(2);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0) {
            System.err.println("BankHarness: options come in pairs (--seconds 4 --clients 8,64 ...)");
            System.exit(2);
        }
        Duration seconds = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "4")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "1")));
        List<Integer> clients = Arrays.stream(
                        options.getOrDefault("clients", "8,64").split(","))
                .map(Integer::parseInt)
                .toList();
        Set<String> sections = Set.of(options.getOrDefault("sections", "keel,http,lock,postgres,pgbench,sqlite,batch")
                .split(","));
        Optional<Path> out = Optional.ofNullable(options.get("out")).map(Path::of);
        int code;
        try (Report report = Report.toStandardStreams("BankHarness", out, Ticker.system())) {
            code = new BankHarness(report, warmup, seconds, clients, sections).run(String.join(" ", args));
        }
        System.exit(code);
    }

    private int run(String arguments) throws IOException {
        try (ScratchDirectory root = ScratchDirectory.create("keel-bank-bench-")) {
            header(root.path(), arguments);
            List<Callable<TransferTarget>> targets = new ArrayList<>();
            if (sections.contains("keel")) {
                targets.add(() -> new KeelTarget(root.path().resolve("keel-" + System.nanoTime())));
            }
            if (sections.contains("pipelined")) {
                targets.add(() -> KeelTarget.pipelined(root.path().resolve("pipelined-" + System.nanoTime())));
            }
            if (sections.contains("ungathered")) {
                targets.add(() -> KeelTarget.ungathered(root.path().resolve("ungathered-" + System.nanoTime())));
            }
            if (sections.contains("overlapped")) {
                targets.add(() -> KeelTarget.overlapped(root.path().resolve("overlapped-" + System.nanoTime())));
            }
            if (sections.contains("http")) {
                targets.add(() -> new HttpTarget(root.path().resolve("http-" + System.nanoTime())));
            }
            if (sections.contains("lock")) {
                targets.add(() -> new LockOrderingLedger(root.path().resolve("lock-" + System.nanoTime())));
            }
            if (sections.contains("sqlite")) {
                targets.add(() -> new JdbcTarget(
                        "SQLite (WAL, synchronous=FULL)",
                        "jdbc:sqlite:" + root.path().resolve("sqlite-" + System.nanoTime() + ".db"),
                        true));
            }
            PostgresCluster postgres = null;
            try {
                if (sections.contains("postgres") || sections.contains("pgbench")) {
                    postgres = PostgresCluster.start(root.path());
                    report.line("- PostgreSQL: " + postgres.version() + ", private cluster on 127.0.0.1,"
                            + " fsync=on, synchronous_commit=on, shared_buffers=256MB");
                    report.line("");
                }
                if (postgres != null && sections.contains("postgres")) {
                    String url = postgres.jdbcUrl();
                    targets.add(() -> new JdbcTarget("PostgreSQL (JDBC)", url, false));
                }
                singles(targets);
                if (postgres != null && sections.contains("pgbench")) {
                    pgbench(postgres);
                }
            } finally {
                if (postgres != null) {
                    postgres.close();
                }
            }
            if (sections.contains("batch")) {
                batches(root.path());
            }
            goals();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.failure("interrupted", e);
            return 1;
        } catch (Exception e) {
            report.failure("the run failed", e);
            return 1;
        }
    }

    private void header(Path directory, String arguments) throws IOException {
        MachineDescription machine = MachineDescription.probe(directory, InstantSource.system(), List.of());
        report.line("# keel bank: durable transfers against PostgreSQL, pgbench and SQLite");
        report.line("");
        report.line("Command: `./keel bench run dev.keel.bench.bank.BankHarness " + arguments + "`");
        report.line("");
        report.lines(machine.markdownLines());
        report.line("- Cores: " + Runtime.getRuntime().availableProcessors()
                + " (the load generator, the ledger or database server, and anything else on the machine share them)");
        report.line("- " + ACCOUNTS + " accounts; each run: a warm-up, then " + measurement.toSeconds()
                + " s measured; closed loop, one connection per client thread");
        report.line("");
    }

    private void singles(List<Callable<TransferTarget>> targets) throws Exception {
        MarkdownTable table = new MarkdownTable(
                3,
                "target",
                "clients",
                "accounts",
                "transfers/s",
                "p50 µs",
                "p99 µs",
                "refused",
                "JVM CPU µs/transfer",
                "keel-bank threads CPU µs/transfer",
                "of which kernel",
                "JVM context switches/transfer");
        for (Callable<TransferTarget> factory : targets) {
            for (int count : clients) {
                for (boolean hot : new boolean[] {false, true}) {
                    try (TransferTarget target = factory.call()) {
                        target.setUp(ACCOUNTS);
                        report.progress(target.name() + ", " + count + " clients, " + (hot ? "hot" : "uniform"));
                        TransferLoad.Result result = load.run(target, count, ACCOUNTS, hot, "r" + System.nanoTime());
                        results.put(target.name() + "/" + count + "/" + (hot ? "hot" : "uniform"), result.perSecond());
                        table.row(
                                target.name(),
                                String.valueOf(count),
                                hot ? "hot (90% one account)" : "uniform",
                                String.format(Locale.ROOT, "%,d", result.perSecond()),
                                micros(result.p50Nanos()),
                                micros(result.p99Nanos()),
                                String.valueOf(result.refused()),
                                String.format(Locale.ROOT, "%.1f", result.processMicrosPerTransfer()),
                                String.format(Locale.ROOT, "%.1f", result.ledgerMicrosPerTransfer()),
                                String.format(Locale.ROOT, "%.1f", result.ledgerKernelMicrosPerTransfer()),
                                String.format(Locale.ROOT, "%.2f", result.switchesPerTransfer()));
                    }
                }
            }
        }
        report.line("## Durable single transfers");
        report.line("");
        report.lines(table.lines());
        report.line("");
    }

    private void pgbench(PostgresCluster postgres) throws Exception {
        MarkdownTable table = new MarkdownTable(1, "clients", "pgbench -b tpcb-like TPS");
        for (int count : clients) {
            report.progress("pgbench, " + count + " clients");
            double tps = postgres.pgbench(count, (int) measurement.toSeconds());
            results.put("pgbench/" + count, Math.round(tps));
            table.row(String.valueOf(count), String.format(Locale.ROOT, "%,.0f", tps));
        }
        report.line("## pgbench (scale 10, `-j 2 -T " + measurement.toSeconds() + "`)");
        report.line("");
        report.lines(table.lines());
        report.line("");
    }

    private void batches(Path root) throws Exception {
        MarkdownTable table = new MarkdownTable(
                1, "batch of " + BATCH, "transfers/s", "batches", "ms per batch", "JVM CPU µs/transfer");
        CpuMeter cpu = new CpuMeter();
        for (boolean linked : new boolean[] {false, true}) {
            try (KeelTarget keel = new KeelTarget(root.resolve("batch-" + System.nanoTime()))) {
                keel.setUp(ACCOUNTS);
                report.progress("keel batches, " + (linked ? "linked" : "independent"));
                SplittableRandom random = new SplittableRandom(42);
                for (int i = 0; i < 3; i++) {
                    keel.batch("w" + linked + i + "-", BATCH, ACCOUNTS, linked, random);
                }
                CpuMeter.Reading cpuAtStart = cpu.read();
                long start = System.nanoTime();
                long deadline = start + measurement.toNanos();
                long transfers = 0;
                int batches = 0;
                while (System.nanoTime() < deadline) {
                    transfers += keel.batch("b" + batches + "-", BATCH, ACCOUNTS, linked, random);
                    batches++;
                }
                long elapsed = System.nanoTime() - start;
                long cpuNanos = cpu.read().minus(cpuAtStart).processNanos();
                long perSecond = Math.round(transfers * 1e9 / elapsed);
                results.put("batch/" + (linked ? "linked" : "independent"), perSecond);
                table.row(
                        linked ? "linked chain" : "independent",
                        String.format(Locale.ROOT, "%,d", perSecond),
                        String.valueOf(batches),
                        String.format(Locale.ROOT, "%.1f", elapsed / 1e6 / batches),
                        String.format(Locale.ROOT, "%.2f", transfers == 0 ? 0 : cpuNanos / 1e3 / transfers));
            }
        }
        report.line("## Durable batches (keel, one client, one request per batch)");
        report.line("");
        report.lines(table.lines());
        report.line("");
    }

    private void goals() throws IOException {
        report.line("## Against the issue's goals");
        report.line("");
        ratio(
                "single durable transfers at 8 clients, keel / PostgreSQL (goal >= 5x)",
                "keel (sequencer)/8/uniform",
                "PostgreSQL (JDBC)/8/uniform");
        ratio(
                "batched transfers, keel independent batches / pgbench TPS at 8 clients (goal >= 100x)",
                "batch/independent",
                "pgbench/8");
        for (int count : clients) {
            ratio(
                    "hot / uniform, keel at " + count + " clients (goal >= 0.9x)",
                    "keel (sequencer)/" + count + "/hot",
                    "keel (sequencer)/" + count + "/uniform");
            ratio(
                    "sequencer / lock ordering, hot, " + count + " clients",
                    "keel (sequencer)/" + count + "/hot",
                    "keel (lock ordering)/" + count + "/hot");
            ratio(
                    "sequencer / lock ordering, uniform, " + count + " clients",
                    "keel (sequencer)/" + count + "/uniform",
                    "keel (lock ordering)/" + count + "/uniform");
            for (String accounts : List.of("uniform", "hot")) {
                ratio(
                        "pipelined / unpipelined commits, " + accounts + ", " + count + " clients",
                        "keel (sequencer, pipelined)/" + count + "/" + accounts,
                        "keel (sequencer)/" + count + "/" + accounts);
                ratio(
                        "gathered (default) / ungathered batches, " + accounts + ", " + count + " clients",
                        "keel (sequencer)/" + count + "/" + accounts,
                        "keel (sequencer, no gather)/" + count + "/" + accounts);
                ratio(
                        "overlapping / inline forces, " + accounts + ", " + count + " clients",
                        "keel (sequencer, overlapping forces)/" + count + "/" + accounts,
                        "keel (sequencer)/" + count + "/" + accounts);
            }
        }
        ratio(
                "single durable transfers at 8 clients without the gather wait, keel / PostgreSQL",
                "keel (sequencer, no gather)/8/uniform",
                "PostgreSQL (JDBC)/8/uniform");
        ratio(
                "single durable transfers at 8 clients with overlapping forces, keel / PostgreSQL",
                "keel (sequencer, overlapping forces)/8/uniform",
                "PostgreSQL (JDBC)/8/uniform");
    }

    private void ratio(String what, String numerator, String denominator) throws IOException {
        Long top = results.get(numerator);
        Long bottom = results.get(denominator);
        if (top != null && bottom != null && bottom > 0) {
            report.line(
                    String.format(Locale.ROOT, "- %s: %.2fx (%,d / %,d)", what, (double) top / bottom, top, bottom));
        }
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%,.0f", nanos / 1e3);
    }
}
