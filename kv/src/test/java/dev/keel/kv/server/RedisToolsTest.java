package dev.keel.kv.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.kv.KeyValueStore;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with Redis's own tools, {@code redis-cli} and {@code redis-benchmark} (Debian's redis-tools): skipped
 * where they are not installed.
 */
final class RedisToolsTest {

    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    private KeyValueStore store;
    private KvServer server;

    @BeforeEach
    void start() throws IOException {
        store = KeyValueStore.open(dir.resolve("store"));
        server = KvServer.start(store, KvServerOptions.defaults());
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        store.close();
    }

    /** The executable {@code name} on the PATH, if any. */
    private static Optional<Path> onPath(String name) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Path require(String tool) {
        Optional<Path> path = onPath(tool);
        assumeTrue(path.isPresent(), tool + " is not installed (apt-get install redis-tools)");
        return path.get();
    }

    /** Runs {@code tool} with {@code args} against the server; returns its output (stdout and stderr). */
    private String run(Path tool, String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(tool.toString(), "-h", "127.0.0.1", "-p", Integer.toString(server.port())));
        command.addAll(List.of(args));
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(command + " did not finish within " + TIMEOUT_SECONDS + " s; output: "
                    + Files.readString(output, StandardCharsets.ISO_8859_1));
        }
        String text = Files.readString(output, StandardCharsets.ISO_8859_1);
        assertThat(process.exitValue())
                .as("exit status of %s, output: %s", command, text)
                .isZero();
        return text;
    }

    @Test
    void redisCli_pingSetGetKeysScanInfo_answeredAsByRedis() throws Exception {
        Path cli = require("redis-cli");
        assertThat(run(cli, "PING")).isEqualTo("PONG\n");
        assertThat(run(cli, "SET", "greeting", "hello world")).isEqualTo("OK\n");
        assertThat(run(cli, "GET", "greeting")).isEqualTo("hello world\n");
        assertThat(run(cli, "MSET", "user:1", "a", "user:2", "b")).isEqualTo("OK\n");
        assertThat(run(cli, "KEYS", "user:*").lines()).containsExactly("user:1", "user:2");
        assertThat(run(cli, "--scan").lines()).containsExactlyInAnyOrder("greeting", "user:1", "user:2");
        assertThat(run(cli, "SCAN", "0", "COUNT", "1").lines())
                .hasSize(2)
                .last()
                .isEqualTo("greeting");
        assertThat(run(cli, "--scan", "--pattern", "user:*").lines()).containsExactlyInAnyOrder("user:1", "user:2");
        assertThat(run(cli, "INCR", "counter")).isEqualTo("1\n");
        assertThat(run(cli, "TTL", "greeting")).isEqualTo("-1\n");
        assertThat(run(cli, "DBSIZE")).isEqualTo("4\n");
        assertThat(run(cli, "INFO")).contains("redis_version:7.0.0-keel", "tcp_port:" + server.port(), "db0:keys=4");
        assertThat(run(cli, "LPUSH", "list", "a", "b")).isEqualToIgnoringWhitespace("2");
        assertThat(run(cli, "LRANGE", "list", "0", "-1").lines()).containsExactly("b", "a");
    }

    @Test
    void redisBenchmark_setAndGet_completeWithNonZeroRequestsPerSecond() throws Exception {
        Path benchmark = require("redis-benchmark");
        String output = run(benchmark, "-t", "set,get", "-n", "2000", "-c", "10", "-P", "4", "-q");
        Matcher result =
                Pattern.compile("(SET|GET): ([0-9.]+) requests per second").matcher(output.replace('\r', '\n'));
        List<String> tests = new ArrayList<>();
        while (result.find()) {
            tests.add(result.group(1));
            assertThat(Double.parseDouble(result.group(2))).as(result.group()).isPositive();
        }
        assertThat(tests).as(output).containsExactly("SET", "GET");
        assertThat(store.stats().keys()).isEqualTo(1); // redis-benchmark's one key, key:__rand_int__
    }

    @Test
    void redisBenchmark_listTests_complete() throws Exception {
        Path benchmark = require("redis-benchmark");
        String output = run(benchmark, "-t", "lpush,rpush,lpop,rpop,lrange", "-n", "1000", "-c", "10", "-P", "4", "-q");
        Matcher result = Pattern.compile("([A-Z_0-9]+(?: \\(.*?\\))?): ([0-9.]+) requests per second")
                .matcher(output.replace('\r', '\n'));
        List<String> tests = new ArrayList<>();
        while (result.find()) {
            tests.add(result.group(1).split(" ")[0]);
            assertThat(Double.parseDouble(result.group(2))).as(result.group()).isPositive();
        }
        assertThat(tests)
                .as(output)
                .containsExactly(
                        "LPUSH",
                        "RPUSH",
                        "LPOP",
                        "RPOP",
                        "LPUSH",
                        "LRANGE_100",
                        "LRANGE_300",
                        "LRANGE_500",
                        "LRANGE_600");
    }
}
