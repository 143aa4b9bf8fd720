package dev.keel.crawler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads an HTML page's title and the links a crawler may follow, with jsoup.
 *
 * <p>What is a link: {@code a[href]} and {@code area[href]} (not when {@code rel} contains {@code nofollow}, unless
 * configured to follow them) and {@code link[rel=canonical]}. Relative links resolve against the page's final URL or
 * its {@code <base href>} (jsoup does both). A {@code <meta name="robots">} with {@code nofollow} or {@code none}
 * means no link of the page is followed. Links are normalised, deduplicated and kept in page order. jsoup parses
 * malformed HTML the way browsers do (the HTML5 algorithm), so broken markup yields what a browser would see.
 *
 * <p>Immutable and thread-safe.
 */
final class LinkExtractor {

    /** A parsed page: its title and links. */
    record Extracted(@Nullable String title, List<String> links) {}

    private final UrlNormalizer normalizer;
    private final boolean followNofollow;

    LinkExtractor(UrlNormalizer normalizer, boolean followNofollow) {
        this.normalizer = normalizer;
        this.followNofollow = followNofollow;
    }

    /** Parses {@code html} served at {@code pageUrl}; the charset comes from the meta tag or defaults to UTF-8. */
    Extracted extract(byte[] html, String pageUrl) {
        Document document;
        try {
            document = Jsoup.parse(new ByteArrayInputStream(html), null, pageUrl);
        } catch (IOException cannotHappenInMemory) {
            return new Extracted(null, List.of());
        }
        String title = document.title().strip();
        Set<String> links = new LinkedHashSet<>();
        if (followNofollow || !metaNofollow(document)) {
            for (Element anchor : document.select("a[href], area[href]")) {
                if (followNofollow || !relContains(anchor, "nofollow")) {
                    add(links, anchor.absUrl("href"));
                }
            }
            for (Element canonical : document.select("link[rel][href]")) {
                if (relContains(canonical, "canonical")) {
                    add(links, canonical.absUrl("href"));
                }
            }
        }
        return new Extracted(title.isEmpty() ? null : title, List.copyOf(links));
    }

    /**
     * Parses a small page that uses what real pages use (a title, entities, {@code <base>}, relative, nofollow and
     * canonical links, a robots meta tag), so that jsoup's classes, entity tables and the selectors above are loaded
     * and initialised. A crawl runs it while its workers wait out the first politeness delay (see
     * {@code CrawlRun}), so that the first real pages are not parsed by a cold parser while the next requests are
     * due. Returns what it extracted, so that a test can check the page really exercises links and title.
     */
    Extracted warmUp() {
        return extract(WARM_UP_PAGE, "http://warm-up.invalid/dir/page.html");
    }

    private static final byte[] WARM_UP_PAGE = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                    + "<title>Warm &amp; up &eacute;</title><base href=\"/dir/\">"
                    + "<meta name=\"robots\" content=\"index, follow\">"
                    + "<link rel=\"canonical\" href=\"http://warm-up.invalid/dir/page.html\"></head><body>"
                    + "<p>Some <b>text</b> &lt;here&gt;<br><a href=\"a.html#top\">a</a> "
                    + "<a rel=\"nofollow\" href=\"../b?x=1&amp;y=2\">b</a>"
                    + "<map><area href=\"/c\"></map><ul><li><a href=\"HTTP://Warm-Up.invalid:80/d/./e\">d</a></ul>"
                    + "<table><tr><td>cell</table></body></html>")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private void add(Set<String> links, String absolute) {
        if (!absolute.isEmpty()) {
            Optional<String> normal = normalizer.normalize(absolute);
            normal.ifPresent(links::add);
        }
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

    private static boolean relContains(Element element, String value) {
        for (String token : element.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
            if (token.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
