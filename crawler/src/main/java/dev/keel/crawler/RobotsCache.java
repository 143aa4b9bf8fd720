package dev.keel.crawler;

import dev.keel.time.Ticker;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Each site's robots.txt rules, reused for up to the configured time (24 h at most, as RFC 9309 section 2.4 allows).
 *
 * <p>Two workers on one host (with a per-host concurrency above 1) may both find the entry missing and both fetch
 * robots.txt; the second result simply replaces the first. That was preferred to a per-origin future that the
 * second worker would wait on, because the fetch already runs under the host's politeness slot.
 *
 * <p>Thread-safe.
 */
final class RobotsCache {

    private record Entry(RobotsRules rules, long fetchedAt) {}

    private final ConcurrentHashMap<String, Entry> byOrigin = new ConcurrentHashMap<>();
    private final Ticker ticker;
    private final long ttlNanos;

    RobotsCache(Ticker ticker, long ttlNanos) {
        this.ticker = ticker;
        this.ttlNanos = ttlNanos;
    }

    /** The rules for {@code origin} ({@code https://host:port}) if fetched within the time to live. */
    @Nullable
    RobotsRules get(String origin) {
        Entry entry = byOrigin.get(origin);
        if (entry == null || ticker.read() - entry.fetchedAt() >= ttlNanos) {
            return null;
        }
        return entry.rules();
    }

    void put(String origin, RobotsRules rules) {
        byOrigin.put(origin, new Entry(rules, ticker.read()));
    }
}
