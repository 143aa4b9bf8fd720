package dev.keel.logs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.logs.Direction;
import dev.keel.logs.LogAggregator;
import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import dev.keel.logs.LogsServer;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** util-linux's logger against the server, and many senders on TCP, UDP and HTTP at once with exact counts. */
final class RealClientsTest {

    private static final Instant FROM = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2100-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void utilLinuxLogger_rfc5424OverTcp_isFoundByAQuery() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/logger")), "util-linux logger is not installed");
        try (LogAggregator aggregator = LogAggregator.open(dir);
                LogsServer server = LogsServer.start(aggregator, LogsServer.Config.ephemeral())) {
            Process logger = new ProcessBuilder(
                            "/usr/bin/logger",
                            "--tcp",
                            "--server",
                            "127.0.0.1",
                            "--port",
                            String.valueOf(server.syslogPort()),
                            "--rfc5424",
                            "-t",
                            "e2e-test",
                            "-p",
                            "local3.warning",
                            "--sd-id",
                            "req@32473",
                            "--sd-param",
                            "id=\"42\"",
                            "disk almost full on /var")
                    .redirectErrorStream(true)
                    .start();
            assertThat(logger.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(logger.exitValue())
                    .as(new String(logger.getInputStream().readAllBytes()))
                    .isZero();

            await().atMost(30, TimeUnit.SECONDS)
                    .until(() -> !aggregator
                            .query("{source=\"e2e-test\"} |= \"disk\"", FROM, TO, 10, Direction.BACKWARD)
                            .isEmpty());
            LogEntry entry = aggregator
                    .query("{source=\"e2e-test\"}", FROM, TO, 10, Direction.BACKWARD)
                    .getFirst();
            assertThat(entry.level()).isEqualTo(LogLevel.WARN);
            assertThat(entry.message()).isEqualTo("disk almost full on /var");
            assertThat(entry.labels()).containsEntry("facility", "local3").containsEntry("req_32473_id", "42");
        }
    }

    @Test
    void manySendersOnTcpUdpAndHttp_atOnce_countsExact() throws Exception {
        int perSender = 300;
        int tcpSenders = 4;
        int udpSenders = 2;
        int httpSenders = 3;
        try (LogAggregator aggregator = LogAggregator.open(dir);
                LogsServer server = LogsServer.start(aggregator, LogsServer.Config.ephemeral());
                ExecutorService pool = Executors.newFixedThreadPool(tcpSenders + udpSenders + httpSenders)) {
            CyclicBarrier start = new CyclicBarrier(tcpSenders + udpSenders + httpSenders);
            List<Future<?>> senders = new ArrayList<>();
            for (int s = 0; s < tcpSenders; s++) {
                int sender = s;
                senders.add(pool.submit(() -> {
                    start.await();
                    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.syslogPort())) {
                        OutputStream out = socket.getOutputStream();
                        for (int i = 0; i < perSender; i++) {
                            String message = "<14>1 2026-11-28T10:00:00." + String.format("%06d", i) + "Z host tcp"
                                    + sender + " - - - message " + i;
                            String frame = sender % 2 == 0 ? message + "\n" : message.length() + " " + message;
                            out.write(frame.getBytes(StandardCharsets.UTF_8));
                        }
                    }
                    return null;
                }));
            }
            for (int s = 0; s < udpSenders; s++) {
                int sender = s;
                senders.add(pool.submit(() -> {
                    start.await();
                    try (DatagramSocket socket = new DatagramSocket()) {
                        for (int i = 0; i < perSender; i++) {
                            byte[] bytes = ("<14>1 2026-11-28T10:00:00Z host udp" + sender + " - - - message " + i)
                                    .getBytes(StandardCharsets.UTF_8);
                            socket.send(new DatagramPacket(
                                    bytes, bytes.length, InetAddress.getLoopbackAddress(), server.syslogPort()));
                            if (i % 50 == 49) {
                                // Give the receiver a moment: UDP has no flow control, and this test counts exactly.
                                await().pollDelay(java.time.Duration.ofMillis(20))
                                        .until(() -> true);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (int s = 0; s < httpSenders; s++) {
                int sender = s;
                senders.add(pool.submit(() -> {
                    start.await();
                    SimpleHttp http = new SimpleHttp(server.httpPort());
                    for (int batch = 0; batch < perSender / 10; batch++) {
                        StringBuilder body = new StringBuilder();
                        for (int i = 0; i < 10; i++) {
                            body.append("{\"timestamp\":\"2026-11-28T10:00:00Z\",\"source\":\"http")
                                    .append(sender)
                                    .append("\",\"message\":\"message ")
                                    .append(batch * 10 + i)
                                    .append("\"}\n");
                        }
                        assertThat(http.post("/ingest", body.toString()).statusCode())
                                .isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get(2, TimeUnit.MINUTES);
            }
            long expected = (long) perSender * (tcpSenders + udpSenders + httpSenders);
            await().atMost(60, TimeUnit.SECONDS).until(() -> aggregator.stats().entries() == expected);
            for (String source : List.of("tcp0", "tcp1", "tcp2", "tcp3", "udp0", "udp1", "http0", "http1", "http2")) {
                assertThat(aggregator.query("{source=\"" + source + "\"}", FROM, TO, 100_000, Direction.FORWARD))
                        .as(source)
                        .hasSize(perSender);
            }
            assertThat(server.malformed()).isZero();
        }
    }
}
