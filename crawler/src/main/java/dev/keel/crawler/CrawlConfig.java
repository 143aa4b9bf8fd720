package dev.keel.crawler;

import dev.keel.time.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Every option of a crawl, validated by {@link WebCrawler.Builder}; see the builder's methods for what each means.
 *
 * <p>Immutable (the callback is the caller's).
 */
record CrawlConfig(
        int maxDepth,
        int workers,
        long maxPages,
        long maxPagesPerHost,
        Duration delay,
        Duration maxCrawlDelay,
        int perHostConcurrency,
        String userAgent,
        boolean obeyRobots,
        boolean followNofollow,
        boolean followSitemaps,
        CrawlScope scope,
        UrlNormalizer normalizer,
        Duration connectTimeout,
        Duration responseTimeout,
        long maxBodyBytes,
        Set<String> acceptedTypes,
        int maxRedirects,
        int maxRetries,
        Duration retryBackoff,
        Duration maxRetryAfter,
        Duration robotsCacheTtl,
        @Nullable Path stateDirectory,
        @Nullable Path warcFile,
        boolean resume,
        @Nullable Consumer<Page> onPage,
        boolean keepPages,
        Ticker ticker,
        InstantSource clock) {

    CrawlConfig {
        acceptedTypes = Set.copyOf(acceptedTypes);
    }

    /** The robots.txt product token: the user agent up to its first character that is not a letter, '_' or '-'. */
    String productToken() {
        return RobotsRules.leadingToken(userAgent);
    }
}
