package dev.keel.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
final class WebCrawlerTest {

    private static WebCrawler.Builder fast() {
        return WebCrawler.builder().delay(Duration.ZERO).responseTimeout(Duration.ofSeconds(10));
    }

    @Test
    void seedExample_crawlsTheSiteWithTheTwoArgumentConstructor() throws Exception {
        try (TestSite site = TestSite.start()) {
            site.linking("/", "/a", "/b")
                    .linking("/a", "/b", "/c")
                    .linking("/b", "/")
                    .linking("/c");
            WebCrawler crawler = new WebCrawler(3, 5);
            List<Page> results = crawler.crawl(site.url("/"));
            assertThat(results)
                    .extracting(Page::url)
                    .containsExactlyInAnyOrder(site.url("/"), site.url("/a"), site.url("/b"), site.url("/c"));
            assertThat(results).allSatisfy(page -> assertThat(page.status()).isEqualTo(200));
            assertThat(results)
                    .filteredOn(page -> page.url().equals(site.url("/a")))
                    .singleElement()
                    .satisfies(page -> {
                        assertThat(page.depth()).isEqualTo(1);
                        assertThat(page.title()).isEqualTo("/a");
                        assertThat(page.links()).containsExactly(site.url("/b"), site.url("/c"));
                    });
        }
    }

    /** A generated site graph: the visited set is exactly BFS to the depth limit, minus robots-forbidden paths. */
    @Test
    void crawl_generatedGraph_visitsExactlyTheReachablePagesWithinDepth(SeededRandom random) throws Exception {
        for (int trial = 0; trial < 5; trial++) {
            int pages = 30 + random.nextInt(60);
            int maxDepth = 1 + random.nextInt(4);
            Map<Integer, List<Integer>> graph = new HashMap<>();
            for (int page = 0; page < pages; page++) {
                List<Integer> links = new ArrayList<>();
                int count = random.nextInt(5);
                for (int i = 0; i < count; i++) {
                    links.add(random.nextInt(pages + 3)); // some links point at pages that do not exist
                }
                graph.put(page, links);
            }
            try (TestSite site = TestSite.start()) {
                site.robots("User-agent: *\nDisallow: /private/\n");
                for (int page = 0; page < pages; page++) {
                    site.linking(
                            path(page),
                            graph.get(page).stream().map(WebCrawlerTest::path).toArray(String[]::new));
                }
                List<Page> crawled = fast().maxDepth(maxDepth)
                        .workers(1 + random.nextInt(8))
                        .build()
                        .crawl(site.url(path(0)));

                Set<String> expected = new HashSet<>();
                ArrayDeque<int[]> queue = new ArrayDeque<>();
                Set<Integer> visited = new HashSet<>();
                queue.add(new int[] {0, 0});
                visited.add(0);
                while (!queue.isEmpty()) {
                    int[] item = queue.poll();
                    expected.add(site.url(path(item[0])));
                    if (item[1] == maxDepth || item[0] >= pages) {
                        continue;
                    }
                    for (int link : graph.get(item[0])) {
                        if (!path(link).startsWith("/private/") && visited.add(link)) {
                            queue.add(new int[] {link, item[1] + 1});
                        }
                    }
                }
                assertThat(crawled)
                        .extracting(Page::url)
                        .as("trial %d: %d pages, depth %d", trial, pages, maxDepth)
                        .containsExactlyInAnyOrderElementsOf(expected);
                List<String> fetched = site.paths().stream()
                        .filter(p -> !p.equals("/robots.txt"))
                        .toList();
                assertThat(fetched).doesNotHaveDuplicates().noneMatch(p -> p.startsWith("/private/"));
                assertThat(site.paths()).filteredOn("/robots.txt"::equals).hasSize(1);
            }
        }
    }

    /** Every seventh page lives under /private/, which robots.txt forbids. */
    private static String path(int page) {
        return page % 7 == 3 ? "/private/p" + page : "/p" + page;
    }

    @Test
    void crawl_maxPages_isNeverExceeded() throws Exception {
        try (TestSite site = TestSite.start()) {
            for (int page = 0; page < 50; page++) {
                site.linking("/p" + page, "/p" + (2 * page + 1), "/p" + (2 * page + 2));
            }
            List<Page> crawled =
                    fast().maxDepth(10).workers(8).maxPages(17).build().crawl(site.url("/p0"));
            assertThat(crawled).hasSize(17);
            assertThat(site.paths().stream().filter(p -> !p.equals("/robots.txt")))
                    .hasSize(17);
            // Breadth-first: the 17 pages are the first 17 of the binary tree's levels (15 full, 2 of the next).
            assertThat(crawled).filteredOn(page -> page.depth() <= 3).hasSize(15);
        }
    }

    @Test
    void crawl_maxPagesPerHost_capsEachHost() throws Exception {
        try (TestSite one = TestSite.start();
                TestSite two = TestSite.start()) {
            List<String> links = new ArrayList<>();
            for (int page = 0; page < 10; page++) {
                one.linking("/p" + page);
                two.linking("/p" + page);
                links.add(one.url("/p" + page));
                links.add(two.url("/p" + page));
            }
            one.linking("/", links.toArray(String[]::new));
            List<Page> crawled = fast().maxPagesPerHost(4).build().crawl(one.url("/"));
            assertThat(crawled)
                    .filteredOn(page -> page.url().startsWith(one.origin()))
                    .hasSize(4);
            assertThat(crawled)
                    .filteredOn(page -> page.url().startsWith(two.origin()))
                    .hasSize(4);
        }
    }

    @Test
    void crawl_sameHost_doesNotLeaveTheSeedsHost() throws Exception {
        try (TestSite home = TestSite.start();
                TestSite other = TestSite.start()) {
            other.linking("/");
            home.linking("/", other.url("/"), "/a").linking("/a");
            List<Page> crawled = fast().sameHost(true).build().crawl(home.url("/"));
            assertThat(crawled).extracting(Page::url).containsExactlyInAnyOrder(home.url("/"), home.url("/a"));
            assertThat(other.paths()).isEmpty();

            List<Page> everywhere = fast().build().crawl(home.url("/"));
            assertThat(everywhere).extracting(Page::url).contains(other.url("/"));
        }
    }

    @Test
    void crawl_includeAndExcludeRules_filterLinks() throws Exception {
        try (TestSite site = TestSite.start()) {
            site.linking("/", "/docs/a", "/docs/b.pdf", "/blog/c")
                    .linking("/docs/a")
                    .linking("/blog/c");
            site.linking("/docs/b.pdf");
            List<Page> crawled =
                    fast().include("/docs/").exclude("\\.pdf$").build().crawl(site.url("/"));
            assertThat(crawled).extracting(Page::url).containsExactlyInAnyOrder(site.url("/"), site.url("/docs/a"));
        }
    }

    @Test
    void crawl_nofollow_isHonouredByDefault() throws Exception {
        try (TestSite site = TestSite.start()) {
            site.page("/", "<a href=/a>a</a><a rel='nofollow ugc' href=/b>b</a>")
                    .linking("/a")
                    .linking("/b");
            site.page("/meta", "<meta name=robots content='noindex, nofollow'><a href=/a>a</a>");
            assertThat(fast().build().crawl(site.url("/")))
                    .extracting(Page::url)
                    .containsExactlyInAnyOrder(site.url("/"), site.url("/a"));
            assertThat(fast().followNofollow(true).build().crawl(site.url("/"))).hasSize(3);
            assertThat(fast().build().crawl(site.url("/meta"))).hasSize(1);
        }
    }

    @Test
    void crawl_baseHrefAndCanonical_resolveLinks() throws Exception {
        try (TestSite site = TestSite.start()) {
            site.page("/", "<head><base href='/dir/'><link rel=canonical href='/canon'></head><a href='x'>x</a>");
            site.linking("/dir/x").linking("/canon");
            assertThat(fast().build().crawl(site.url("/")))
                    .extracting(Page::url)
                    .containsExactlyInAnyOrder(site.url("/"), site.url("/dir/x"), site.url("/canon"));
        }
    }

    @Test
    void crawl_onPageCallback_seesEveryPageOnce() throws Exception {
        try (TestSite site = TestSite.start()) {
            site.linking("/", "/a", "/b").linking("/a", "/").linking("/b", "/a");
            ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
            List<Page> kept = fast().onPage(page -> seen.add(page.url()))
                    .keepPages(false)
                    .build()
                    .crawl(site.url("/"));
            assertThat(kept).isEmpty();
            assertThat(seen).containsExactlyInAnyOrder(site.url("/"), site.url("/a"), site.url("/b"));
        }
    }

    @Test
    void crawl_callbackThrows_stopsWithCallbackFailed() throws Exception {
        try (TestSite site = TestSite.start()) {
            site.linking("/", "/a").linking("/a");
            WebCrawler crawler = fast().onPage(page -> {
                        throw new IllegalStateException("boom");
                    })
                    .build();
            assertThatThrownBy(() -> crawler.crawl(site.url("/")))
                    .isInstanceOfSatisfying(
                            CrawlException.class,
                            e -> assertThat(e.code()).isEqualTo(CrawlException.Code.CALLBACK_FAILED))
                    .hasMessageContaining("boom");
        }
    }

    @Test
    void crawl_badSeeds_areRejectedWithTheValue() {
        WebCrawler crawler = fast().build();
        for (String seed : List.of("ftp://example.com/", "example.com", "/relative", "http://", "http://a:99999/")) {
            assertThatThrownBy(() -> crawler.crawl(seed))
                    .isInstanceOfSatisfying(
                            CrawlException.class, e -> assertThat(e.code()).isEqualTo(CrawlException.Code.BAD_SEED))
                    .hasMessageContaining("'" + seed + "'");
        }
        assertThatThrownBy(() -> crawler.crawl(List.of())).hasMessageContaining("seeds: none given");
    }

    @Test
    void builder_badValues_areRejectedWithTheValueAndWhatWasExpected() {
        assertThatThrownBy(() -> WebCrawler.builder().workers(0)).hasMessage("workers (0) must be between 1 and 10000");
        assertThatThrownBy(() -> WebCrawler.builder().maxDepth(-1)).hasMessage("maxDepth (-1) must be at least 0");
        assertThatThrownBy(() -> WebCrawler.builder().maxPages(0)).hasMessage("maxPages (0) must be at least 1");
        assertThatThrownBy(() -> WebCrawler.builder().delay(Duration.ofMillis(-1)))
                .hasMessage("delay (PT-0.001S) must not be negative");
        assertThatThrownBy(() -> WebCrawler.builder().userAgent("1bot"))
                .hasMessageStartingWith("userAgent: '1bot' (expected:");
        assertThatThrownBy(() -> WebCrawler.builder().include("(")).hasMessageStartingWith("include: '(' is not");
        assertThatThrownBy(() -> WebCrawler.builder().robotsCacheTtl(Duration.ofHours(25)))
                .hasMessage("robotsCacheTtl (PT25H) must be at most 24 h (RFC 9309)");
        assertThatThrownBy(() -> WebCrawler.builder().workers(2).workers(3)).hasMessage("workers was already set");
        assertThatThrownBy(() -> WebCrawler.builder().resume(true).build())
                .hasMessageContaining("resume needs a stateDirectory");
        assertThatThrownBy(() -> new WebCrawler(3, 0)).hasMessageContaining("workers (0)");
    }

    @Test
    void toBuilder_keepsOptionsAndAllowsAVariant() {
        WebCrawler crawler = WebCrawler.builder().maxDepth(7).workers(3).build();
        WebCrawler variant = crawler.toBuilder().build();
        assertThat(variant.config()).isEqualTo(crawler.config());
    }
}
