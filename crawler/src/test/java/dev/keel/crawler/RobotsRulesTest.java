package dev.keel.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(SeedExtension.class)
final class RobotsRulesTest {

    /** RFC 9309 section 5.1, the complete example. */
    private static final String RFC_EXAMPLE = """
            User-Agent: *
            Disallow: *.gif$
            Disallow: /example/
            Allow: /publications/

            User-Agent: foobot
            Disallow:/
            Allow:/example/page.html
            Allow:/example/allowed.gif

            User-Agent: barbot
            User-Agent: bazbot
            Disallow: /example/page.html

            User-Agent: quxbot

            EOF
            """;

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "foobot, /example/page.html, true",
        "foobot, /example/allowed.gif, true",
        "foobot, /example/other.html, false",
        "foobot, /, false",
        "FooBot, /example/page.html, true",
        "barbot, /example/page.html, false",
        "bazbot, /example/page.html, false",
        "barbot, /example/other.html, true",
        "barbot, /picture.gif, true",
        "quxbot, /example/page.html, true",
        "quxbot, /picture.gif, true",
        "otherbot, /picture.gif, false",
        "otherbot, /picture.gif?x=1, true",
        "otherbot, /example/page.html, false",
        "otherbot, /publications/a.html, true",
        "otherbot, /robots.txt, true",
    })
    void rfcExample_section5_1(String agent, String path, boolean allowed) {
        assertThat(RobotsRules.parse(RFC_EXAMPLE, agent).isAllowed(path)).isEqualTo(allowed);
    }

    /** RFC 9309 section 5.2: the longest match wins. */
    @Test
    void rfcExample_longestMatch() {
        RobotsRules rules = RobotsRules.parse("""
                User-Agent: foobot
                Allow: /example/page/
                Disallow: /example/page/disallowed.gif
                """, "foobot");
        assertThat(rules.isAllowed("/example/page/")).isTrue();
        assertThat(rules.isAllowed("/example/page/allowed.gif")).isTrue();
        assertThat(rules.isAllowed("/example/page/disallowed.gif")).isFalse();
    }

    /** RFC 9309 section 2.2.2/2.2.3: percent-encoding and special characters. */
    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource({
        "/foo/bar?baz=quz, /foo/bar?baz=quz",
        "/foo/bar/ツ, /foo/bar/%E3%83%84",
        "/foo/bar/%E3%83%84, /foo/bar/%E3%83%84",
        "/foo/bar/%62%61%7A, /foo/bar/baz",
        "/path/file-with-a-%2A.html, /path/file-with-a-*.html",
        "/path/foo-%24, /path/foo-$",
    })
    void rfcExamples_encoding(String pattern, String path) {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: " + pattern + "\n", "keel-crawler");
        assertThat(rules.isAllowed(path)).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                // product token: case-insensitive, version ignored, no prefix matching
                "User-agent: KEEL-Crawler\\nDisallow: /x | keel-crawler | /x | false",
                "User-agent: keel-crawler/2.1\\nDisallow: /x | keel-crawler | /x | false",
                "User-agent: keel\\nDisallow: /x\\nUser-agent: *\\nDisallow: /y | keel-crawler | /x | true",
                "User-agent: keel\\nDisallow: /x\\nUser-agent: *\\nDisallow: /y | keel-crawler | /y | false",
                // groups for one agent are merged; a specific group hides the * group
                "User-agent: a\\nDisallow: /1\\nUser-agent: *\\nDisallow: /3\\nUser-agent: a\\nDisallow: /2 | a | /2 | false",
                "User-agent: a\\nDisallow: /1\\nUser-agent: *\\nDisallow: /3\\nUser-agent: a\\nDisallow: /2 | a | /3 | true",
                // rules before any user-agent line belong to no group
                "Disallow: /x\\nUser-agent: *\\nDisallow: /y | a | /x | true",
                // an empty Disallow allows everything
                "User-agent: *\\nDisallow: | a | /anything | true",
                // allow wins a tie; the longest match wins otherwise
                "User-agent: *\\nDisallow: /page\\nAllow: /page | a | /page | true",
                "User-agent: *\\nAllow: /page\\nDisallow: /page | a | /page | true",
                "User-agent: *\\nDisallow: /\\nAllow: /$ | a | / | true",
                "User-agent: *\\nDisallow: /\\nAllow: /$ | a | /x | false",
                // wildcards and the end anchor
                "User-agent: *\\nDisallow: /*.php$ | a | /index.php | false",
                "User-agent: *\\nDisallow: /*.php$ | a | /index.php?x=1 | true",
                "User-agent: *\\nDisallow: /*.php$ | a | /a.php5 | true",
                "User-agent: *\\nDisallow: /fish* | a | /fish.html | false",
                "User-agent: *\\nDisallow: /*/private/*/x | a | /a/private/b/c/x | false",
                "User-agent: *\\nDisallow: /a*b*c$ | a | /axxbyyc | false",
                "User-agent: *\\nDisallow: /a*b*c$ | a | /axxbyycd | true",
                // robots.txt itself is always allowed
                "User-agent: *\\nDisallow: / | a | /robots.txt | true",
                // spelling: case of keys, spaces around the colon, comments, a pattern without the leading slash
                "USER-AGENT : *\\nDISALLOW : /x # not /y | a | /x | false",
                "User-agent: * # everyone\\nDisallow: /y#comment | a | /y | false",
                "User-agent: *\\nDisallow: x | a | /x | false",
                "\\uFEFFUser-agent: *\\nDisallow: /x | a | /x | false",
            })
    void trickyCases(String robots, String agent, String path, boolean allowed) {
        String content = robots.replace("\\n", "\n").replace("\\uFEFF", "\uFEFF");
        assertThat(RobotsRules.parse(content, agent).isAllowed(path))
                .as("%s for %s", path, agent)
                .isEqualTo(allowed);
    }

    @Test
    void crawlDelayAndSitemaps_areRead() {
        RobotsRules rules = RobotsRules.parse("""
                Sitemap: https://example.com/sitemap.xml
                User-agent: *
                Crawl-delay: 2.5
                Disallow: /x
                User-agent: other
                Crawl-delay: 9
                Sitemap: https://example.com/news.xml
                """, "keel-crawler");
        assertThat(rules.crawlDelay()).contains(Duration.ofMillis(2500));
        assertThat(rules.sitemaps()).containsExactly("https://example.com/sitemap.xml", "https://example.com/news.xml");
        assertThat(RobotsRules.parse("User-agent: *\nCrawl-delay: soon\n", "a").crawlDelay())
                .isEmpty();
        assertThat(RobotsRules.parse("User-agent: *\nCrawl-delay: -1\n", "a").crawlDelay())
                .isEmpty();
    }

    @Test
    void parse_onlyTheFirst500KiBCount() {
        StringBuilder content = new StringBuilder("User-agent: *\n");
        while (content.length() < RobotsRules.MAX_BYTES) {
            content.append("# padding padding padding padding padding padding\n");
        }
        content.append("Disallow: /late\n");
        assertThat(RobotsRules.parse(content.toString().getBytes(StandardCharsets.UTF_8), "a")
                        .isAllowed("/late"))
                .isTrue();
        assertThat(RobotsRules.parse(content.toString(), "a").isAllowed("/late"))
                .isFalse();
    }

    @Test
    void allowAllAndDisallowAll() {
        assertThat(RobotsRules.allowAll().isAllowed("/x")).isTrue();
        assertThat(RobotsRules.disallowAll().isAllowed("/x")).isFalse();
        assertThat(RobotsRules.disallowAll().isAllowed("/robots.txt")).isTrue();
    }

    @Test
    void parse_badProductToken_isRejected() {
        assertThatThrownBy(() -> RobotsRules.parse("", "keel crawler"))
                .hasMessageStartingWith("productToken: 'keel crawler' (expected:");
        assertThatThrownBy(() -> RobotsRules.parse("", "")).hasMessageStartingWith("productToken: ''");
    }

    /**
     * Differential test against crawler-commons' RFC 9309 parser on generated robots files and paths. The alphabet
     * is chosen where both implement the RFC the same way (ASCII paths; agents that are exact product tokens).
     */
    @Test
    void differential_againstCrawlerCommons(SeededRandom random) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        List<String> agents = List.of("*", "keel-crawler", "otherbot", "KEEL-CRAWLER");
        List<String> pieces = List.of("a", "b", "ab", "/", "*", ".", "html", "?", "=", "x");
        int compared = 0;
        for (int file = 0; file < 400; file++) {
            StringBuilder robots = new StringBuilder();
            int groups = 1 + random.nextInt(3);
            for (int g = 0; g < groups; g++) {
                int agentLines = 1 + random.nextInt(2);
                for (int a = 0; a < agentLines; a++) {
                    robots.append("User-agent: ").append(random.pick(agents)).append('\n');
                }
                int rules = random.nextInt(5);
                for (int r = 0; r < rules; r++) {
                    robots.append(random.nextBoolean() ? "Allow: " : "Disallow: ")
                            .append(pattern(random, pieces))
                            .append('\n');
                }
            }
            if (robots.toString().matches("(?s).*\\*[^\n]*\\$.*")) {
                continue; // see differential_knownDeviation
            }
            byte[] content = robots.toString().getBytes(StandardCharsets.UTF_8);
            RobotsRules ours = RobotsRules.parse(content, "keel-crawler");
            SimpleRobotRules theirs = parser.parseContent(
                    "http://example.com/robots.txt", content, "text/plain", List.of("keel-crawler"));
            for (int p = 0; p < 20; p++) {
                String path = path(random, pieces);
                assertThat(ours.isAllowed(path))
                        .as("path %s under (seed %d)%n%s", path, random.seed(), robots)
                        .isEqualTo(theirs.isAllowed("http://example.com" + path));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(4000);
    }

    /**
     * The one difference the differential test found: crawler-commons 1.4 does not backtrack over a {@code *} when a
     * pattern also ends in {@code $}, so {@code /*a$} does not match {@code /bab/a} there (the first {@code a} is taken
     * and the anchor fails). RFC 9309 (and Google's reference parser) match it: any run of characters may stand for
     * the {@code *}. Generated files with such patterns are skipped above; this pins the case.
     */
    @Test
    void differential_knownDeviation_wildcardBeforeAnchor() {
        String robots = "User-agent: *\nAllow: /*a$\nDisallow: /\n";
        SimpleRobotRules theirs = new SimpleRobotRulesParser()
                .parseContent(
                        "http://example.com/robots.txt",
                        robots.getBytes(StandardCharsets.UTF_8),
                        "text/plain",
                        List.of("keel-crawler"));
        assertThat(theirs.isAllowed("http://example.com/bab/a")).isFalse();
        assertThat(RobotsRules.parse(robots, "keel-crawler").isAllowed("/bab/a"))
                .isTrue();
        assertThat(RobotsRules.parse(robots, "keel-crawler").isAllowed("/bab/ab"))
                .isFalse();
    }

    private static String pattern(SeededRandom random, List<String> pieces) {
        StringBuilder pattern = new StringBuilder("/");
        int length = random.nextInt(4);
        for (int i = 0; i < length; i++) {
            pattern.append(random.pick(pieces));
        }
        if (random.chance(1, 5)) {
            pattern.append('$');
        }
        return pattern.toString();
    }

    private static String path(SeededRandom random, List<String> pieces) {
        StringBuilder path = new StringBuilder("/");
        int length = random.nextInt(5);
        for (int i = 0; i < length; i++) {
            String piece = random.pick(pieces);
            path.append(piece.equals("*") ? "c" : piece);
        }
        return path.toString();
    }
}
