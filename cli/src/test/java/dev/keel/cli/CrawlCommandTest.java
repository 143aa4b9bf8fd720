package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CrawlCommandTest {

    private record Run(int exitCode, String out, String err) {}

    private HttpServer server;

    private static Run keel(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit =
                KeelCommand.run(SystemCatalog.landed(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void serve() throws IOException {
        Map<String, String> pages = Map.of(
                "/", "<title>home</title><a href=/a>a</a><a href=/old>old</a>",
                "/a", "<title>a</title><a href=/>home</a>",
                "/new", "<title>new</title>");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/old")) {
                    exchange.getResponseHeaders().set("Location", "/new");
                    exchange.sendResponseHeaders(301, -1);
                    return;
                }
                String body = pages.get(path);
                byte[] bytes = (body == null ? "missing" : body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", body == null ? "text/plain" : "text/html");
                exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void crawl_writesOneJsonLinePerFetchedPage(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("pages.jsonl");
        Run run = keel("crawl", url("/"), "--delay", "0", "--workers", "2", "--out", out.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .contains(
                                "\"url\":\"" + url("/old") + "\"",
                                "\"final_url\":\"" + url("/new") + "\"",
                                "\"redirects\":[\"" + url("/old") + "\"]",
                                "\"status\":200",
                                "\"title\":\"new\""));
        assertThat(run.out()).contains("crawled: 3 pages");
    }

    @Test
    void crawl_withoutOut_printsALinePerPage_andMaxPagesIsKept() {
        Run run = keel("crawl", url("/"), "--delay", "0ms", "--max-pages", "2", "--same-host");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("200  depth 0").contains("crawled: 2 pages");
    }

    @Test
    void crawl_stateAndResume_continueACrawl(@TempDir Path dir) {
        Path state = dir.resolve("state");
        Run first = keel("crawl", url("/"), "--delay", "0", "--state", state.toString(), "--max-pages", "1", "--quiet");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Run refused = keel("crawl", url("/"), "--state", state.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("holds a crawl");
        Run resumed = keel("crawl", url("/"), "--delay", "0", "--state", state.toString(), "--resume", "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("crawled: 3 pages");
    }

    @Test
    void crawl_badInput_isAUsageErrorNamingTheValue() {
        Run badUrl = keel("crawl", "ftp://example.com/");
        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.err()).contains("seed: 'ftp://example.com/' (expected: an absolute http:// or https:// URL");

        Run badDepth = keel("crawl", url("/"), "--depth", "-1");
        assertThat(badDepth.exitCode()).isEqualTo(2);
        assertThat(badDepth.err()).contains("--depth (-1) must be at least 0");

        Run badDelay = keel("crawl", url("/"), "--delay", "soon");
        assertThat(badDelay.exitCode()).isEqualTo(2);
        assertThat(badDelay.err()).contains("--delay 'soon' (expected a duration");

        Run resumeWithoutState = keel("crawl", url("/"), "--resume");
        assertThat(resumeWithoutState.exitCode()).isEqualTo(2);
        assertThat(resumeWithoutState.err()).contains("--resume needs --state DIR");

        Run noUrl = keel("crawl");
        assertThat(noUrl.exitCode()).isEqualTo(2);
        assertThat(noUrl.err()).contains("URL");

        Run badAgent = keel("crawl", url("/"), "--user-agent", "9bot");
        assertThat(badAgent.exitCode()).isEqualTo(2);
        assertThat(badAgent.err()).contains("--user-agent: '9bot'");
    }

    @Test
    void demo_crawlsItsOwnSite_andNeverTheForbiddenFolder() {
        Run run = keel("demo", "crawler");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Crawled 6 pages", "Requests into /private/ (forbidden by robots.txt): 0");
    }
}
