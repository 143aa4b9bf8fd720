/**
 * keel's web crawler: polite (per-host delays, RFC 9309 robots.txt), concurrent (virtual threads, many hosts at
 * once), resumable (a journaled frontier).
 *
 * <p>Reading order: {@link dev.keel.crawler.WebCrawler} (the entry point and its builder), {@link
 * dev.keel.crawler.Page} (what a crawl yields), {@link dev.keel.crawler.Crawl} and {@link
 * dev.keel.crawler.CrawlProgress} (a crawl in the background), {@link dev.keel.crawler.UrlNormalizer} and {@link
 * dev.keel.crawler.RobotsRules} (usable on their own), {@link dev.keel.crawler.JsonLinesWriter} (output). Inside:
 * {@code CrawlRun} (the workers), {@code Frontier} (per-host queues and the politeness schedule), {@code SeenSet}
 * (compact dedup), {@code Fetcher} and {@code LimitedBody} (HTTP with limits), {@code LinkExtractor} (jsoup),
 * {@code RobotsFetch} and {@code RobotsCache}, {@code CrawlJournal} (resumability on keel-storage's log).
 *
 * <p>Thread safety: {@code WebCrawler}, {@code UrlNormalizer} and {@code RobotsRules} are immutable; {@code Crawl}
 * is thread-safe; builders are not. Inside a crawl, a URL's processing is confined to one worker's virtual thread and
 * the shared structures (frontier, seen set, caches, journal) are each thread-safe on their own.
 */
@NullMarked
package dev.keel.crawler;

import org.jspecify.annotations.NullMarked;
