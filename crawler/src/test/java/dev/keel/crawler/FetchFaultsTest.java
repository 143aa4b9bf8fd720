package dev.keel.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** What the crawler does with servers that misbehave: loops, throttling, errors, endless bodies, odd content. */
final class FetchFaultsTest {

    private static WebCrawler.Builder fast() {
        return WebCrawler.builder().delay(Duration.ZERO).retryBackoff(Duration.ofMillis(10));
    }

    private static Page only(List<Page> pages, String url) {
        return pages.stream()
                .filter(page -> page.url().equals(url))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no page " + url + " in " + pages));
    }

    @Test
    void redirectLoop_endsWithAnErrorPage() throws Exception {
        try (TestSite site = TestSite.start()) {
            site.handle("/a", exchange -> TestSite.redirect(exchange, 302, "/b"));
            site.handle("/b", exchange -> TestSite.redirect(exchange, 307, "/a"));
            Page page = only(fast().build().crawl(site.url("/a")), site.url("/a"));
            assertThat(page.error()).startsWith("redirect loop at " + site.url("/a"));
            assertThat(page.redirects()).containsExactly(site.url("/a"), site.url("/b"));
            assertThat(site.paths())
                    .filteredOn(path -> !path.equals("/robots.txt"))
                    .containsExactly("/a", "/b");
        }
    }

    @Test
    void redirectChain_longerThanTheLimit_endsWithAnErrorPage() throws Exception {
        try (TestSite site = TestSite.start()) {
            for (int i = 0; i < 10; i++) {
                String next = "/r" + (i + 1);
                site.handle("/r" + i, exchange -> TestSite.redirect(exchange, 301, next));
            }
            Page page = only(fast().maxRedirects(3).build().crawl(site.url("/r0")), site.url("/r0"));
            assertThat(page.error()).isEqualTo("more than 3 redirects");
            assertThat(site.paths()).doesNotContain("/r5");
        }
    }

    @Test
    void redirect_toAnotherHost_checksThatHostsRobots() throws Exception {
        try (TestSite home = TestSite.start();
                TestSite other = TestSite.start()) {
            other.robots("User-agent: *\nDisallow: /secret\n")
                    .linking("/secret")
                    .linking("/open");
            home.handle("/go-secret", exchange -> TestSite.redirect(exchange, 302, other.url("/secret")));
            home.handle("/go-open", exchange -> TestSite.redirect(exchange, 303, other.url("/open")));
            home.linking("/", "/go-secret", "/go-open");
            List<Page> pages = fast().build().crawl(home.url("/"));
            assertThat(pages).extracting(Page::finalUrl).containsExactlyInAnyOrder(home.url("/"), other.url("/open"));
            assertThat(only(pages, home.url("/go-open")).redirects()).containsExactly(home.url("/go-open"));
            assertThat(other.paths()).containsExactly("/robots.txt", "/open");
        }
    }

    @Test
    void tooManyRequests_waitsForRetryAfter() throws Exception {
        try (TestSite site = TestSite.start()) {
            AtomicInteger calls = new AtomicInteger();
            site.handle("/", exchange -> {
                if (calls.getAndIncrement() == 0) {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                    TestSite.respond(exchange, 429, "text/plain", "slow down");
                } else {
                    TestSite.respond(exchange, 200, "text/html", "<title>ok</title>");
                }
            });
            Page page = only(fast().build().crawl(site.url("/")), site.url("/"));
            assertThat(page.status()).isEqualTo(200);
            List<TestSite.Request> requests =
                    site.requests().stream().filter(r -> r.path().equals("/")).toList();
            assertThat(requests).hasSize(2);
            assertThat(requests.get(1).nanos() - requests.get(0).nanos())
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        }
    }

    /** A 503 without Retry-After slows the host down (adaptive back-off), even with no configured delay. */
    @Test
    void serviceUnavailable_slowsTheHostDown() throws Exception {
        try (TestSite site = TestSite.start()) {
            AtomicInteger calls = new AtomicInteger();
            site.handle("/busy", exchange -> {
                int call = calls.getAndIncrement();
                TestSite.respond(exchange, call == 0 ? 503 : 200, "text/html", "<a href=/after>after</a>");
            });
            site.linking("/after");
            List<Page> pages = WebCrawler.builder()
                    .delay(Duration.ZERO)
                    .retryBackoff(Duration.ZERO)
                    .build()
                    .crawl(site.url("/busy"));
            assertThat(pages).extracting(Page::status).containsOnly(200);
            List<TestSite.Request> requests = site.requests().stream()
                    .filter(request -> !request.path().equals("/robots.txt"))
                    .toList();
            assertThat(requests).extracting(TestSite.Request::path).containsExactly("/busy", "/busy", "/after");
            assertThat(requests.get(1).nanos() - requests.get(0).nanos())
                    .isGreaterThanOrEqualTo(Frontier.MIN_BACKOFF_NANOS);
        }
    }

    @Test
    void serverErrors_areRetriedWithBackoff_thenReported() throws Exception {
        try (TestSite site = TestSite.start()) {
            AtomicInteger calls = new AtomicInteger();
            site.handle("/flaky", exchange -> {
                int call = calls.getAndIncrement();
                TestSite.respond(exchange, call < 2 ? 503 : 200, "text/html", "<title>call " + call + "</title>");
            });
            site.handle("/broken", exchange -> TestSite.respond(exchange, 500, "text/html", "broken"));
            List<Page> pages = fast().maxRetries(2).build().crawl(site.url("/flaky"), site.url("/broken"));
            assertThat(only(pages, site.url("/flaky")).title()).isEqualTo("call 2");
            assertThat(only(pages, site.url("/broken")).status()).isEqualTo(500);
            assertThat(site.paths()).filteredOn("/broken"::equals).hasSize(3);
        }
    }

    @Test
    void connectionRefused_isAnErrorPage() {
        String url = "http://127.0.0.1:" + FreePorts.pick() + "/";
        Page page = only(fast().maxRetries(1).obeyRobots(false).build().crawl(url), url);
        assertThat(page.status()).isZero();
        assertThat(page.error()).contains("ConnectException");
    }

    @Test
    void endlessBody_isCutAtTheLimit() throws Exception {
        try (TestSite site = TestSite.start()) {
            site.handle("/endless", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, 0);
                byte[] chunk = "<p>more</p>\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
                try (OutputStream out = exchange.getResponseBody()) {
                    while (true) {
                        out.write(chunk);
                    }
                } catch (IOException clientWentAway) {
                    // expected: the crawler stops reading at its limit
                }
            });
            Page page = only(fast().maxBodyBytes(64 * 1024).build().crawl(site.url("/endless")), site.url("/endless"));
            assertThat(page.truncated()).isTrue();
            assertThat(page.bytes()).isEqualTo(64 * 1024);
        }
    }

    @Test
    void slowBody_hitsTheResponseDeadline() throws Exception {
        try (TestSite site = TestSite.start()) {
            site.handle("/drip", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 200; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(50); // the misbehaving server's pace, not test synchronisation
                    }
                } catch (IOException | InterruptedException stopped) {
                    // the crawler gave up or the test ended
                }
            });
            long start = System.nanoTime();
            Page page = only(
                    fast().maxRetries(0)
                            .responseTimeout(Duration.ofMillis(400))
                            .build()
                            .crawl(site.url("/drip")),
                    site.url("/drip"));
            assertThat(page.error()).contains("no complete response within PT0.4S");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    /** A server that takes the request and never answers: the same deadline covers the wait for the headers. */
    @Test
    void noHeaders_hitTheResponseDeadline() throws Exception {
        CountDownLatch testDone = new CountDownLatch(1);
        try (TestSite site = TestSite.start()) {
            site.handle("/silent", exchange -> {
                try {
                    testDone.await();
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            });
            Page page = only(
                    fast().maxRetries(0)
                            .responseTimeout(Duration.ofMillis(300))
                            .build()
                            .crawl(site.url("/silent")),
                    site.url("/silent"));
            assertThat(page.error()).contains("no complete response within PT0.3S");
        } finally {
            testDone.countDown();
        }
    }

    @Test
    void wrongContentType_isNotReadNorParsed() throws Exception {
        try (TestSite site = TestSite.start()) {
            site.handle(
                    "/image.png",
                    exchange -> TestSite.respond(exchange, 200, "image/png", "<a href=/x>".repeat(100_000)));
            site.linking("/", "/image.png").linking("/x");
            List<Page> pages = fast().build().crawl(site.url("/"));
            Page image = only(pages, site.url("/image.png"));
            assertThat(image.contentType()).isEqualTo("image/png");
            assertThat(image.bytes()).isZero();
            assertThat(image.links()).isEmpty();
            assertThat(site.paths()).doesNotContain("/x");
        }
    }

    @Test
    void malformedHtml_yieldsTheLinksABrowserWouldSee() throws Exception {
        try (TestSite site = TestSite.start()) {
            site.page(
                    "/",
                    "<html><title>broken</title><body><a href=/x>unclosed <div><a href='/y'>y<table><a href=\"/z\"");
            Page page = only(fast().maxDepth(0).build().crawl(site.url("/")), site.url("/"));
            assertThat(page.title()).isEqualTo("broken");
            assertThat(page.links()).contains(site.url("/x"), site.url("/y"));
        }
    }

    @Test
    void gzipBody_isDecompressed() throws Exception {
        try (TestSite site = TestSite.start()) {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                gzip.write("<title>zipped</title><a href=/next>n</a>".getBytes(StandardCharsets.UTF_8));
            }
            site.handle("/", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                exchange.sendResponseHeaders(200, compressed.size());
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(compressed.toByteArray());
                }
            });
            Page page = only(fast().maxDepth(0).build().crawl(site.url("/")), site.url("/"));
            assertThat(page.title()).isEqualTo("zipped");
            assertThat(page.links()).containsExactly(site.url("/next"));
        }
    }

    @Test
    void robots_serverError_disallowsEverything_andNotFound_allowsEverything() throws Exception {
        try (TestSite broken = TestSite.start();
                TestSite missing = TestSite.start()) {
            broken.handle("/robots.txt", exchange -> TestSite.respond(exchange, 503, "text/plain", "down"));
            broken.linking("/");
            assertThat(fast().maxRetries(0).build().crawl(broken.url("/"))).isEmpty();
            assertThat(broken.paths()).containsExactly("/robots.txt");

            missing.linking("/");
            assertThat(fast().build().crawl(missing.url("/"))).hasSize(1);
        }
    }

    @Test
    void robots_redirect_isFollowed() throws Exception {
        try (TestSite site = TestSite.start()) {
            site.handle("/robots.txt", exchange -> TestSite.redirect(exchange, 301, "/real-robots.txt"));
            site.handle(
                    "/real-robots.txt",
                    exchange -> TestSite.respond(exchange, 200, "text/plain", "User-agent: *\nDisallow: /no\n"));
            site.linking("/", "/no", "/yes").linking("/no").linking("/yes");
            assertThat(fast().build().crawl(site.url("/")))
                    .extracting(Page::url)
                    .containsExactlyInAnyOrder(site.url("/"), site.url("/yes"));
        }
    }
}
