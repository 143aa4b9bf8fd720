package dev.keel.bench.logs;

import dev.keel.bench.MachineDescription;
import dev.keel.bench.MarkdownTable;
import dev.keel.bench.Report;
import dev.keel.bench.ScratchDirectory;
import dev.keel.time.Ticker;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Syslog ingest at saturation: {@code --connections} TCP connections (default 4) each send {@code --messages} RFC 5424
 * messages of exactly 200 bytes (newline-framed) as fast as the socket takes them, to keel ({@code keel logs serve},
 * durability SYNC and NONE) and to rsyslog (imtcp to a file), one after the other in the same run, each in its own
 * process. A target's rate is the messages sent divided by the time from the first byte sent until the target has
 * stored every one of them (counted through keel's /stats, or the lines of rsyslog's file); nothing lost is checked,
 * not assumed. The target process's CPU time over the same interval is reported too: on a shared machine, CPU per
 * message compares designs more fairly than the rate.
 *
 * <p>The messages are built before the clock starts, so the sender's CPU is the socket writes alone. With
 * {@code --warmup N} each target first receives and stores N messages per connection outside the measured interval:
 * the steady state of a long-running server, with the JVM's JIT compilation mostly done (rsyslog gets the same
 * warm-up). The report adds each target's CPU by thread (compiler, GC, ingest, sealer) and the same-run ratios.
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.logs.LogsIngestHarness --messages 100000 --rounds 2 --out
 * bench/results/logs-ingest.md}, and warmed up: {@code ... --messages 100000 --warmup 200000 --rounds 2}. Needs rsyslogd ({@code apt-get install rsyslog}). To profile the server, pass JVM
 * options to it: {@code -Dkeel.bench.serverJvmArgs="-Xlog:jfr+startup=error
 * -XX:StartFlightRecording=filename=server-%p.jfr,settings=profile"} before the class name.
 */
public final class LogsIngestHarness {

    private static final int MESSAGE_BYTES = 200;

    private LogsIngestHarness() {}

    public static void main(String[] args) throws Exception {
        int messages = 100_000;
        int connections = 4;
        int rounds = 1;
        int warmup = 0;
        Optional<Path> out = Optional.empty();
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--messages" -> messages = Integer.parseInt(args[i + 1]);
                case "--connections" -> connections = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Optional.of(Path.of(args[i + 1]));
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + " (expected --messages N, --connections N, --rounds N, --warmup N, --out FILE)");
            }
        }
        Ticker ticker = Ticker.system();
        try (Report report = Report.toStandardStreams("LogsIngestHarness", out, ticker);
                ScratchDirectory scratch = ScratchDirectory.create("keel-logs-ingest")) {
            report.line("# Syslog ingest: keel logs serve vs rsyslog");
            report.line("");
            report.line(String.format(
                    Locale.ROOT,
                    "%d connections x %,d RFC 5424 messages of %d bytes over TCP"
                            + " (newline framing), 127.0.0.1; rate = messages / (first byte sent .. last message stored)."
                            + " Messages are built before the clock starts. Warm-up: %,d messages per connection"
                            + " sent to each target and stored before the measured interval (CPU and time exclude them).",
                    connections,
                    messages,
                    MESSAGE_BYTES,
                    warmup));
            report.line("");
            report.lines(MachineDescription.probe(scratch.path(), InstantSource.system(), List.of(rsyslogVersion()))
                    .markdownLines());
            report.line("");
            MarkdownTable table = new MarkdownTable(
                    2,
                    "round",
                    "target",
                    "messages/s",
                    "stored / sent",
                    "seconds",
                    "target CPU s",
                    "CPU µs / message",
                    "load (1 min) before");
            List<String> threads = new ArrayList<>();
            List<String> ratios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                double bestKeelRate = 0;
                double bestKeelCpu = Double.MAX_VALUE;
                for (String target : List.of("keel SYNC", "keel NONE", "rsyslog")) {
                    Path dir = Files.createDirectories(scratch.path().resolve(round + "-" + target.replace(' ', '-')));
                    String load = loadAverage();
                    try (IngestTarget receiver = switch (target) {
                        case "keel SYNC" -> new IngestTarget.Keel(dir, "SYNC");
                        case "keel NONE" -> new IngestTarget.Keel(dir, "NONE");
                        default -> new IngestTarget.Rsyslog(dir, freePort());
                    }) {
                        report.progress("round " + round + ": " + receiver.name());
                        if (warmup > 0) {
                            run(receiver, connections, warmup, 0, ticker);
                        }
                        Result result = run(receiver, connections, messages, (long) connections * warmup, ticker);
                        table.row(
                                String.valueOf(round),
                                receiver.name(),
                                String.format(Locale.ROOT, "%,.0f", result.rate()),
                                result.stored() + " / " + result.sent(),
                                String.format(Locale.ROOT, "%.2f", result.seconds()),
                                String.format(Locale.ROOT, "%.2f", result.cpuSeconds()),
                                String.format(Locale.ROOT, "%.1f", result.cpuSeconds() * 1e6 / result.sent()),
                                load);
                        double cpuPerMessage = result.cpuSeconds() * 1e6 / result.sent();
                        if (target.startsWith("keel")) {
                            bestKeelRate = Math.max(bestKeelRate, result.rate());
                            bestKeelCpu = Math.min(bestKeelCpu, cpuPerMessage);
                        } else {
                            ratios.add(String.format(
                                    Locale.ROOT,
                                    "- round %d: keel's best rate / rsyslog's = %.2fx (goal: 1.5x);"
                                            + " keel's lowest CPU per message / rsyslog's = %.1fx",
                                    round,
                                    bestKeelRate / result.rate(),
                                    bestKeelCpu / cpuPerMessage));
                        }
                        threads.add("- round " + round + ", " + receiver.name() + ": "
                                + result.threadTicks().entrySet().stream()
                                        .sorted(Map.Entry.<String, Long>comparingByValue()
                                                .reversed())
                                        .limit(8)
                                        .map(e -> String.format(
                                                Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue() / 100.0))
                                        .collect(java.util.stream.Collectors.joining(", ")));
                    }
                }
            }
            report.lines(table.lines());
            report.line("");
            report.lines(ratios);
            report.line("");
            report.line("CPU by thread over the measured interval (from /proc/PID/task/*/stat; digits in names as #):");
            report.line("");
            report.lines(threads);
        }
    }

    record Result(long sent, long stored, double seconds, double cpuSeconds, Map<String, Long> threadTicks) {
        double rate() {
            return sent / seconds;
        }
    }

    /** Sends {@code messages} per connection and waits until stored; {@code before} were stored already. */
    static Result run(IngestTarget target, int connections, int messages, long before, Ticker ticker) throws Exception {
        List<byte[]> payloads = new ArrayList<>(connections);
        for (int c = 0; c < connections; c++) {
            payloads.add(messages(c, messages));
        }
        double cpuBefore = target.cpuSeconds();
        Map<String, Long> threadsBefore = target.cpuTicksByThread();
        long start = ticker.read();
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            List<Future<?>> senders = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                byte[] payload = payloads.get(c);
                senders.add(pool.submit(() -> {
                    send(target.syslogPort(), payload);
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get(10, TimeUnit.MINUTES);
            }
        }
        long total = (long) connections * messages;
        long stored = 0;
        long lastProgress = ticker.read();
        long lastStored = -1;
        while (stored < total && ticker.read() - lastProgress < TimeUnit.SECONDS.toNanos(20)) {
            stored = target.stored() - before;
            if (stored != lastStored) {
                lastStored = stored;
                lastProgress = ticker.read();
            }
            if (stored < total) {
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }
        double seconds = (ticker.read() - start) / 1e9;
        double cpu = target.cpuSeconds() - cpuBefore;
        Map<String, Long> threadTicks = new TreeMap<>();
        target.cpuTicksByThread().forEach((name, ticks) -> {
            long used = ticks - threadsBefore.getOrDefault(name, 0L);
            if (used > 0) {
                threadTicks.put(name, used);
            }
        });
        return new Result(total, stored, seconds, cpu, threadTicks);
    }

    private static void send(int port, byte[] payload) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                OutputStream out = socket.getOutputStream()) {
            for (int at = 0; at < payload.length; at += 256 * 1024) {
                out.write(payload, at, Math.min(256 * 1024, payload.length - at));
            }
        }
    }

    /** Connection {@code connection}'s messages, each {@value #MESSAGE_BYTES} bytes with its newline, back to back. */
    private static byte[] messages(int connection, int messages) {
        byte[] all = new byte[messages * MESSAGE_BYTES];
        byte[] message = new byte[MESSAGE_BYTES];
        String header = "<14>1 2026-11-28T10:00:00.000000Z bench-host app" + connection + " 1000 - - ";
        for (int i = 0; i < messages; i++) {
            String stamp = String.format(Locale.ROOT, "%06d", i % 1_000_000);
            String text = header.replace("000000Z", stamp + "Z") + "request " + i + " handled for user-"
                    + (i % 977) + " path=/api/v1/orders/" + (i * 31 % 100_000) + " status=200 bytes=" + (i % 5000)
                    + " ";
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            int length = Math.min(bytes.length, MESSAGE_BYTES - 1);
            System.arraycopy(bytes, 0, message, 0, length);
            for (int p = length; p < MESSAGE_BYTES - 1; p++) {
                message[p] = 'x';
            }
            message[MESSAGE_BYTES - 1] = '\n';
            System.arraycopy(message, 0, all, i * MESSAGE_BYTES, MESSAGE_BYTES);
        }
        return all;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String rsyslogVersion() {
        try {
            Process process = new ProcessBuilder("/usr/sbin/rsyslogd", "-v")
                    .redirectErrorStream(true)
                    .start();
            String first = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElse("rsyslogd");
            process.waitFor(10, TimeUnit.SECONDS);
            return first.strip();
        } catch (IOException e) {
            return "rsyslogd (version unknown: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "rsyslogd";
        }
    }
}
