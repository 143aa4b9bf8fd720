package dev.keel.bench.chat;

import dev.keel.bench.MachineDescription;
import dev.keel.bench.MarkdownTable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * keel's IRC server against Debian's ngIRCd under the same load, in one run: registrations per second; steady
 * channel fan-out at rising rates (push them until one server saturates) with delivered messages per second, latency
 * percentiles (HdrHistogram, from the scheduled send time), the server's CPU time per delivered message (from
 * {@code /proc/PID/stat}) and its read and write system calls per delivered message ({@code /proc/PID/io}); the same
 * for nick-to-nick messages; then, for keel only, {@code --idle N} registered silent clients with the server's RSS and
 * heap after a full GC.
 *
 * <p>How the measurement is designed, and why: both servers run as child processes on 127.0.0.1 (keel as
 * {@code keel chat serve --flood off} in a JVM with {@code -Xmx512m}; ngIRCd with {@code MaxPenaltyTime = 0}, no DNS
 * or ident), one after the other, each loaded by the same generator ({@link LoadClients}: one NIO thread, clients
 * spread over {@code --sources} loopback addresses 127.0.0.2...) with the same schedule; only the server process's CPU
 * counts. Each server first gets an unrecorded warm-up ({@code --warmup-seconds}, default 10, at {@code --warmup-rate},
 * default the first rate): keel's JIT compiles the per-message code only after some ten thousand messages, and at
 * 1,000 msg/s a 3 s warm-up left the C2 compiler thread using a sixth of keel's CPU in the measured phase, a one-time
 * start-up cost that is not the cost of a delivered message. Bounded: clients,
 * rates and seconds are arguments, loopback only. {@code --keel-jvm-arg} (repeatable) adds a JVM option to keel's
 * server, such as {@code -XX:StartFlightRecording=filename=chat.jfr} to profile it; {@code --keel-serve-arg} adds an
 * option to {@code keel chat serve}, such as {@code --write-coalescing 0}; {@code --servers keel} skips the peer.
 *
 * <p>What it does not show: on a 2-core machine the generator takes one core, so a server that could use two is held
 * to about one; compare {@code nproc} in the header. The idle-clients row is keel's only: ngIRCd registers about 13
 * clients a second here, whatever the source addresses, so 10,000 would take 13 minutes.
 *
 * <pre>{@code
 * ./keel bench run dev.keel.bench.chat.ChatLoadHarness --clients 500 --channels 10 --rates 1000,3000,6000,10000 \
 *     --seconds 4 --registrations 2000 --nick-rate 3000 --idle 10000 --out bench/results/chat-vs-ngircd.md
 * }</pre>
 *
 * <p>Needs {@code cli/target/keel.jar} (built by {@code ./keel}) and {@code ngircd} on the PATH (Debian package
 * {@code ngircd}).
 */
public final class ChatLoadHarness {

    private static final String[] MESSAGE_COLUMNS = {
        "server",
        "offered msg/s",
        "delivered",
        "delivered/s",
        "p50 ms",
        "p99 ms",
        "p99.9 ms",
        "max ms",
        "server CPU us/delivered",
        "server read+write syscalls/delivered"
    };

    private ChatLoadHarness() {}

    public static void main(String[] args) throws Exception {
        int clients = 500;
        int channels = 10;
        long[] rates = {200, 1000, 3000};
        long seconds = 4;
        long warmupSeconds = 10;
        long warmupRate = -1;
        int registrations = 2000;
        int sources = 50;
        long nickRate = 3000;
        int idle = 0;
        @org.jspecify.annotations.Nullable Path out = null;
        Path keelJar = Path.of("cli/target/keel.jar");
        List<String> keelJvmArgs = new ArrayList<>();
        List<String> keelServeArgs = new ArrayList<>();
        List<String> servers = List.of("keel", "ngIRCd");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--channels" -> channels = Integer.parseInt(args[++i]);
                case "--rates" ->
                    rates = Arrays.stream(args[++i].split(","))
                            .mapToLong(Long::parseLong)
                            .toArray();
                case "--seconds" -> seconds = Long.parseLong(args[++i]);
                case "--warmup-seconds" -> warmupSeconds = Long.parseLong(args[++i]);
                case "--warmup-rate" -> warmupRate = Long.parseLong(args[++i]);
                case "--registrations" -> registrations = Integer.parseInt(args[++i]);
                case "--sources" -> sources = Integer.parseInt(args[++i]);
                case "--nick-rate" -> nickRate = Long.parseLong(args[++i]);
                case "--idle" -> idle = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--keel-jar" -> keelJar = Path.of(args[++i]);
                case "--keel-jvm-arg" -> keelJvmArgs.add(args[++i]);
                case "--keel-serve-arg" -> keelServeArgs.add(args[++i]);
                case "--servers" -> servers = List.of(args[++i].split(","));
                default -> {
                    System.err.println("unknown option " + args[i] + " (expected --clients, --channels, --rates,"
                            + " --seconds, --warmup-seconds, --warmup-rate, --registrations, --sources, --nick-rate, --idle, --out, --keel-jar, --keel-jvm-arg, --keel-serve-arg,"
                            + " --servers)");
                    System.exit(2);
                }
            }
        }
        if (!Files.isRegularFile(keelJar)) {
            System.err.println(keelJar + " is missing: build it with ./keel --version");
            System.exit(2);
        }
        Path scratch = Files.createTempDirectory("keel-chat-bench");
        MarkdownTable registration = new MarkdownTable(1, "server", "clients", "seconds", "registrations/s");
        MarkdownTable fanOut = new MarkdownTable(2, MESSAGE_COLUMNS);
        MarkdownTable nickToNick = new MarkdownTable(2, MESSAGE_COLUMNS);
        MarkdownTable idleTable =
                new MarkdownTable(1, "server", "idle clients", "connect s", "server RSS MiB", "heap used after GC MiB");
        for (String name : servers) {
            int port = freePort();
            Path log = scratch.resolve(name + ".log");
            try (ServerProcess server = name.equals("keel")
                    ? ServerProcess.keel(keelJar, keelJvmArgs, keelServeArgs, port, log)
                    : ServerProcess.ngircd(scratch, port, log)) {
                InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
                System.err.printf("%s: %d registrations...%n", name, registrations);
                try (LoadClients burst = new LoadClients(8 << 10)) {
                    long start = System.nanoTime();
                    burst.connect(address, registrations, "r", sources, 60_000_000_000L);
                    double took = (System.nanoTime() - start) / 1e9;
                    registration.row(
                            name,
                            Integer.toString(registrations),
                            String.format(Locale.ROOT, "%.2f", took),
                            String.format(Locale.ROOT, "%.0f", registrations / took));
                }
                try (LoadClients load = new LoadClients(256 << 10)) {
                    load.connect(address, clients, "c", sources, 60_000_000_000L);
                    load.joinAll(channels, 60_000_000_000L);
                    long rate0 = warmupRate > 0 ? warmupRate : rates[0];
                    System.err.printf("%s: warm-up, %d msg/s for %d s%n", name, rate0, warmupSeconds);
                    load.fanOut(channels, rate0, warmupSeconds * 1_000_000_000L, false);
                    for (long rate : rates) {
                        System.err.printf("%s: %d msg/s for %d s%n", name, rate, seconds);
                        Sample sample = Sample.start(server);
                        load.fanOut(channels, rate, seconds * 1_000_000_000L, true);
                        fanOut.row(sample.cells(name, rate, load));
                    }
                    if (nickRate > 0) {
                        System.err.printf("%s: nick-to-nick %d msg/s for %d s%n", name, nickRate, seconds);
                        Sample sample = Sample.start(server);
                        load.nickToNick(nickRate, seconds * 1_000_000_000L, true);
                        nickToNick.row(sample.cells(name, nickRate, load));
                    }
                }
                if (idle > 0 && name.equals("keel")) {
                    System.err.printf("%s: %d idle clients%n", name, idle);
                    try (LoadClients idlers = new LoadClients(4 << 10)) {
                        long start = System.nanoTime();
                        idlers.connect(address, idle, "i", sources, 120_000_000_000L);
                        double took = (System.nanoTime() - start) / 1e9;
                        idleTable.row(
                                name,
                                Integer.toString(idle),
                                String.format(Locale.ROOT, "%.2f", took),
                                Long.toString(server.rssKib() / 1024),
                                Long.toString(server.heapUsedKibAfterGc() / 1024));
                    }
                }
            }
        }
        List<String> report = new ArrayList<>();
        report.add("# chat: keel vs ngIRCd (ChatLoadHarness)");
        report.add("");
        report.addAll(MachineDescription.probe(scratch, InstantSource.system(), List.of("ngIRCd 26.1 (Debian 12)"))
                .markdownLines());
        report.add("");
        report.add("Command: `./keel bench run dev.keel.bench.chat.ChatLoadHarness " + String.join(" ", args) + "`");
        report.add("");
        report.add("## Registrations (NICK + USER until 001, all clients at once)");
        report.add("");
        report.addAll(registration.lines());
        report.add("");
        report.add("## Channel fan-out (" + clients + " clients in " + channels + " channels, each message to "
                + (clients / channels - 1) + " members; latency from the scheduled send, CPU of the server process)");
        report.add("");
        report.addAll(fanOut.lines());
        if (nickRate > 0) {
            report.add("");
            report.add("## Nick-to-nick (each client in turn messages the next one's nick: one delivery a message)");
            report.add("");
            report.addAll(nickToNick.lines());
        }
        if (idle > 0) {
            report.add("");
            report.add("## Idle clients (registered, silent; keel only, with -Xmx512m; on top of the fan-out clients,"
                    + " which are closed by then)");
            report.add("");
            report.addAll(idleTable.lines());
        }
        report.forEach(System.out::println);
        if (out != null) {
            Files.write(out, report, StandardCharsets.UTF_8);
        }
    }

    /** The server's CPU time and system calls at the start of a measured phase, and the wall time. */
    private record Sample(ServerProcess server, long cpuMicros, long syscalls, long startNanos) {
        static Sample start(ServerProcess server) throws IOException {
            return new Sample(server, server.cpuMicros(), server.ioSyscalls(), System.nanoTime());
        }

        String[] cells(String name, long rate, LoadClients load) throws IOException {
            double took = (System.nanoTime() - startNanos) / 1e9;
            long cpu = server.cpuMicros() - cpuMicros;
            long io = server.ioSyscalls() - syscalls;
            Histogram h = load.latency;
            long delivered = Math.max(1, load.delivered);
            return new String[] {
                name,
                Long.toString(rate),
                Long.toString(load.delivered),
                String.format(Locale.ROOT, "%.0f", load.delivered / took),
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)),
                ms(h.getMaxValue()),
                String.format(Locale.ROOT, "%.2f", (double) cpu / delivered),
                String.format(Locale.ROOT, "%.2f", (double) io / delivered)
            };
        }
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
