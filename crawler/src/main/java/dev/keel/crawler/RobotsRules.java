package dev.keel.crawler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one robots.txt allows one crawler: the rules of the groups that apply to its product token, per RFC 9309.
 *
 * <pre>{@code
 * RobotsRules rules = RobotsRules.parse(robotsTxtBytes, "keel-crawler");
 * rules.isAllowed("/private/report.html?x=1");   // false under "Disallow: /private/"
 * }</pre>
 *
 * <p>How it is designed, and why. Parsing follows RFC 9309 section 2: a group is one or more {@code user-agent}
 * lines followed by rules; every group whose product token equals ours (case-insensitively; in a line such as
 * {@code User-agent: FooBot/1.2} the token is the leading run of letters, {@code _} and {@code -}) applies, and
 * several such groups are merged; only if none does, the {@code *} groups apply, again merged. Rules before any
 * user-agent line belong to no group and are ignored. {@code Sitemap} lines are global; {@code Crawl-delay}, which
 * the RFC does not define but many sites use, is read from the applying groups. Unknown lines are ignored.
 *
 * <p>Matching (section 2.2.2): patterns and paths are compared in one percent-encoding (non-ASCII as UTF-8 escapes,
 * upper-case hex, encoded unreserved characters decoded: {@link UrlNormalizer}'s rules), {@code *} matches any
 * run of characters and a final {@code $} anchors the end. The matching rule with the longest pattern, in octets,
 * wins; on a tie {@code allow} wins; no match means allowed, and {@code /robots.txt} itself is always allowed.
 * The matcher is the two-pointer wildcard algorithm with backtracking to the last {@code *}: linear in the usual
 * case, O(pattern &times; path) in the worst, and the inputs are bounded (500 KiB files, 8 KiB URLs).
 *
 * <p>Immutable and thread-safe.
 */
public final class RobotsRules {

    /** RFC 9309 section 2.5: a crawler must parse at least the first 500 kibibytes. We parse exactly that much. */
    public static final int MAX_BYTES = 500 * 1024;

    private static final RobotsRules ALLOW_ALL = new RobotsRules(List.of(), null, List.of());
    private static final RobotsRules DISALLOW_ALL = new RobotsRules(List.of(new Rule("/", false)), null, List.of());

    /** One allow or disallow line, its pattern already in the comparison encoding. */
    record Rule(String pattern, boolean allow) {}

    private final List<Rule> rules;
    private final @Nullable Duration crawlDelay;
    private final List<String> sitemaps;

    private RobotsRules(List<Rule> rules, @Nullable Duration crawlDelay, List<String> sitemaps) {
        this.rules = List.copyOf(rules);
        this.crawlDelay = crawlDelay;
        this.sitemaps = List.copyOf(sitemaps);
    }

    /** No rules: what a 4xx for robots.txt means (RFC 9309 section 2.3.1.3). */
    public static RobotsRules allowAll() {
        return ALLOW_ALL;
    }

    /** Everything but {@code /robots.txt} disallowed: what a 5xx or an unreachable host means (section 2.3.1.4). */
    public static RobotsRules disallowAll() {
        return DISALLOW_ALL;
    }

    /** Parses robots.txt {@code content} (UTF-8; only the first {@link #MAX_BYTES} count) for {@code productToken}. */
    public static RobotsRules parse(byte[] content, String productToken) {
        int length = Math.min(content.length, MAX_BYTES);
        return parse(new String(content, 0, length, StandardCharsets.UTF_8), productToken);
    }

    /**
     * Parses robots.txt {@code content} for the crawler whose product token is {@code productToken} (such as
     * {@code keel-crawler}).
     *
     * @throws IllegalArgumentException if {@code productToken} is not a product token (letters, {@code _}, {@code -})
     */
    public static RobotsRules parse(String content, String productToken) {
        checkProductToken(productToken);
        List<Rule> ours = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        @Nullable Duration ourDelay = null;
        @Nullable Duration starDelay = null;
        List<String> sitemaps = new ArrayList<>();
        boolean anyOurs = false;
        boolean anyStar = false;
        boolean inAgentLines = false;
        boolean groupIsOurs = false;
        boolean groupIsStar = false;
        boolean inGroup = false;
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        for (String rawLine : text.split("\r\n|\r|\n")) {
            int hash = rawLine.indexOf('#');
            String line = (hash < 0 ? rawLine : rawLine.substring(0, hash)).strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "user-agent" -> {
                    if (!inAgentLines) {
                        groupIsOurs = false;
                        groupIsStar = false;
                    }
                    inAgentLines = true;
                    inGroup = true;
                    if (value.equals("*")) {
                        groupIsStar = true;
                        anyStar = true;
                    } else if (leadingToken(value).equalsIgnoreCase(productToken)) {
                        groupIsOurs = true;
                        anyOurs = true;
                    }
                }
                case "allow", "disallow" -> {
                    inAgentLines = false;
                    if (!inGroup || value.isEmpty()) {
                        continue;
                    }
                    Rule rule = new Rule(comparable(value), key.equals("allow"));
                    if (groupIsOurs) {
                        ours.add(rule);
                    }
                    if (groupIsStar) {
                        star.add(rule);
                    }
                }
                case "crawl-delay" -> {
                    inAgentLines = false;
                    @Nullable Duration delay = parseDelay(value);
                    if (inGroup && delay != null) {
                        if (groupIsOurs && ourDelay == null) {
                            ourDelay = delay;
                        }
                        if (groupIsStar && starDelay == null) {
                            starDelay = delay;
                        }
                    }
                }
                case "sitemap" -> {
                    if (!value.isEmpty()) {
                        sitemaps.add(value);
                    }
                }
                default -> inAgentLines = false;
            }
        }
        if (anyOurs) {
            return new RobotsRules(ours, ourDelay, sitemaps);
        }
        return anyStar ? new RobotsRules(star, starDelay, sitemaps) : new RobotsRules(List.of(), null, sitemaps);
    }

    /** Whether {@code pathAndQuery} (such as {@code /a/b.html?x=1}) may be fetched. */
    public boolean isAllowed(String pathAndQuery) {
        if (rules.isEmpty()) {
            return true;
        }
        // In a path, '*' and '$' are plain characters; a pattern writes them as %2A and %24 (RFC 9309 2.2.3).
        String path = comparable(pathAndQuery.isEmpty() ? "/" : pathAndQuery)
                .replace("*", "%2A")
                .replace("$", "%24");
        if (path.equals("/robots.txt")) {
            return true;
        }
        int bestLength = -1;
        boolean bestAllow = true;
        for (Rule rule : rules) {
            int length = rule.pattern().length();
            if (length < bestLength || (length == bestLength && bestAllow)) {
                continue;
            }
            if (matches(rule.pattern(), path)) {
                bestLength = length;
                bestAllow = rule.allow();
            }
        }
        return bestAllow;
    }

    /** The Crawl-delay the applying groups ask for, if any. */
    public Optional<Duration> crawlDelay() {
        return Optional.ofNullable(crawlDelay);
    }

    /** The Sitemap URLs the file lists, in order (global, whatever the groups). */
    public List<String> sitemaps() {
        return sitemaps;
    }

    /** The rules that apply, in file order; for tests and diagnostics. */
    List<Rule> rules() {
        return rules;
    }

    /** Whether {@code pattern} ({@code *} wildcards, optional final {@code $}) matches a prefix of {@code path}. */
    static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        int patternEnd = anchored ? pattern.length() - 1 : pattern.length();
        int p = 0;
        int s = 0;
        int starP = -1;
        int starS = -1;
        while (true) {
            if (p == patternEnd) {
                if (!anchored || s == path.length()) {
                    return true;
                }
                if (starP < 0 || starS >= path.length()) {
                    return false;
                }
                p = starP + 1;
                s = ++starS;
                continue;
            }
            char c = pattern.charAt(p);
            if (c == '*') {
                starP = p;
                starS = s;
                p++;
            } else if (s < path.length() && path.charAt(s) == c) {
                p++;
                s++;
            } else if (starP >= 0 && starS < path.length()) {
                p = starP + 1;
                s = ++starS;
            } else {
                return false;
            }
        }
    }

    private static String comparable(String patternOrPath) {
        String value = patternOrPath;
        if (!value.startsWith("/") && !value.startsWith("*")) {
            value = "/" + value;
        }
        return UrlNormalizer.normalizeEncoding(value, true);
    }

    /** The leading run of letters, '_' and '-' of {@code value}: the product token of a User-Agent. */
    static String leadingToken(String value) {
        int end = 0;
        while (end < value.length() && isTokenChar(value.charAt(end))) {
            end++;
        }
        return value.substring(0, end);
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
    }

    static void checkProductToken(String productToken) {
        if (productToken.isEmpty() || !productToken.chars().allMatch(c -> isTokenChar((char) c))) {
            throw new IllegalArgumentException("productToken: '" + productToken
                    + "' (expected: letters, '_' and '-' only, as RFC 9309 section 2.2.1 requires)");
        }
    }

    private static @Nullable Duration parseDelay(String value) {
        try {
            double seconds = Double.parseDouble(value);
            if (!(seconds >= 0) || seconds > 86_400) {
                return null;
            }
            return Duration.ofMillis(Math.round(seconds * 1000));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "RobotsRules[" + rules.size() + " rules, crawlDelay=" + crawlDelay + ", " + sitemaps.size()
                + " sitemaps]";
    }
}
