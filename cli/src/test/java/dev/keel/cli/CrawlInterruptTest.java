package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.keel.testing.ChildJvm;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGTERM) on {@code keel crawl}: it stops promptly, and {@code --resume} finishes the crawl. */
final class CrawlInterruptTest {

    private static final int PAGES = 120;

    @Test
    void sigterm_stopsTheCrawlPromptly_andResumeFinishesIt(@TempDir Path dir) throws Exception {
        Set<String> requested = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            server.setExecutor(executor);
            server.createContext("/", exchange -> {
                try (exchange) {
                    String path = exchange.getRequestURI().getPath();
                    requested.add(path);
                    int page = path.startsWith("/p") ? Integer.parseInt(path.substring(2)) : -1;
                    byte[] body = (page < 0 || page >= PAGES
                                    ? ""
                                    : "<a href=/p" + (page + 1) + ">next</a><a href=/p" + (page + 2) + ">skip</a>")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html");
                    exchange.sendResponseHeaders(
                            page < 0 || page >= PAGES ? 404 : 200, body.length == 0 ? -1 : body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.start();
            try {
                String seed = "http://127.0.0.1:" + server.getAddress().getPort() + "/p0";
                Path state = dir.resolve("state");
                Path out = dir.resolve("pages.jsonl");
                List<String> args = List.of(
                        "crawl",
                        seed,
                        "--depth",
                        "500",
                        "--delay",
                        "20ms",
                        "--state",
                        state.toString(),
                        "--out",
                        out.toString(),
                        "--workers",
                        "2");
                try (ChildJvm child = ChildJvm.start(Keel.class, List.of(), args)) {
                    org.awaitility.Awaitility.await()
                            .atMost(Duration.ofSeconds(60))
                            .until(() ->
                                    Files.exists(out) && Files.readAllLines(out).size() >= 10);
                    long signalled = System.nanoTime();
                    ProcessHandle.of(child.pid()).orElseThrow().destroy(); // SIGTERM, as Ctrl-C's SIGINT would
                    child.awaitExit(Duration.ofSeconds(20));
                    Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);
                    assertThat(stopping).isLessThan(Duration.ofSeconds(5));
                }
                int before = Files.readAllLines(out).size();
                assertThat(before).isLessThan(PAGES);

                StringWriter stdout = new StringWriter();
                StringWriter stderr = new StringWriter();
                List<String> resume = new java.util.ArrayList<>(args);
                resume.addAll(List.of("--resume", "--quiet"));
                int exit = KeelCommand.run(
                        SystemCatalog.landed(),
                        new PrintWriter(stdout, true),
                        new PrintWriter(stderr, true),
                        resume.toArray(String[]::new));
                assertThat(exit).as(stderr.toString()).isZero();
                List<String> lines = Files.readAllLines(out);
                Set<String> urls = ConcurrentHashMap.newKeySet();
                lines.forEach(line -> urls.add(line.substring(line.indexOf("\"url\":\"") + 7, line.indexOf("\",\""))));
                assertThat(urls).hasSize(PAGES + 2); // p0..p119 and the two 404s past the end
                assertThat(lines.size() - urls.size()).isLessThanOrEqualTo(2); // at most the 2 in flight, twice
            } finally {
                server.stop(0);
            }
        }
    }
}
