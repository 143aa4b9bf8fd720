package dev.keel.crawler;

import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A snapshot of a running crawl, for a progress line.
 *
 * @param pages pages fetched so far (the count {@code maxPages} limits), including pages fetched by earlier runs of
 *     a resumed crawl
 * @param queued URLs waiting in the frontier
 * @param inFlight URLs being fetched now
 * @param byStatus pages by final HTTP status (0 for no response) in this run
 * @param robotsDisallowed URLs not fetched because robots.txt forbids them
 * @param retries requests retried after a 5xx, 429 or network error
 * @param elapsed time since this run started
 */
public record CrawlProgress(
        long pages,
        long queued,
        long inFlight,
        SortedMap<Integer, Long> byStatus,
        long robotsDisallowed,
        long retries,
        Duration elapsed) {

    public CrawlProgress {
        byStatus = new TreeMap<>(byStatus);
    }

    /** Pages fetched per second over this run. */
    public double pagesPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos <= 0 ? 0 : pagesThisRun() * 1e9 / nanos;
    }

    /** Pages fetched in this run: the sum of {@link #byStatus()}. */
    public long pagesThisRun() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A one-line summary: {@code 120 pages (35.2/s), 40 queued, 5 in flight, 200: 118, 404: 2}. */
    public String toLine() {
        StringBuilder line = new StringBuilder();
        line.append(pages)
                .append(" pages (")
                .append(String.format(java.util.Locale.ROOT, "%.1f", pagesPerSecond()))
                .append("/s), ")
                .append(queued)
                .append(" queued, ")
                .append(inFlight)
                .append(" in flight");
        for (Map.Entry<Integer, Long> entry : byStatus.entrySet()) {
            line.append(", ")
                    .append(entry.getKey() == 0 ? "errors" : entry.getKey().toString())
                    .append(": ")
                    .append(entry.getValue());
        }
        if (robotsDisallowed > 0) {
            line.append(", robots-disallowed: ").append(robotsDisallowed);
        }
        return line.toString();
    }
}
