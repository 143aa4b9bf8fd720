package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class KvServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void serve_answersRedisClients_untilInterrupted_thenStopsCleanly() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = Thread.ofPlatform()
                .name("serve-under-test")
                .start(() -> exit.set(KeelCommand.run(
                        SystemCatalog.landed(),
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        "kv",
                        "serve",
                        "--port",
                        "0",
                        "--dir",
                        dir.toString(),
                        "--fsync",
                        "no")));
        Pattern serving_ = Pattern.compile("on [^ ]*:(\\d+) \\(fsync no");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> serving_.matcher(out.toString()).find());
        Matcher port = serving_.matcher(out.toString());
        assertThat(port.find()).isTrue();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(port.group(1)))) {
            OutputStream request = socket.getOutputStream();
            request.write("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n"
                    .getBytes(StandardCharsets.UTF_8));
            request.flush();
            BufferedReader replies =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(replies.readLine()).isEqualTo("+OK");
            assertThat(replies.readLine()).isEqualTo("$1");
            assertThat(replies.readLine()).isEqualTo("v");
        }
        serving.interrupt();
        serving.join(Duration.ofSeconds(30).toMillis());
        assertThat(serving.isAlive()).isFalse();
        assertThat(exit.get()).as(err.toString()).isZero();
        assertThat(out.toString()).contains("keel kv: stopped");
        assertThat(KeelCommand.run(
                        SystemCatalog.landed(),
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(new StringWriter()),
                        "kv",
                        "get",
                        "--dir",
                        dir.toString(),
                        "k"))
                .isZero();
    }

    /** Runs {@code keel kv serve ARGS --dir DIR}, expects the usage-error exit code, and returns what it printed. */
    private String usageError(String... args) {
        StringWriter err = new StringWriter();
        List<String> command = new ArrayList<>(List.of("kv", "serve"));
        command.addAll(List.of(args));
        command.addAll(List.of("--dir", dir.toString()));
        int exit = KeelCommand.run(
                SystemCatalog.landed(),
                new PrintWriter(new StringWriter()),
                new PrintWriter(err, true),
                command.toArray(String[]::new));
        assertThat(exit).isEqualTo(2);
        return err.toString();
    }

    @Test
    void serve_nonPositiveEventLoops_isAUsageError() {
        assertThat(usageError("--event-loops", "0")).contains("--event-loops 0 (expected a positive number)");
    }

    @Test
    void serve_badFsyncOrPort_isAUsageError() {
        assertThat(usageError("--fsync", "sometimes"))
                .contains("--fsync 'sometimes' (expected always, everysec or no)");
        assertThat(usageError("--port", "70000")).contains("--port 70000 (expected 0 to 65535)");
    }
}
