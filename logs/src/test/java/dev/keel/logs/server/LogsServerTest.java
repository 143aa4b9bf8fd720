package dev.keel.logs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.logs.Direction;
import dev.keel.logs.LogAggregator;
import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import dev.keel.logs.LogsServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over real sockets on 127.0.0.1: HTTP, syslog TCP (both framings) and UDP, and bad input on each. */
final class LogsServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant FROM = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2100-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private LogAggregator aggregator;
    private LogsServer server;
    private SimpleHttp http;

    @BeforeEach
    void start() throws Exception {
        aggregator = LogAggregator.open(dir);
        server = LogsServer.start(aggregator, LogsServer.Config.ephemeral());
        http = new SimpleHttp(server.httpPort());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        aggregator.close();
    }

    private SimpleHttp.Response get(String pathAndQuery) throws Exception {
        return http.get(pathAndQuery);
    }

    private SimpleHttp.Response post(String path, String body) throws Exception {
        return http.post(path, body);
    }

    private static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private List<LogEntry> all(String query) {
        return aggregator.query(query, FROM, TO, 100_000, Direction.FORWARD);
    }

    @Test
    void httpIngest_thenQuery_roundTripsEntriesAsJson() throws Exception {
        SimpleHttp.Response ingest = post(
                "/ingest",
                "{\"timestamp\":\"2026-11-28T10:00:00.000000001Z\",\"level\":\"error\",\"source\":\"web\",\"labels\":"
                        + "{\"env\":\"prod\"},\"message\":\"upstream timeout\",\"status\":504}\n"
                        + "{\"timestamp\":1795860000000000000,\"source\":\"web\",\"message\":\"ok\"}\n");
        assertThat(ingest.statusCode()).as(ingest.body()).isEqualTo(200);
        assertThat(JSON.readTree(ingest.body()).get("accepted").asInt()).isEqualTo(2);

        SimpleHttp.Response query = get("/query?q=" + q("{source=\"web\"} |= \"timeout\"")
                + "&start=2026-11-28T00:00:00Z&end=1795910400000000000&limit=10&direction=forward");
        assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
        JsonNode entry = JSON.readTree(query.body()).get("entries").get(0);
        assertThat(entry.get("timestamp").asText()).isEqualTo("2026-11-28T10:00:00.000000001Z");
        assertThat(entry.get("level").asText()).isEqualTo("ERROR");
        assertThat(entry.get("labels").get("env").asText()).isEqualTo("prod");
        assertThat(entry.get("status").asText()).isEqualTo("504");
        assertThat(JSON.readTree(query.body()).get("entries")).hasSize(1);

        SimpleHttp.Response range = get("/query_range?q=" + q("count by (level) ({})")
                + "&start=2026-11-28T00:00:00Z&end=2026-11-29T00:00:00Z");
        assertThat(JSON.readTree(range.body()).get("rows").toString())
                .isEqualTo("[{\"value\":\"ERROR\",\"count\":1},{\"value\":\"INFO\",\"count\":1}]");
    }

    @Test
    void httpBadInput_answersWithClearErrors_andKeepsServing() throws Exception {
        SimpleHttp.Response mixed =
                post("/ingest", "{\"source\":\"a\",\"message\":\"good\"}\nnot json\n{\"message\":\"x\"}\n");
        assertThat(mixed.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(mixed.body());
        assertThat(body.get("accepted").asInt()).isEqualTo(1);
        assertThat(body.get("rejected").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(body.get("rejected").get(1).get("reason").asText()).startsWith("missing \"source\"");

        assertThat(post("/ingest", "garbage\n").statusCode()).isEqualTo(400);
        SimpleHttp.Response badQuery = get("/query?q=" + q("{source=}"));
        assertThat(badQuery.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badQuery.body()).get("message").asText())
                .startsWith("at position 8: expected a quoted value, found '}'");
        assertThat(get("/query?q=" + q("{}") + "&start=yesterday").body()).contains("start 'yesterday' is not a time");
        assertThat(get("/query?q=" + q("{}") + "&limit=0").statusCode()).isEqualTo(400);
        assertThat(get("/query").body()).contains("missing parameter 'q'");
        assertThat(get("/nope").statusCode()).isEqualTo(404);
        assertThat(get("/ingest").statusCode()).isEqualTo(405);
        assertThat(post("/ingest", "x".repeat(17 << 20)).statusCode()).isEqualTo(413);

        JsonNode stats = JSON.readTree(get("/stats").body());
        assertThat(stats.get("malformed").get("count").asInt()).isEqualTo(3);
        assertThat(stats.get("malformed").get("samples").get(0).get("listener").asText())
                .isEqualTo("http");
        assertThat(stats.get("store").get("entries").asInt()).isEqualTo(1);
    }

    @Test
    void syslogTcp_bothFramings_malformedCountedConnectionContinues() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.syslogPort())) {
            OutputStream out = socket.getOutputStream();
            String framed = "<11>1 2026-11-28T10:00:01Z h app - - - octet counted";
            out.write((framed.getBytes(StandardCharsets.UTF_8).length + " " + framed).getBytes(StandardCharsets.UTF_8));
            out.write("this is not syslog\n<14>1 2026-11-28T10:00:02Z h app - - - newline\n"
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            await().atMost(20, TimeUnit.SECONDS)
                    .until(() -> all("{source=\"app\"}").size() == 2);
        }
        assertThat(all("{source=\"app\"}")).extracting(LogEntry::message).containsExactly("octet counted", "newline");
        assertThat(all("{source=\"app\"}").getFirst().level()).isEqualTo(LogLevel.ERROR);
        assertThat(server.malformed()).isEqualTo(1);
    }

    @Test
    void syslogUdp_datagramsAreIngested() throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int i = 0; i < 20; i++) {
                byte[] bytes = ("<30>Nov 28 10:00:00 host daemon[7]: udp " + i).getBytes(StandardCharsets.UTF_8);
                socket.send(
                        new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), server.syslogPort()));
            }
        }
        await().atMost(20, TimeUnit.SECONDS)
                .until(() -> all("{source=\"daemon\"}").size() == 20);
        assertThat(all("{source=\"daemon\", facility=\"daemon\"}").getFirst().fields())
                .containsEntry("procid", "7");
    }

    @Test
    void tail_streamsNewEntriesAsJsonLines() throws Exception {
        CompletableFuture<List<String>> lines = CompletableFuture.supplyAsync(() -> {
            try {
                InputStream body = http.stream("/tail?limit=2&q=" + q("{source=\"t\"} |= \"wanted\""));
                List<String> received = new ArrayList<>();
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        received.add(line);
                    }
                }
                return received;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Keep ingesting until the tail has subscribed and taken two entries.
        for (int i = 0; !lines.isDone() && i < 2000; i++) {
            post(
                    "/ingest",
                    "{\"source\":\"t\",\"message\":\"wanted " + i + "\"}\n{\"source\":\"t\",\"message\":\"no\"}\n");
            await().pollDelay(Duration.ofMillis(10))
                    .atMost(Duration.ofSeconds(1))
                    .until(() -> true);
        }
        assertThat(lines.get(30, TimeUnit.SECONDS))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("wanted"));
    }
}
