package dev.keel.crawler;

import dev.keel.time.Ticker;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Each site's robots.txt rules, reused for up to the configured time (24 h at most, as RFC 9309 section 2.4 allows).
 *
 * <p>A worker fetches robots.txt while holding a request slot on the host and looks in the cache again once it has
 * the slot, so with the default per-host concurrency of 1 each site's robots.txt is fetched once per time to live.
 * With a higher per-host concurrency two workers may both fetch it; the second result simply replaces the first,
 * which was preferred to a per-origin future that the second worker would wait on.
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
