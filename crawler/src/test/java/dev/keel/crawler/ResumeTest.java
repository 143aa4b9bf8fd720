package dev.keel.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kill and resume: a crawl killed with SIGKILL continues from its journal and ends where an uninterrupted one would. */
final class ResumeTest {

    private static final int PAGES = 240;
    private static final int WORKERS = 4;

    /** A site where page i links to 2i+1, 2i+2 and (as a cycle) to i/2; each page takes 5 ms to serve. */
    private static TestSite site() throws Exception {
        TestSite site = TestSite.start();
        for (int page = 0; page < PAGES; page++) {
            String html = "<a href=/p" + (2 * page + 1) + ">a</a><a href=/p" + (2 * page + 2) + ">b</a><a href=/p"
                    + (page / 2) + ">up</a>";
            site.handle("/p" + page, exchange -> {
                try {
                    Thread.sleep(5); // the site's pace, so that the kill lands mid-crawl
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                TestSite.respond(exchange, 200, "text/html", html);
            });
        }
        return site;
    }

    private static Set<String> fetchedPaths(TestSite site) {
        return site.paths().stream().filter(p -> !p.equals("/robots.txt")).collect(Collectors.toSet());
    }

    @Test
    void kill9_thenResume_visitsExactlyWhatAnUninterruptedCrawlVisits(@TempDir Path state) throws Exception {
        Set<String> uninterrupted;
        try (TestSite reference = site()) {
            WebCrawler.builder()
                    .delay(Duration.ZERO)
                    .maxDepth(20)
                    .workers(WORKERS)
                    .build()
                    .crawl(reference.url("/p0"));
            uninterrupted = fetchedPaths(reference);
        }
        assertThat(uninterrupted).hasSize(2 * PAGES + 1); // every page, and the missing children of the last half

        try (TestSite site = site()) {
            int printedBeforeKill;
            try (ChildJvm child =
                    ChildJvm.start(CrawlChild.class, site.url("/p0"), state.toString(), Integer.toString(WORKERS))) {
                for (int i = 0; i < 60; i++) {
                    assertThat(child.awaitLine(Duration.ofSeconds(30))).startsWith("page ");
                }
                child.kill9();
                printedBeforeKill = child.stdoutLines().size();
                assertThat(child.stdoutLines()).doesNotContain("done");
            }
            int requestsBeforeResume = site.paths().size();
            List<Page> resumed = WebCrawler.builder()
                    .delay(Duration.ZERO)
                    .maxDepth(20)
                    .workers(WORKERS)
                    .stateDirectory(state)
                    .resume(true)
                    .build()
                    .crawl(site.url("/p0"));
            assertThat(resumed).isNotEmpty();
            assertThat(resumed.size()).isLessThan(2 * PAGES + 1 - 50);
            assertThat(fetchedPaths(site)).isEqualTo(uninterrupted);

            Map<String, Integer> counts = new HashMap<>();
            site.paths().stream().filter(p -> !p.equals("/robots.txt")).forEach(p -> counts.merge(p, 1, Integer::sum));
            long twice = counts.values().stream().filter(count -> count > 1).count();
            assertThat(counts.values()).allMatch(count -> count <= 2);
            assertThat(twice)
                    .as(
                            "pages fetched twice (at most the %d in flight at the kill; %d printed, %d requests before)",
                            WORKERS, printedBeforeKill, requestsBeforeResume)
                    .isLessThanOrEqualTo(WORKERS);
        }
    }

    @Test
    void stateDirectoryWithACrawl_withoutResume_isRefused(@TempDir Path state) throws Exception {
        try (TestSite site = TestSite.start()) {
            site.linking("/");
            WebCrawler.builder()
                    .delay(Duration.ZERO)
                    .stateDirectory(state)
                    .build()
                    .crawl(site.url("/"));
            assertThatThrownBy(() ->
                            WebCrawler.builder().stateDirectory(state).build().crawl(site.url("/")))
                    .isInstanceOfSatisfying(
                            CrawlException.class,
                            e -> assertThat(e.code()).isEqualTo(CrawlException.Code.STATE_MISMATCH))
                    .hasMessageContaining(state.toString());
        }
    }

    @Test
    void journalWithAForeignRecord_isRefusedNamingIt(@TempDir Path state) throws Exception {
        try (CrawlJournal journal = CrawlJournal.open(state)) {
            journal.append(List.of(
                    CrawlJournal.record(CrawlJournal.DISCOVERED, 0, "http://a.example/"), new byte[] {9, 0, 0, 'x'}));
        }
        assertThatThrownBy(() -> WebCrawler.builder()
                        .stateDirectory(state)
                        .resume(true)
                        .build()
                        .crawl("http://a.example/"))
                .isInstanceOfSatisfying(
                        CrawlException.class, e -> assertThat(e.code()).isEqualTo(CrawlException.Code.JOURNAL_FAILED))
                .hasMessageContaining("has type 9 (expected: 1, 2 or 3)");
    }

    @Test
    void stateDirectoryThatIsAFile_isRefused(@TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThatThrownBy(
                        () -> WebCrawler.builder().stateDirectory(file).build().crawl("http://a.example/"))
                .isInstanceOfSatisfying(
                        CrawlException.class, e -> assertThat(e.code()).isEqualTo(CrawlException.Code.JOURNAL_FAILED))
                .hasMessageContaining(file.toString());
    }

    @Test
    void resumeOfAFinishedCrawl_fetchesNothingMore(@TempDir Path state) throws Exception {
        try (TestSite site = TestSite.start()) {
            site.linking("/", "/a").linking("/a");
            WebCrawler first = WebCrawler.builder()
                    .delay(Duration.ZERO)
                    .stateDirectory(state)
                    .build();
            assertThat(first.crawl(site.url("/"))).hasSize(2);
            int requests = site.paths().size();
            WebCrawler again = first.toBuilder().resume(true).build();
            assertThat(again.crawl(site.url("/"))).isEmpty();
            assertThat(site.paths()).hasSize(requests);
        }
    }
}
