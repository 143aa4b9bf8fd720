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
 * keel's IRC server against Debian's ngIRCd under the same load, in one run: registrations per second, then steady
 * channel fan-out at rising rates with delivered messages per second, latency percentiles (HdrHistogram, from the
 * scheduled send time) and the server's CPU time per delivered message (from {@code /proc/PID/stat}).
 *
 * <p>How the measurement is designed, and why: both servers run as child processes on 127.0.0.1 (keel as
 * {@code keel chat serve --flood off} in a JVM with {@code -Xmx512m}; ngIRCd with {@code MaxPenaltyTime = 0}, no DNS
 * or ident), one after the other, each loaded by the same generator ({@link LoadClients}: one NIO thread) with the
 * same schedule; only the server process's CPU counts. Each server first gets a 3 s unrecorded warm-up at the lowest
 * rate (keel's JIT needs it). Bounded: clients, rates and seconds are arguments, loopback only.
 *
 * <p>What it does not show: on a 2-core machine the generator takes one core, so a server that could use two is held
 * to about one; compare {@code nproc} in the header. Nick-to-nick messages are not measured yet.
 *
 * <pre>{@code
 * ./keel bench run dev.keel.bench.chat.ChatLoadHarness --clients 500 --channels 10 --rates 200,1000,3000 \
 *     --seconds 4 --registrations 2000 --out bench/results/chat-vs-ngircd.md
 * }</pre>
 *
 * <p>Needs {@code cli/target/keel.jar} (built by {@code ./keel}) and {@code ngircd} on the PATH (Debian package
 * {@code ngircd}).
 */
public final class ChatLoadHarness {

    private ChatLoadHarness() {}

    public static void main(String[] args) throws Exception {
        int clients = 500;
        int channels = 10;
        long[] rates = {200, 1000, 3000};
        long seconds = 4;
        int registrations = 2000;
        @org.jspecify.annotations.Nullable Path out = null;
        Path keelJar = Path.of("cli/target/keel.jar");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--channels" -> channels = Integer.parseInt(args[++i]);
                case "--rates" ->
                    rates = Arrays.stream(args[++i].split(","))
                            .mapToLong(Long::parseLong)
                            .toArray();
                case "--seconds" -> seconds = Long.parseLong(args[++i]);
                case "--registrations" -> registrations = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--keel-jar" -> keelJar = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + " (expected --clients, --channels, --rates,"
                            + " --seconds, --registrations, --out, --keel-jar)");
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
        MarkdownTable fanOut = new MarkdownTable(
                2,
                "server",
                "offered msg/s",
                "delivered",
                "delivered/s",
                "p50 ms",
                "p99 ms",
                "p99.9 ms",
                "max ms",
                "server CPU us/delivered");
        for (String name : List.of("keel", "ngIRCd")) {
            int port = freePort();
            Path log = scratch.resolve(name + ".log");
            try (ServerProcess server = name.equals("keel")
                    ? ServerProcess.keel(keelJar, port, log)
                    : ServerProcess.ngircd(scratch, port, log)) {
                InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
                System.err.printf("%s: %d registrations...%n", name, registrations);
                try (LoadClients burst = new LoadClients()) {
                    long start = System.nanoTime();
                    burst.connect(address, registrations, "r", 60_000_000_000L);
                    double took = (System.nanoTime() - start) / 1e9;
                    registration.row(
                            name,
                            Integer.toString(registrations),
                            String.format(Locale.ROOT, "%.2f", took),
                            String.format(Locale.ROOT, "%.0f", registrations / took));
                }
                try (LoadClients load = new LoadClients()) {
                    load.connect(address, clients, "c", 60_000_000_000L);
                    load.joinAll(channels, 60_000_000_000L);
                    System.err.printf("%s: warm-up%n", name);
                    load.fanOut(channels, rates[0], 3_000_000_000L, false);
                    for (long rate : rates) {
                        System.err.printf("%s: %d msg/s for %d s%n", name, rate, seconds);
                        long cpu0 = server.cpuMicros();
                        long start = System.nanoTime();
                        load.fanOut(channels, rate, seconds * 1_000_000_000L, true);
                        double took = (System.nanoTime() - start) / 1e9;
                        long cpu = server.cpuMicros() - cpu0;
                        Histogram h = load.latency;
                        fanOut.row(
                                name,
                                Long.toString(rate),
                                Long.toString(load.delivered),
                                String.format(Locale.ROOT, "%.0f", load.delivered / took),
                                ms(h.getValueAtPercentile(50)),
                                ms(h.getValueAtPercentile(99)),
                                ms(h.getValueAtPercentile(99.9)),
                                ms(h.getMaxValue()),
                                String.format(Locale.ROOT, "%.2f", (double) cpu / Math.max(1, load.delivered)));
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
        report.forEach(System.out::println);
        if (out != null) {
            Files.write(out, report, StandardCharsets.UTF_8);
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
