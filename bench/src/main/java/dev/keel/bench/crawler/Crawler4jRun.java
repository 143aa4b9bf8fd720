package dev.keel.bench.crawler;

import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.CrawlController;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.WebURL;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One crawl by crawler4j 4.4.0, configured as close to keel's run as it allows: unlimited depth and pages, the same
 * politeness delay, robots.txt on, binary content off, no resumable storage, and its monitor, shutdown and clean-up
 * waits cut from 10 s to 1 s (their minimum in whole seconds), so that its exit time is not its defaults' fault. The
 * page fetcher's connection pool is shut down after the crawl returns, outside the measured time.
 */
final class Crawler4jRun {

    private Crawler4jRun() {}

    /** A crawler4j crawler that records each visited URL and only follows links to 127.0.0.1. */
    static final class Collector extends WebCrawler {
        private final Set<String> visited;
        private final long[] lastPage;

        Collector(Set<String> visited, long[] lastPage) {
            this.visited = visited;
            this.lastPage = lastPage;
        }

        @Override
        public boolean shouldVisit(Page referringPage, WebURL url) {
            return url.getURL().startsWith("http://127.0.0.1:");
        }

        @Override
        public void visit(Page page) {
            visited.add(page.getWebURL().getURL());
            synchronized (lastPage) {
                lastPage[0] = System.nanoTime();
            }
        }
    }

    static CrawlerHarness.Result crawl(
            List<String> seeds, int workers, int delayMillis, Path storage, Set<String> visited) throws Exception {
        // The clock starts before the crawler is configured, as in KeelRun: both rates include the set-up (the HTTP
        // client, and here also the Berkeley DB environment that holds crawler4j's frontier).
        long start = System.nanoTime();
        CrawlConfig config = new CrawlConfig();
        config.setCrawlStorageFolder(storage.toString());
        config.setPolitenessDelay(delayMillis);
        config.setMaxDepthOfCrawling(-1);
        config.setMaxPagesToFetch(-1);
        config.setIncludeBinaryContentInCrawling(false);
        config.setResumableCrawling(false);
        config.setMaxConnectionsPerHost(workers);
        config.setMaxTotalConnections(Math.max(100, workers * 4));
        config.setThreadMonitoringDelaySeconds(1);
        config.setThreadShutdownDelaySeconds(1);
        config.setCleanupDelaySeconds(1);
        PageFetcher fetcher = new PageFetcher(config);
        RobotstxtServer robots = new RobotstxtServer(new RobotstxtConfig(), fetcher);
        CrawlController controller = new CrawlController(config, fetcher, robots);
        seeds.forEach(controller::addSeed);
        long[] lastPage = {0};
        controller.start(() -> new Collector(visited, lastPage), workers);
        long end = System.nanoTime();
        fetcher.shutDown();
        long last;
        synchronized (lastPage) {
            last = lastPage[0];
        }
        return new CrawlerHarness.Result(visited.size(), start, last - start, end - start);
    }
}
