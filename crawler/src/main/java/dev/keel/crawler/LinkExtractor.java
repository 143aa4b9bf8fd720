package dev.keel.crawler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;
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

    /** Parses {@code html} served at {@code pageUrl} without a charset in its Content-Type. */
    Extracted extract(byte[] html, String pageUrl) {
        return extract(html, null, pageUrl);
    }

    /**
     * Parses {@code html} served at {@code pageUrl}. The charset is, as browsers choose it, a byte order mark's, else
     * {@code charset} (the Content-Type's, if it named one), else the meta tag's, else UTF-8. Given the header's
     * charset, jsoup skips its search for a meta tag (a selector query on a first parse of up to 5 KB).
     */
    Extracted extract(byte[] html, @Nullable Charset charset, String pageUrl) {
        Document document;
        try {
            document = Jsoup.parse(new ByteArrayInputStream(html), charset == null ? null : charset.name(), pageUrl);
        } catch (IOException cannotHappenInMemory) {
            return new Extracted(null, List.of());
        }
        String title = document.title().strip();
        LinkVisitor visitor = new LinkVisitor(document, followNofollow);
        document.traverse(visitor);
        if (visitor.metaNofollow || (visitor.anchors.isEmpty() && visitor.canonicals.isEmpty())) {
            return new Extracted(title.isEmpty() ? null : title, List.of());
        }
        Set<String> links = new LinkedHashSet<>();
        for (Element anchor : visitor.anchors) {
            add(links, absoluteHref(anchor));
        }
        for (Element canonical : visitor.canonicals) {
            add(links, absoluteHref(canonical));
        }
        return new Extracted(title.isEmpty() ? null : title, List.copyOf(links));
    }

    /** The selectors this extractor answers, parsed once (jsoup parses a selector string on every select call). */
    private static final Evaluator ANCHORS = QueryParser.parse("a[href], area[href]");

    private static final Evaluator CANONICAL = QueryParser.parse("link[rel][href]");
    private static final Evaluator NAMED_META = QueryParser.parse("meta[name][content]");

    /**
     * One walk over the document that finds what three selector queries found before (each of which walked the
     * whole tree again, after parsing its selector string, for every page): anchors and areas with an href, links
     * with rel and href, and named meta tags, each in document order. The tag name filters the candidates cheaply (an
     * element that a selector matches has that normal name), and the selector's own evaluator decides, so the
     * elements are exactly those the selector queries returned ({@code LinkExtractorTest} compares the two on
     * generated pages).
     */
    private static final class LinkVisitor implements NodeVisitor {
        private final Element root;
        private final boolean followNofollow;
        private final List<Element> anchors = new ArrayList<>();
        private final List<Element> canonicals = new ArrayList<>(1);
        private boolean metaNofollow;

        LinkVisitor(Element root, boolean followNofollow) {
            this.root = root;
            this.followNofollow = followNofollow;
        }

        @Override
        public void head(Node node, int depth) {
            if (!(node instanceof Element element) || metaNofollow) {
                return;
            }
            switch (element.normalName()) {
                case "a", "area" -> {
                    if (ANCHORS.matches(root, element) && (followNofollow || !relContains(element, "nofollow"))) {
                        anchors.add(element);
                    }
                }
                case "link" -> {
                    if (CANONICAL.matches(root, element) && relContains(element, "canonical")) {
                        canonicals.add(element);
                    }
                }
                case "meta" -> {
                    if (!followNofollow && NAMED_META.matches(root, element)) {
                        metaNofollow = isRobotsNofollow(element);
                    }
                }
                default -> {}
            }
        }
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

    /**
     * {@code element.absUrl("href")}, with a shortcut for the commonest link: a plain absolute path ({@code /a/b.html})
     * against a plain {@code http(s)://host[:port]} base, which is the base's scheme and authority followed by the
     * path. jsoup resolves every link through two {@code java.net.URL}s and three regular expressions (control
     * characters, dot segments), about a seventh of its time in a one-host crawl. The shortcut takes only what that
     * resolution leaves unchanged: paths of letters, digits and {@code -._~/}, without dot segments (no segment
     * starts with a dot) or an empty segment, and bases of an ASCII host and an optional port without leading zeros;
     * everything else goes to jsoup. {@code LinkExtractorTest} checks the two agree on generated pages.
     */
    static String absoluteHref(Element element) {
        String href = element.attr("href");
        if (isPlainAbsolutePath(href)) {
            String base = element.baseUri();
            int authorityEnd = plainAuthorityEnd(base);
            if (authorityEnd > 0) {
                return base.substring(0, authorityEnd) + href;
            }
        }
        return element.absUrl("href");
    }

    private static boolean isPlainAbsolutePath(String href) {
        if (href.isEmpty() || href.charAt(0) != '/') {
            return false;
        }
        char previous = '/';
        for (int i = 1; i < href.length(); i++) {
            char c = href.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '~'
                    || c == '/'
                    || c == '.';
            if (!plain || (previous == '/' && (c == '/' || c == '.'))) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** The end of {@code http://host[:port]} at the start of {@code base} (followed by '/' or nothing), or -1. */
    private static int plainAuthorityEnd(String base) {
        int start = base.startsWith("http://") ? 7 : base.startsWith("https://") ? 8 : -1;
        if (start < 0) {
            return -1;
        }
        int i = start;
        while (i < base.length() && isHostChar(base.charAt(i))) {
            i++;
        }
        if (i == start) {
            return -1;
        }
        if (i < base.length() && base.charAt(i) == ':') {
            int digits = ++i;
            while (i < base.length() && base.charAt(i) >= '0' && base.charAt(i) <= '9') {
                i++;
            }
            if (i == digits || i - digits > 5 || base.charAt(digits) == '0') {
                return -1;
            }
        }
        return i == base.length() || base.charAt(i) == '/' ? i : -1;
    }

    private static boolean isHostChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    private void add(Set<String> links, String absolute) {
        if (!absolute.isEmpty()) {
            Optional<String> normal = normalizer.normalize(absolute);
            normal.ifPresent(links::add);
        }
    }

    private static boolean isRobotsNofollow(Element meta) {
        if (!meta.attr("name").equalsIgnoreCase("robots")) {
            return false;
        }
        String content = meta.attr("content").toLowerCase(Locale.ROOT);
        return content.contains("nofollow") || content.contains("none");
    }

    /**
     * Whether {@code element}'s {@code rel}, in lower case, holds the token {@code value} (lower case), tokens being
     * separated by the whitespace of regex {@code \\s}: what {@code rel.toLowerCase().split("\\s+")} found, without
     * compiling a regex and allocating the tokens for every link.
     */
    static boolean relContains(Element element, String value) {
        String rel = element.attr("rel").toLowerCase(Locale.ROOT); // no copy when it is lower case already
        int length = rel.length();
        int start = 0;
        while (start < length) {
            while (start < length && isRegexSpace(rel.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < length && !isRegexSpace(rel.charAt(end))) {
                end++;
            }
            if (end - start == value.length() && rel.startsWith(value, start)) {
                return true;
            }
            start = end;
        }
        return false;
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
