package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LogsCommandTest {

    private record Run(int exitCode, String out, String err) {}

    @TempDir
    Path dir;

    private static Run keel(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit =
                KeelCommand.run(SystemCatalog.landed(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void ingestFile_thenQueryAndStats() throws Exception {
        String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now().minusSeconds(60));
        Path file = dir.resolve("app.log");
        Files.writeString(
                file,
                "{\"timestamp\":\"" + now + "\",\"level\":\"error\",\"source\":\"api\",\"message\":\"db timeout\"}\n"
                        + "<12>1 " + now + " host worker - - - queue timeout\n"
                        + "plain text line\n");
        Path data = dir.resolve("data");

        Run ingest = keel("logs", "ingest", "--dir", data.toString(), file.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("ingested 3 entries");
        assertThat(ingest.err()).contains("ingested 100% of").doesNotContain("\r"); // no bar redrawn into a pipe

        Run query =
                keel("logs", "query", "--dir", data.toString(), "{} |= \"timeout\" | level >= WARN", "--since", "1h");
        assertThat(query.exitCode()).as(query.err()).isZero();
        assertThat(query.out()).contains("ERROR    api  db timeout", "WARN     worker", "(2 entries)");

        Run counts = keel("logs", "query", "--dir", data.toString(), "count by (source) ({})");
        assertThat(counts.out()).contains("app", "api", "worker");

        Run stats = keel("logs", "stats", "--dir", data.toString(), "--since", "2h", "--buckets", "4");
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(stats.out())
                .contains("3 entries in 3 streams", "by level: {INFO=1, WARN=1, ERROR=1}", "total 3", "#");
    }

    @Test
    void badInput_exitsWithUsageErrorsNamingTheValue() throws Exception {
        Path data = dir.resolve("data");
        Path file = dir.resolve("bad.log");
        Files.writeString(file, "{\"message\":\"no source\"}\n");

        Run malformed = keel("logs", "ingest", "--dir", data.toString(), file.toString());
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err()).contains("bad.log:1: missing \"source\"");

        assertThat(keel(
                                "logs",
                                "ingest",
                                "--dir",
                                data.toString(),
                                dir.resolve("missing.log").toString())
                        .err())
                .contains("no such file");
        Run badQuery = keel("logs", "query", "--dir", data.toString(), "{source=}");
        assertThat(badQuery.exitCode()).isEqualTo(2);
        assertThat(badQuery.err()).contains("at position 8: expected a quoted value");
        Run badSince = keel("logs", "query", "--dir", data.toString(), "{}", "--since", "soon");
        assertThat(badSince.exitCode()).isEqualTo(2);
        assertThat(badSince.err()).contains("--since 'soon' is not a duration");
        assertThat(keel("logs", "stats", "--dir", dir.resolve("nothing").toString())
                        .err())
                .contains("no log store at --dir");
    }

    private static String get(URI uri) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void serve_receivesSyslogOverTcp_andStopsOnInterrupt() throws Exception {
        StringWriter out = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Path data = dir.resolve("served");
        Thread serving = Thread.ofPlatform()
                .name("logs-serve-under-test")
                .start(() -> exit.set(KeelCommand.run(
                        SystemCatalog.landed(),
                        new PrintWriter(out, true),
                        new PrintWriter(new StringWriter(), true),
                        "logs",
                        "serve",
                        "--syslog-port",
                        "0",
                        "--http-port",
                        "0",
                        "--dir",
                        data.toString())));
        Pattern listening = Pattern.compile("syslog on [^:]*:(\\d+) ");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> listening.matcher(out.toString()).find());
        Matcher port = listening.matcher(out.toString());
        assertThat(port.find()).isTrue();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(port.group(1)))) {
            OutputStream socketOut = socket.getOutputStream();
            socketOut.write(
                    ("<11>1 " + DateTimeFormatter.ISO_INSTANT.format(Instant.now()) + " h served - - - over tcp\n")
                            .getBytes(StandardCharsets.UTF_8));
        }
        Matcher http = Pattern.compile("HTTP on http://[^:]*:(\\d+)").matcher(out.toString());
        assertThat(http.find()).isTrue();
        URI query = URI.create("http://127.0.0.1:" + http.group(1) + "/query?q="
                + URLEncoder.encode("{source=\"served\"}", StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> get(query).contains("over tcp"));
        serving.interrupt();
        serving.join(Duration.ofSeconds(30));
        assertThat(exit.get()).isZero();
        assertThat(out.toString()).contains("keel logs: stopped");
        assertThat(keel("logs", "query", "--dir", data.toString(), "{source=\"served\"}")
                        .out())
                .contains("over tcp");
    }
}
