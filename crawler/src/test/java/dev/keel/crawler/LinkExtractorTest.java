package dev.keel.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Gen;
import dev.keel.testing.Property;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
final class LinkExtractorTest {

    /** The warm-up page goes through everything a real page does: title, entities, base, nofollow, canonical. */
    @Test
    void warmUp_parsesItsPage_likeARealOne() {
        LinkExtractor.Extracted extracted = new LinkExtractor(UrlNormalizer.standard(), false).warmUp();
        assertThat(extracted.title()).isEqualTo("Warm & up é");
        assertThat(extracted.links())
                .containsExactly(
                        "http://warm-up.invalid/dir/a.html",
                        "http://warm-up.invalid/c",
                        "http://warm-up.invalid/d/e",
                        "http://warm-up.invalid/dir/page.html");
    }

    /** Byte order mark over the header's charset over the meta tag's, as browsers decide. */
    @Test
    void extract_charset_bomThenHeaderThenMeta() {
        LinkExtractor extractor = new LinkExtractor(UrlNormalizer.standard(), false);
        byte[] latin1 = "<meta charset=utf-8><title>caf\u00e9</title>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(extractor
                        .extract(latin1, StandardCharsets.ISO_8859_1, "http://example.com/")
                        .title())
                .isEqualTo("caf\u00e9");
        assertThat(extractor.extract(latin1, null, "http://example.com/").title())
                .isEqualTo("caf\ufffd");
        byte[] bom = ("\ufeff<title>caf\u00e9</title>").getBytes(StandardCharsets.UTF_8);
        assertThat(extractor
                        .extract(bom, StandardCharsets.ISO_8859_1, "http://example.com/")
                        .title())
                .isEqualTo("caf\u00e9");
    }

    @Test
    void charset_fromContentType() {
        assertThat(Fetcher.charset("text/html; charset=utf-8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Fetcher.charset("text/html;Charset=\"ISO-8859-1\" ; x=y")).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(Fetcher.charset("text/html")).isNull();
        assertThat(Fetcher.charset("text/html; charset=")).isNull();
        assertThat(Fetcher.charset("text/html; charset=no-such-charset")).isNull();
        assertThat(Fetcher.charset("text/html; charset=bad name!")).isNull();
        assertThat(Fetcher.charset(null)).isNull();
    }

    @Test
    void relContains_tokensSeparatedByAnyWhitespace_caseInsensitive() {
        Element element = new Element("a");
        element.attr("rel", " \tUGC\nNoFollow\u000B");
        assertThat(LinkExtractor.relContains(element, "nofollow")).isTrue();
        assertThat(LinkExtractor.relContains(element, "ugc")).isTrue();
        assertThat(LinkExtractor.relContains(element, "follow")).isFalse();
        assertThat(LinkExtractor.relContains(element, "nofollowugc")).isFalse();
        element.attr("rel", "nofollowed");
        assertThat(LinkExtractor.relContains(element, "nofollow")).isFalse();
    }

    /**
     * The one-walk extractor finds the same title and links, in the same order, as the three selector queries it
     * replaced ({@link #bySelectors}), on generated pages that mix what matters: upper-case tags and attributes,
     * links without href or with an empty one, rel tokens split by odd whitespace, nofollow in rel and in a robots
     * meta tag (which may come after the links), canonical links, {@code <base>}, links inside SVG and tables, and
     * absolute paths on both sides of {@link LinkExtractor#absoluteHref}'s shortcut (dot segments, empty segments,
     * odd characters; bases with ports, user info, other schemes).
     */
    @Test
    void property_extract_findsWhatTheSelectorQueriesFound(SeededRandom random) {
        Property.forAll(random, 500, PAGES, page -> {
            byte[] html = page.getBytes(StandardCharsets.UTF_8);
            for (boolean followNofollow : List.of(false, true)) {
                LinkExtractor extractor = new LinkExtractor(UrlNormalizer.standard(), followNofollow);
                for (String pageUrl : PAGE_URLS) {
                    LinkExtractor.Extracted extracted = extractor.extract(html, pageUrl);
                    assertThat(extracted).isEqualTo(bySelectors(html, pageUrl, followNofollow));
                }
            }
        });
    }

    private static final List<String> PIECES = List.of(
            "<a href=\"a.html\">a</a>",
            "<A HREF=\"/B?x=1&amp;y=2#f\">b</A>",
            "<a>no href</a>",
            "<a href=\"\">empty</a>",
            "<a href=\"http://other.example/x\" rel=\"nofollow\">n</a>",
            "<a href=\"c\" rel=\" UGC\tNoFollow \">n2</a>",
            "<a href=\"d\" rel=\"nofollowed\">d</a>",
            "<a href=\"e\" rel=\"\">e</a>",
            "<area href=\"/area\">",
            "<area nohref>",
            "<link rel=\"canonical\" href=\"/canon\">",
            "<link REL=\"Canonical alternate\" href=\"canon2\">",
            "<link rel=\"stylesheet\" href=\"/s.css\">",
            "<link rel=\"canonical\">",
            "<meta name=\"robots\" content=\"noindex, NOFOLLOW\">",
            "<meta name=\"ROBOTS\" content=\"none\">",
            "<meta name=\"robots\" content=\"index, follow\">",
            "<meta name=\"description\" content=\"nofollow\">",
            "<meta name=\"robots\">",
            "<base href=\"/other/\">",
            "<title>T &amp; t</title>",
            "<svg><a href=\"/svg-link\">s</a></svg>",
            "<table><tr><td><a href=\"t\">t</a></table>",
            "<p>text <b>bold</b>",
            "<a href=\"javascript:void(0)\">js</a>",
            "<a href=\"mailto:x@example.com\">mail</a>",
            "<a href=\"  /spaced  \">s</a>",
            "<a href=\"http://[bad\">bad</a>",
            "<a href=\"/p12\">p</a><a href=\"/Dir/Page_1.html\">p</a><a href=\"/a-b/~c/d.e\">p</a>",
            "<a href=\"/a/./b\">dot</a><a href=\"/../x\">up</a><a href=\"/.hidden\">h</a><a href=\"/x/..\">u</a>",
            "<a href=\"/a//b\">s</a><a href=\"/\">root</a><a href=\"/x.\">x</a><a href=\"/%41\">pct</a>",
            "<a href=\"/x:y\">colon</a><a href=\"/\tx\">tab</a><a href=\"/\u00e9t\u00e9\">utf</a>",
            "<base href=\"http://Other.Example:8080/base/\">",
            "<base href=\"http://user@other.example/b/\">",
            "<base href=\"https://other.example:080/b\">",
            "<base href=\"http://other.example:/b\">",
            "<base href=\"ftp://other.example/b\">");

    private static final List<String> PAGE_URLS =
            List.of("http://example.com/dir/page.html", "https://127.0.0.1:8443", "http://EXAMPLE.com:80/p0");

    private static final Gen<String> PAGES = random -> {
        StringBuilder page = new StringBuilder();
        if (random.nextBoolean()) {
            page.append("<!DOCTYPE html><html><head>");
        }
        int pieces = random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            page.append(random.pick(PIECES));
        }
        return page.toString();
    };

    /** What the extractor did before the one-walk version: the reference. */
    private static LinkExtractor.Extracted bySelectors(byte[] html, String pageUrl, boolean followNofollow) {
        Document document;
        try {
            document = Jsoup.parse(new ByteArrayInputStream(html), null, pageUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String title = document.title().strip();
        Set<String> links = new LinkedHashSet<>();
        UrlNormalizer normalizer = UrlNormalizer.standard();
        if (followNofollow || !metaNofollow(document)) {
            for (Element anchor : document.select("a[href], area[href]")) {
                if (followNofollow || !relContainsBySplit(anchor, "nofollow")) {
                    String absolute = anchor.absUrl("href");
                    if (!absolute.isEmpty()) {
                        normalizer.normalize(absolute).ifPresent(links::add);
                    }
                }
            }
            for (Element canonical : document.select("link[rel][href]")) {
                if (relContainsBySplit(canonical, "canonical")) {
                    String absolute = canonical.absUrl("href");
                    if (!absolute.isEmpty()) {
                        normalizer.normalize(absolute).ifPresent(links::add);
                    }
                }
            }
        }
        return new LinkExtractor.Extracted(title.isEmpty() ? null : title, List.copyOf(links));
    }

    private static boolean metaNofollow(Document document) {
        for (Element meta : document.select("meta[name][content]")) {
            if (meta.attr("name").equalsIgnoreCase("robots")) {
                String content = meta.attr("content").toLowerCase(Locale.ROOT);
                if (content.contains("nofollow") || content.contains("none")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean relContainsBySplit(Element element, String value) {
        for (String token : element.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
            if (token.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
