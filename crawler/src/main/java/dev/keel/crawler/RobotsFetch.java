package dev.keel.crawler;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches one site's robots.txt and turns the outcome into rules, as RFC 9309 section 2.3.1 says: a 2xx is parsed
 * (its first 500 KiB); up to five redirects are followed; a 4xx means no restrictions ("unavailable"); a 5xx, a
 * network failure or a timeout means everything is disallowed ("unreachable"), as does a redirect loop or a sixth
 * redirect (treated as unavailable by the RFC's "MAY", which we take the cautious way only for loops). Each request,
 * redirect hops included, goes through the host's politeness slot.
 *
 * <p>Not thread-safe: one instance per fetch, confined to a worker.
 */
final class RobotsFetch {

    /** Takes a fresh request slot on a host, waiting for its delay. */
    @FunctionalInterface
    interface Slots {
        void freshFor(String hostKey) throws InterruptedException;
    }

    static final int MAX_REDIRECTS = 5;

    private final Fetcher fetcher;
    private final CrawlConfig config;
    private final Slots slots;
    private final Runnable used;

    RobotsFetch(Fetcher fetcher, CrawlConfig config, Slots slots, Runnable used) {
        this.fetcher = fetcher;
        this.config = config;
        this.slots = slots;
        this.used = used;
    }

    RobotsRules fetch(String origin) throws InterruptedException {
        String url = origin + "/robots.txt";
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            slots.freshFor(UrlNormalizer.hostKey(url));
            Fetcher.Response response;
            try {
                response = fetcher.get(url, Set.of(), RobotsRules.MAX_BYTES);
            } catch (IOException unreachable) {
                return RobotsRules.disallowAll();
            } finally {
                used.run();
            }
            int status = response.status();
            if (status >= 200 && status < 300) {
                return RobotsRules.parse(response.body(), config.productToken());
            }
            if (status >= 300 && status < 400 && response.location() != null) {
                Optional<String> next = config.normalizer().resolve(url, response.location());
                if (next.isEmpty()) {
                    return RobotsRules.allowAll();
                }
                url = next.get();
                continue;
            }
            if (status >= 400 && status < 500) {
                return RobotsRules.allowAll();
            }
            return RobotsRules.disallowAll();
        }
        return RobotsRules.allowAll();
    }
}
