package dev.keel.cli;

import dev.keel.logs.Direction;
import dev.keel.logs.LogAggregator;
import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import dev.keel.logs.LogsServer;
import dev.keel.logs.MetricResult;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The log aggregator's tour: the seed example in memory, then a durable aggregator serving syslog on a free
 * port, a message sent over TCP and found by a query, and counts by level.
 */
final class LogsDemo {

    private final PrintWriter out;

    LogsDemo(PrintWriter out) {
        this.out = out;
    }

    void run() throws Exception {
        out.println("The seed example: LogAggregator.inMemory(), one entry, a time-range query, counts by level.");
        try (LogAggregator aggregator = LogAggregator.inMemory()) {
            Instant start = Instant.now().minusSeconds(60);
            aggregator.ingest(new LogEntry(Instant.now(), LogLevel.INFO, "web-server", "Request processed"));
            aggregator.ingest(new LogEntry(Instant.now(), LogLevel.ERROR, "web-server", "upstream timeout"));
            List<LogEntry> logs = aggregator.queryTimeRange(start, Instant.now().plusSeconds(1));
            logs.forEach(entry -> out.println("  " + LogsCommand.format(entry)));
            Map<LogLevel, Long> levelCounts = aggregator.countByLevel();
            out.println("  countByLevel() = " + levelCounts);
        }
        out.println();
        Path dir = Files.createTempDirectory("keel-logs-demo");
        try (LogAggregator aggregator = LogAggregator.open(dir);
                LogsServer server = LogsServer.start(aggregator, LogsServer.Config.ephemeral())) {
            out.println("A durable aggregator in " + dir + ": syslog on 127.0.0.1:" + server.syslogPort()
                    + " (TCP and UDP), HTTP on 127.0.0.1:" + server.httpPort());
            String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now());
            String message = "<11>1 " + now + " demo-host checkout 4242 - [req@32473 id=\"7\"] payment gateway timeout";
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.syslogPort())) {
                OutputStream socketOut = socket.getOutputStream();
                socketOut.write((message + "\n").getBytes(StandardCharsets.UTF_8));
                socketOut.write(("<14>1 " + now + " demo-host checkout 4242 - - order placed\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.println("sent over TCP: " + message);
            String query = "{source=\"checkout\"} |= \"timeout\" | level >= WARN";
            List<LogEntry> found = List.of();
            Instant from = Instant.now().minusSeconds(3600);
            for (int attempt = 0; attempt < 200 && found.isEmpty(); attempt++) {
                found = aggregator.query(query, from, Instant.now().plusSeconds(60), 10, Direction.BACKWARD);
                if (found.isEmpty()) {
                    Thread.onSpinWait();
                    java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
                }
            }
            out.println("query " + query + ":");
            found.forEach(entry -> out.println("  " + LogsCommand.format(entry)));
            MetricResult byLevel = aggregator.metric(
                    "count by (level) ({})", from, Instant.now().plusSeconds(60));
            out.println("count by (level) ({}):");
            LogsCommand.Query.print(out, byLevel);
            if (found.isEmpty()) {
                throw new IllegalStateException("the syslog message was not found within 2 s");
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
