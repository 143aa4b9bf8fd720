package dev.keel.crawler;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches the sitemaps a robots.txt lists, and the sitemaps their indexes list, and returns the page URLs they name,
 * normalised. Each request goes through the host's politeness slot; at most {@link #MAX_FILES} sitemap files are
 * fetched per robots.txt, and a file that fails (network, non-2xx, malformed XML) contributes what it could.
 *
 * <p>Not thread-safe: one instance per use, confined to a worker.
 */
final class SitemapFetch {

    static final int MAX_FILES = 20;

    private final Fetcher fetcher;
    private final CrawlConfig config;
    private final RobotsFetch.Slots slots;
    private final Runnable used;

    SitemapFetch(Fetcher fetcher, CrawlConfig config, RobotsFetch.Slots slots, Runnable used) {
        this.fetcher = fetcher;
        this.config = config;
        this.slots = slots;
        this.used = used;
    }

    List<String> pages(List<String> sitemapUrls) throws InterruptedException {
        ArrayDeque<String> toFetch = new ArrayDeque<>();
        Set<String> fetched = new HashSet<>();
        sitemapUrls.forEach(url -> config.normalizer().normalize(url).ifPresent(toFetch::add));
        List<String> pages = new ArrayList<>();
        while (!toFetch.isEmpty() && fetched.size() < MAX_FILES) {
            String url = toFetch.poll();
            if (!fetched.add(url)) {
                continue;
            }
            slots.freshFor(UrlNormalizer.hostKey(url));
            Fetcher.Response response;
            try {
                response = fetcher.get(url, Set.of(), config.maxBodyBytes());
            } catch (IOException unreachable) {
                continue;
            } finally {
                used.run();
            }
            if (response.status() < 200 || response.status() >= 300) {
                continue;
            }
            SitemapReader.Sitemap sitemap;
            try {
                sitemap = SitemapReader.read(response.body(), config.maxBodyBytes());
            } catch (IOException damaged) {
                continue;
            }
            for (String page : sitemap.pages()) {
                Optional<String> normal = config.normalizer().normalize(page);
                normal.ifPresent(pages::add);
            }
            sitemap.sitemaps()
                    .forEach(nested -> config.normalizer().normalize(nested).ifPresent(toFetch::add));
        }
        return pages;
    }
}
