/**
 * The crawler's benchmark: {@link dev.keel.bench.crawler.CrawlerHarness} runs keel's crawler and crawler4j 4.4.0
 * over the same local web ({@link dev.keel.bench.crawler.BenchSite}) in interleaved rounds. Single-threaded harness
 * code; the crawlers bring their own threads.
 */
@NullMarked
package dev.keel.bench.crawler;

import org.jspecify.annotations.NullMarked;
