package dev.keel.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Per-host gaps measured at the servers, which record the arrival time of every request. */
final class PolitenessTest {

    private static void assertGapsAtLeast(List<TestSite.Request> requests, Duration delay) {
        assertThat(requests).hasSizeGreaterThan(1);
        for (int i = 1; i < requests.size(); i++) {
            long gap = requests.get(i).nanos() - requests.get(i - 1).nanos();
            assertThat(gap)
                    .as(
                            "gap between %s and %s",
                            requests.get(i - 1).path(), requests.get(i).path())
                    .isGreaterThanOrEqualTo(delay.toNanos());
        }
    }

    /**
     * The host's slot goes back when the response is read, not after the page is processed: while one worker is
     * still inside onPage for /a, another already fetches /b from the same host (with a per-host cap of 1). Before
     * this, the slot was held through parsing, journaling and callbacks, which made every request to a host late by
     * that time and kept 20 hosts under 90% of their polite rate.
     */
    @Test
    void slot_isGivenBackWhenTheResponseIsRead_notAfterThePageIsProcessed() throws Exception {
        Duration delay = Duration.ofMillis(50);
        CountDownLatch secondRequestArrived = new CountDownLatch(1);
        AtomicInteger overlapped = new AtomicInteger();
        try (TestSite site = TestSite.start()) {
            site.linking("/a");
            site.handle("/b", exchange -> {
                secondRequestArrived.countDown();
                TestSite.respond(exchange, 200, "text/html", "<title>b</title>");
            });
            List<Page> pages = WebCrawler.builder()
                    .delay(delay)
                    .workers(2)
                    .onPage(page -> {
                        try {
                            if (page.url().endsWith("/a") && secondRequestArrived.await(10, TimeUnit.SECONDS)) {
                                overlapped.incrementAndGet();
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    })
                    .build()
                    .crawl(site.url("/a"), site.url("/b"));
            assertThat(pages).hasSize(2);
            assertThat(overlapped).hasValue(1);
            assertGapsAtLeast(site.requests(), delay);
        }
    }

    @Test
    void oneHost_everyRequestIsSeparatedByTheDelay_robotsAndRedirectHopsIncluded() throws Exception {
        Duration delay = Duration.ofMillis(120);
        try (TestSite site = TestSite.start()) {
            site.robots("User-agent: *\nDisallow: /private/\n");
            site.linking("/", "/a", "/b", "/old", "/private/x")
                    .linking("/a", "/c")
                    .linking("/b")
                    .linking("/c");
            site.handle("/old", exchange -> TestSite.redirect(exchange, 301, "/new"));
            site.linking("/new");
            List<Page> pages =
                    WebCrawler.builder().delay(delay).workers(4).build().crawl(site.url("/"));
            assertThat(pages)
                    .extracting(Page::finalUrl)
                    .containsExactlyInAnyOrder(
                            site.url("/"), site.url("/a"), site.url("/b"), site.url("/new"), site.url("/c"));
            assertThat(site.paths()).contains("/robots.txt", "/old", "/new").doesNotContain("/private/x");
            assertGapsAtLeast(site.requests(), delay);
        }
    }

    @Test
    void crawlDelay_raisesTheDelayUpToTheCap() throws Exception {
        try (TestSite site = TestSite.start();
                TestSite capped = TestSite.start()) {
            site.robots("User-agent: *\nCrawl-delay: 0.25\n")
                    .linking("/", "/a", "/b")
                    .linking("/a")
                    .linking("/b");
            WebCrawler crawler = WebCrawler.builder()
                    .delay(Duration.ofMillis(10))
                    .maxCrawlDelay(Duration.ofSeconds(5))
                    .build();
            crawler.crawl(site.url("/"));
            List<TestSite.Request> requests = site.requests();
            assertGapsAtLeast(requests.subList(1, requests.size()), Duration.ofMillis(250));

            capped.robots("User-agent: *\nCrawl-delay: 100\n")
                    .linking("/", "/a")
                    .linking("/a");
            long start = System.nanoTime();
            WebCrawler.builder()
                    .delay(Duration.ofMillis(10))
                    .maxCrawlDelay(Duration.ofMillis(200))
                    .build()
                    .crawl(capped.url("/"));
            assertGapsAtLeast(capped.requests().subList(1, capped.requests().size()), Duration.ofMillis(200));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }
    }

    /** With a per-host concurrency of 3, the server never sees more than 3 requests at once, and does see 3. */
    @Test
    void perHostConcurrency_capsRequestsInFlightAtTheServer() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch threeArrived = new CountDownLatch(3);
        try (TestSite site = TestSite.start()) {
            StringBuilder links = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                links.append("<a href=/p").append(i).append(">p</a>");
                site.handle("/p" + i, exchange -> {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    threeArrived.countDown();
                    try {
                        // Hold the request until three are in flight (or a bound passes), so overlap is certain.
                        threeArrived.await(2, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inFlight.decrementAndGet();
                    TestSite.respond(exchange, 200, "text/html", "<title>p</title>");
                });
            }
            site.page("/", links.toString());
            List<Page> pages = WebCrawler.builder()
                    .delay(Duration.ZERO)
                    .workers(8)
                    .perHostConcurrency(3)
                    .build()
                    .crawl(site.url("/"));
            assertThat(pages).hasSize(31);
            assertThat(most.get()).isEqualTo(3);
        }
    }

    /** Several hosts at once: each keeps its own gap, and requests to different hosts are not spaced by it. */
    @Test
    void manyHosts_areCrawledInParallel_eachAtItsOwnPace() throws Exception {
        Duration delay = Duration.ofMillis(200);
        List<TestSite> sites = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                sites.add(TestSite.start());
            }
            List<String> links = new ArrayList<>();
            for (TestSite site : sites) {
                site.linking("/", "/1", "/2", "/3").linking("/1").linking("/2").linking("/3");
                links.add(site.url("/"));
            }
            try (TestSite hub = TestSite.start()) {
                hub.linking("/", links.toArray(String[]::new));
                WebCrawler.builder().delay(delay).workers(8).build().crawl(hub.url("/"));
            }
            record Arrival(int site, long nanos) {}
            List<Arrival> all = new ArrayList<>();
            for (int i = 0; i < sites.size(); i++) {
                assertThat(sites.get(i).requests()).hasSize(5); // robots.txt and 4 pages
                assertGapsAtLeast(sites.get(i).requests(), delay);
                for (TestSite.Request request : sites.get(i).requests()) {
                    all.add(new Arrival(i, request.nanos()));
                }
            }
            all.sort(Comparator.comparingLong(Arrival::nanos));
            int closeAcrossHosts = 0;
            for (int i = 1; i < all.size(); i++) {
                if (all.get(i).site() != all.get(i - 1).site()
                        && all.get(i).nanos() - all.get(i - 1).nanos() < delay.toNanos() / 2) {
                    closeAcrossHosts++;
                }
            }
            // Under one global politeness lock (crawler4j's design) every gap would be at least the delay.
            assertThat(closeAcrossHosts).isGreaterThanOrEqualTo(3);
        } finally {
            sites.forEach(TestSite::close);
        }
    }
}
