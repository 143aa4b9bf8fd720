package dev.keel.bench.kv;

import dev.keel.bench.MachineDescription;
import dev.keel.bench.MarkdownTable;
import dev.keel.bench.Report;
import dev.keel.bench.ScratchDirectory;
import dev.keel.kv.KeyValueStore;
import dev.keel.kv.KvOptions;
import dev.keel.kv.server.KvServer;
import dev.keel.kv.server.KvServerOptions;
import dev.keel.storage.SyncPolicy;
import dev.keel.time.Ticker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How keel's Redis-protocol server compares with Redis itself under the same load, in one run: keel's
 * {@link KvServer} and Debian's redis-server, each loaded by redis-benchmark. Two workloads, each a markdown table row
 * per command (the goals, for reference: at least 0.8&times; Redis's throughput without persistence, at least
 * 1.0&times; with an fsync on every write):
 *
 * <ol>
 *   <li><b>no persistence</b>: {@code redis-benchmark -t set,get -n N -r 100000 -c 50 -P 16} against keel under
 *       {@link SyncPolicy#NONE} ({@code keel kv serve --fsync no}) and redis-server with {@code --save ''
 *       --appendonly no}.
 *   <li><b>fsync on every write</b>: {@code redis-benchmark -t set -n M -r 100000 -c 50 -P 1} against keel under
 *       {@link SyncPolicy#ALWAYS} and redis-server with {@code --appendonly yes --appendfsync always}.
 * </ol>
 *
 * <p>How the measurement is designed, and why: the load generator is redis-benchmark in a separate process (the
 * conventions' rule for servers), the same binary and arguments against both servers, with {@code --csv} for
 * throughput and its p50/p99 latency. redis-server is a child process on a free port of 127.0.0.1; keel's server runs
 * <em>in this JVM</em> on an ephemeral port of 127.0.0.1. In-process, because during a measurement this JVM does
 * nothing but wait for redis-benchmark to exit, so the server has the JVM to itself just as a {@code keel kv serve}
 * process would; a child JVM would only add a second JVM's start-up and the risk of orphaned processes, not a fairer
 * number. Both servers get a fresh scratch directory per workload (deleted after), both are warmed up with one
 * unrecorded run of the same command (keel's JIT needs it; Redis loses nothing by it), then measured in {@code
 * --rounds} rounds that alternate which server goes first, so drift on a shared machine falls on both; the table
 * shows each server's median round by throughput, and a second table every round.
 *
 * <p>What it does not show: on a 2-processor machine redis-benchmark takes one processor and the server the other, so
 * keel's event loops (one per processor by default) compete with the load generator where single-threaded Redis does
 * not; compare with {@code nproc} in the header.
 *
 * <p>Command ({@code --quick} for a smoke run, {@code --help} for every option):
 *
 * <pre>{@code
 * ./keel bench run dev.keel.bench.kv.KvServerHarness --out bench/results/kv-server-vs-redis.md
 * }</pre>
 *
 * <p>Needs redis-server and redis-benchmark on the {@code PATH} (Debian packages {@code redis-server} and
 * {@code redis-tools}); exits with a message naming the package when either is missing.
 *
 * <p>Not thread-safe: {@link #run()} runs on the main thread.
 */
public final class KvServerHarness {

    private static final String NAME = "KvServerHarness";
    private static final int KEYSPACE = 100_000;
    private static final int CLIENTS = 50;

    private enum Server {
        KEEL,
        REDIS
    }

    /** One comparison: the load, and how each server is configured for it. */
    private record Workload(
            String name,
            RedisBenchmark load,
            SyncPolicy keelPolicy,
            String keelPolicyName,
            String keelNote,
            List<String> redisPersistence) {}

    private final KvHarnessOptions options;
    private final Report report;
    private final InstantSource clock;
    private final Path redisServer;
    private final Path redisBenchmark;
    private final List<Workload> workloads;

    KvServerHarness(
            KvHarnessOptions options, Report report, InstantSource clock, Path redisServer, Path redisBenchmark) {
        this.options = options;
        this.report = report;
        this.clock = clock;
        this.redisServer = redisServer;
        this.redisBenchmark = redisBenchmark;
        this.workloads = List.of(
                new Workload(
                        "no persistence",
                        new RedisBenchmark("set,get", options.requests(), KEYSPACE, CLIENTS, 16),
                        SyncPolicy.NONE,
                        "SyncPolicy.NONE",
                        "as keel kv serve --fsync no",
                        List.of("--appendonly", "no")),
                new Workload(
                        "fsync every write",
                        new RedisBenchmark("set", options.fsyncRequests(), KEYSPACE, CLIENTS, 1),
                        SyncPolicy.ALWAYS,
                        "SyncPolicy.ALWAYS",
                        "as keel kv serve's default",
                        List.of("--appendonly", "yes", "--appendfsync", "always")));
    }

    public static void main(String[] args) {
        KvHarnessOptions options;
        try {
            options = KvHarnessOptions.parse(args);
        } catch (KvHarnessOptions.UsageException e) {
            System.err.println(NAME + ": " + e.getMessage());
            System.err.print(KvHarnessOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(KvHarnessOptions.USAGE);
            System.exit(0);
        }
        Path redisServer;
        Path redisBenchmark;
        try {
            redisServer = Executables.find("redis-server", "redis-server");
            redisBenchmark = Executables.find("redis-benchmark", "redis-tools");
        } catch (Executables.MissingProgramException e) {
            System.err.println(NAME + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        int code;
        try (Report report = Report.toStandardStreams(NAME, options.out(), Ticker.system())) {
            code = new KvServerHarness(options, report, InstantSource.system(), redisServer, redisBenchmark).run();
        } catch (IOException e) {
            System.err.println(NAME + ": cannot write the report: " + e);
            code = 1;
        }
        System.exit(code);
    }

    /** Runs both workloads; returns the exit code (0, or 1 after a failure, which is reported). */
    int run() throws IOException {
        Path parent = options.directory().orElse(Path.of(System.getProperty("java.io.tmpdir")));
        try (ScratchDirectory root = ScratchDirectory.create(parent, "keel-kv-bench-")) {
            header(root.path());
            Map<Workload, Map<Server, Map<String, List<RedisBenchmark.Result>>>> results = new LinkedHashMap<>();
            for (Workload workload : workloads) {
                results.put(workload, measure(workload, root.path()));
            }
            summary(results);
            rounds(results);
            report.progress("done");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.failure("interrupted", e);
            return 1;
        } catch (Exception e) {
            report.failure("failed", e);
            return 1;
        }
    }

    private void header(Path directory) throws IOException, InterruptedException {
        MachineDescription machine = MachineDescription.probe(
                directory,
                clock,
                List.of(
                        "redis-server: " + version(redisServer) + " (" + redisServer + ")",
                        "redis-benchmark: " + version(redisBenchmark) + " (" + redisBenchmark + ")"));
        report.line("# keel kv server against redis-server, under redis-benchmark");
        report.line("");
        report.line("Command: `./keel bench run " + KvServerHarness.class.getName()
                + (options.arguments().isEmpty() ? "" : " " + String.join(" ", options.arguments())) + "`");
        report.line("");
        report.line(
                "JVM command: `" + ProcessHandle.current().info().commandLine().orElse("unknown") + "`");
        report.line("");
        report.lines(machine.markdownLines());
        report.line("- Directory: " + directory + " (a fresh subdirectory per server and workload, deleted after it)");
        report.line("- keel: `KvServer` in the harness's JVM on 127.0.0.1, an ephemeral port; redis-server: a child "
                + "process on 127.0.0.1, a free port; redis-benchmark: a child process, one run at a time");
        report.line("- Each workload: one unrecorded warm-up run per server, then " + options.rounds() + " measured "
                + (options.rounds() == 1 ? "round" : "rounds, alternating which server goes first")
                + "; the summary shows each server's median round by rps");
        report.line("");
        report.line("Workloads:");
        report.line("");
        for (Workload workload : workloads) {
            report.line("- " + workload.name() + ": `" + workload.load().commandLine("PORT") + "`");
            report.line("  - keel: `KeyValueStore.open(KvOptions.builder(DIR).syncPolicy(" + workload.keelPolicyName()
                    + ").build())`, `KvServer.start(store, KvServerOptions.builder().port(0).build())` ("
                    + workload.keelNote() + ")");
            report.line("  - redis: `" + RedisServerProcess.commandLine(workload.redisPersistence()) + "`");
        }
        report.line("");
    }

    private Map<Server, Map<String, List<RedisBenchmark.Result>>> measure(Workload workload, Path root)
            throws IOException, InterruptedException {
        Map<Server, Map<String, List<RedisBenchmark.Result>>> results = new LinkedHashMap<>();
        try (ScratchDirectory keelDirectory = ScratchDirectory.create(root, "keel-");
                KeyValueStore store = KeyValueStore.open(KvOptions.builder(keelDirectory.path())
                        .syncPolicy(workload.keelPolicy())
                        .build());
                KvServer keel =
                        KvServer.start(store, KvServerOptions.builder().port(0).build());
                ScratchDirectory redisDirectory = ScratchDirectory.create(root, "redis-");
                RedisServerProcess redis =
                        RedisServerProcess.start(redisServer, redisDirectory.path(), workload.redisPersistence())) {
            Map<Server, Integer> ports = Map.of(Server.KEEL, keel.port(), Server.REDIS, redis.port());
            report.progress(workload.name() + ": keel on port " + keel.port() + " (" + keelDirectory + ", "
                    + store.getClass().getSimpleName() + "), redis-server on port " + redis.port() + " ("
                    + redisDirectory + ")");
            for (Server server : Server.values()) {
                report.progress(workload.name() + ": warm-up, " + name(server));
                workload.load().run(redisBenchmark, ports.get(server));
                results.put(server, new LinkedHashMap<>());
            }
            for (int round = 0; round < options.rounds(); round++) {
                List<Server> order =
                        round % 2 == 0 ? List.of(Server.KEEL, Server.REDIS) : List.of(Server.REDIS, Server.KEEL);
                for (Server server : order) {
                    Map<String, RedisBenchmark.Result> measured =
                            workload.load().run(redisBenchmark, ports.get(server));
                    for (RedisBenchmark.Result result : measured.values()) {
                        results.get(server)
                                .computeIfAbsent(result.command(), command -> new ArrayList<>())
                                .add(result);
                    }
                    report.progress(workload.name() + ": round " + (round + 1) + " of " + options.rounds() + ", "
                            + name(server) + ": " + describe(measured));
                }
            }
        }
        return results;
    }

    private void summary(Map<Workload, Map<Server, Map<String, List<RedisBenchmark.Result>>>> results)
            throws IOException {
        MarkdownTable table = new MarkdownTable(
                2,
                "workload",
                "command",
                "keel rps",
                "redis rps",
                "keel/redis",
                "keel p50 ms",
                "redis p50 ms",
                "keel p99 ms",
                "redis p99 ms");
        for (var entry : results.entrySet()) {
            Map<String, List<RedisBenchmark.Result>> keel = entry.getValue().get(Server.KEEL);
            Map<String, List<RedisBenchmark.Result>> redis = entry.getValue().get(Server.REDIS);
            for (String command : keel.keySet()) {
                RedisBenchmark.Result k = median(keel.get(command));
                RedisBenchmark.Result r = median(redis.get(command));
                table.row(
                        entry.getKey().name(),
                        command,
                        rps(k.rps()),
                        rps(r.rps()),
                        String.format(Locale.ROOT, "%.2fx", k.rps() / r.rps()),
                        ms(k.p50Ms()),
                        ms(r.p50Ms()),
                        ms(k.p99Ms()),
                        ms(r.p99Ms()));
            }
        }
        report.line("## Summary (median round per server)");
        report.line("");
        report.lines(table.lines());
        report.line("");
        report.line("rps: requests per second over the whole run, as redis-benchmark reports it; p50/p99: its latency "
                + "percentiles per request, in milliseconds (with -P 16 a request waits behind its pipeline). The "
                + "issue's goals, for reference: keel/redis at least 0.8x with no persistence, at least 1.0x with an "
                + "fsync on every write.");
        report.line("");
    }

    private void rounds(Map<Workload, Map<Server, Map<String, List<RedisBenchmark.Result>>>> results)
            throws IOException {
        MarkdownTable table = new MarkdownTable(4, "workload", "command", "server", "round", "rps", "p50 ms", "p99 ms");
        for (var entry : results.entrySet()) {
            for (var server : entry.getValue().entrySet()) {
                for (var command : server.getValue().entrySet()) {
                    int round = 1;
                    for (RedisBenchmark.Result result : command.getValue()) {
                        table.row(
                                entry.getKey().name(),
                                command.getKey(),
                                name(server.getKey()),
                                Integer.toString(round++),
                                rps(result.rps()),
                                ms(result.p50Ms()),
                                ms(result.p99Ms()));
                    }
                }
            }
        }
        report.line("## Every round");
        report.line("");
        report.lines(table.lines());
    }

    /** The median by rps (the lower middle of an even count). */
    private static RedisBenchmark.Result median(List<RedisBenchmark.Result> results) {
        List<RedisBenchmark.Result> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingDouble(RedisBenchmark.Result::rps));
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String describe(Map<String, RedisBenchmark.Result> measured) {
        List<String> parts = new ArrayList<>();
        for (RedisBenchmark.Result result : measured.values()) {
            parts.add(result.command() + " " + rps(result.rps()) + " rps, p50 " + ms(result.p50Ms()) + " ms");
        }
        return String.join("; ", parts);
    }

    private static String name(Server server) {
        return server == Server.KEEL ? "keel" : "redis";
    }

    private static String rps(double rps) {
        return String.format(Locale.ROOT, "%,.0f", rps);
    }

    private static String ms(double ms) {
        return String.format(Locale.ROOT, "%.3f", ms);
    }

    /** The first line {@code program --version} prints. */
    private static String version(Path program) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(program.toString(), "--version")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output.lines().findFirst().orElse("unknown").strip();
    }
}
