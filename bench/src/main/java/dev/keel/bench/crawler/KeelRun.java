package dev.keel.bench.crawler;

import dev.keel.crawler.WebCrawler;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One crawl by keel, configured as {@link Crawler4jRun} configures crawler4j: unlimited depth and pages, the same
 * politeness delay, robots.txt on, pages not kept in memory. The clock starts before the crawler is configured, as
 * it does for crawler4j, so that both rates include the crawler's own set-up (HTTP client, frontier, threads).
 */
final class KeelRun {

    private KeelRun() {}

    static CrawlerHarness.Result crawl(List<String> seeds, int workers, int delayMs, Set<String> visited) {
        long[] lastPage = {0};
        long start = System.nanoTime();
        WebCrawler crawler = WebCrawler.builder()
                .workers(workers)
                .delay(Duration.ofMillis(delayMs))
                // Without a delay, crawler4j sends up to one request per worker to a host; so does keel here.
                .perHostConcurrency(delayMs == 0 ? Math.min(workers, 64) : 1)
                .maxDepth(10_000)
                .keepPages(false)
                .onPage(page -> {
                    if (page.isSuccess()) {
                        visited.add(page.finalUrl());
                    }
                    synchronized (lastPage) {
                        lastPage[0] = System.nanoTime();
                    }
                })
                .build();
        crawler.crawl(seeds);
        long end = System.nanoTime();
        synchronized (lastPage) {
            return new CrawlerHarness.Result(visited.size(), start, lastPage[0] - start, end - start);
        }
    }
}
