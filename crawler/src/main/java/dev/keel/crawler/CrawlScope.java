package dev.keel.crawler;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which discovered URLs the crawl follows: same host as a seed, host domain suffixes, and include/exclude regular
 * expressions on the whole normalised URL. A URL is followed if it passes every configured test; excludes win.
 *
 * @param sameHost follow only links to a seed's host (and port)
 * @param domainSuffixes if non-empty, follow only hosts equal to or ending in {@code .}+one of these
 * @param includes if non-empty, follow only URLs that one of these finds a match in
 * @param excludes never follow URLs that one of these finds a match in
 */
record CrawlScope(boolean sameHost, Set<String> domainSuffixes, List<Pattern> includes, List<Pattern> excludes) {

    static final CrawlScope EVERYTHING = new CrawlScope(false, Set.of(), List.of(), List.of());

    CrawlScope {
        domainSuffixes = Set.copyOf(domainSuffixes.stream()
                .map(suffix -> suffix.toLowerCase(Locale.ROOT))
                .toList());
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    /** Whether {@code normalUrl} is in scope, for a crawl whose seeds have the host keys {@code seedHosts}. */
    boolean allows(String normalUrl, Set<String> seedHosts) {
        if (sameHost && !seedHosts.contains(UrlNormalizer.hostKey(normalUrl))) {
            return false;
        }
        if (!domainSuffixes.isEmpty() && !hasSuffix(UrlNormalizer.host(normalUrl))) {
            return false;
        }
        for (Pattern exclude : excludes) {
            if (exclude.matcher(normalUrl).find()) {
                return false;
            }
        }
        if (includes.isEmpty()) {
            return true;
        }
        for (Pattern include : includes) {
            if (include.matcher(normalUrl).find()) {
                return true;
            }
        }
        return false;
    }

    private boolean hasSuffix(String host) {
        for (String suffix : domainSuffixes) {
            if (host.equals(suffix) || host.endsWith("." + suffix)) {
                return true;
            }
        }
        return false;
    }
}
