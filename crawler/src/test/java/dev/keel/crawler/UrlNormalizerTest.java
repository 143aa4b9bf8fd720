package dev.keel.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Gen;
import dev.keel.testing.Property;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(SeedExtension.class)
final class UrlNormalizerTest {

    private final UrlNormalizer normalizer = UrlNormalizer.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "HTTP://Example.COM/a | http://example.com/a",
                "http://example.com | http://example.com/",
                "http://example.com:80/a | http://example.com/a",
                "https://example.com:443/a | https://example.com/a",
                "https://example.com:80/a | https://example.com:80/a",
                "http://example.com/a/./b/../c | http://example.com/a/c",
                "http://example.com/../../a | http://example.com/a",
                "http://example.com/a/.. | http://example.com/",
                "http://example.com/%7Euser/%41 | http://example.com/~user/A",
                "http://example.com/a%2fb%3f | http://example.com/a%2Fb%3F",
                "http://example.com/a b | http://example.com/a%20b",
                "http://example.com/ü | http://example.com/%C3%BC",
                "http://example.com/100% | http://example.com/100%25",
                "http://example.com/a#frag | http://example.com/a",
                "http://example.com/a? | http://example.com/a",
                "http://example.com/a?x=1&utm_source=mail&y=2&fbclid=z | http://example.com/a?x=1&y=2",
                "http://example.com/a?b=2&a=1 | http://example.com/a?b=2&a=1",
                "http://example.com/a?q=%7e%26 | http://example.com/a?q=~%26",
                "http://Bücher.example/ | http://xn--bcher-kva.example/",
                "http://example.com./a | http://example.com/a",
                "http://[::1]:8080/a | http://[::1]:8080/a",
                "http://user@example.com/ | http://user@example.com/",
                "http://example.com\\a | http://example.com/a",
            })
    void normalize_examples(String input, String expected) {
        assertThat(normalizer.normalize(input)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mailto:a@example.com",
                "javascript:alert(1)",
                "ftp://example.com/",
                "/relative/path",
                "example.com/a",
                "http://",
                "http:///a",
                "http://exa mple.com/",
                "http://example.com:99999/",
                "http://example.com:8x/",
                "http://[::1/",
                ""
            })
    void normalize_notAnHttpUrl_isEmpty(String input) {
        assertThat(normalizer.normalize(input)).isEmpty();
    }

    @Test
    void keepingAllParameters_keepsTrackingParameters() {
        assertThat(UrlNormalizer.keepingAllParameters().normalize("http://a.com/?utm_source=x"))
                .contains("http://a.com/?utm_source=x");
        assertThat(UrlNormalizer.removing(Set.of("sid"), Set.of()).normalize("http://a.com/?sid=1&utm_x=2"))
                .contains("http://a.com/?utm_x=2");
    }

    /** Generated URLs: host, path segments (with dots, escapes, Unicode), query and fragment. */
    private static final Gen<String> URLS = random -> {
        StringBuilder url = new StringBuilder(random.nextBoolean() ? "http://" : "https://");
        url.append(random.pick(List.of("example.com", "a.b.example.org", "127.0.0.1", "xn--bcher-kva.example")));
        if (random.chance(1, 4)) {
            url.append(':').append(random.pick(List.of(80, 443, 8080)));
        }
        int segments = random.nextInt(5);
        for (int i = 0; i < segments; i++) {
            url.append('/').append(random.pick(List.of("a", "b", ".", "..", "%7E", "%2f", "x y", "é", "~", "%", "")));
        }
        if (random.nextBoolean()) {
            url.append('?').append(random.pick(List.of("x=1", "utm_source=a&x=2", "q=%41", "", "a=&b")));
        }
        if (random.chance(1, 3)) {
            url.append('#').append(random.pick(List.of("top", "", "a/b")));
        }
        return url.toString();
    };

    @Test
    void property_normalizeIsIdempotent(SeededRandom random) {
        Property.forAll(random, 3_000, URLS, url -> {
            String once = normalizer.normalize(url).orElseThrow();
            assertThat(normalizer.normalize(once)).contains(once);
        });
    }

    @Test
    void property_normalizeNeverChangesTheHost(SeededRandom random) {
        Property.forAll(random, 3_000, URLS, url -> {
            String host = url.substring(url.indexOf("://") + 3).split("[:/?#]")[0];
            String normal = normalizer.normalize(url).orElseThrow();
            assertThat(UrlNormalizer.host(normal)).isEqualTo(host.toLowerCase(Locale.ROOT));
        });
    }

    /** Rewrites a URL into an equivalent spelling: case, default port, encoded unreserved, dot segments, fragment. */
    private static String respell(String normal, SeededRandom random) {
        int pathStart = normal.indexOf('/', normal.indexOf("://") + 3);
        String scheme = normal.substring(0, normal.indexOf("://"));
        String authority = normal.substring(normal.indexOf("://") + 3, pathStart);
        String rest = normal.substring(pathStart);
        StringBuilder out = new StringBuilder();
        out.append(random.nextBoolean() ? scheme.toUpperCase(Locale.ROOT) : scheme)
                .append("://");
        out.append(random.nextBoolean() ? authority.toUpperCase(Locale.ROOT) : authority);
        if (!authority.contains(":") && random.nextBoolean()) {
            out.append(scheme.equals("http") ? ":80" : ":443");
        }
        if (random.nextBoolean()) {
            out.append("/x/..");
        }
        if (random.nextBoolean()) {
            out.append("/.");
        }
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '%') {
                out.append(rest, i, i + 3); // an escape is kept whole (the normal form's are always complete)
                i += 2;
            } else if (Character.isLetter(c) && random.chance(1, 3)) {
                out.append(String.format(random.nextBoolean() ? "%%%02X" : "%%%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (random.nextBoolean()) {
            out.append("#fragment");
        }
        return out.toString();
    }

    @Test
    void property_equivalentSpellingsCollapse(SeededRandom random) {
        Property.forAll(random, 3_000, URLS, url -> {
            String normal = normalizer.normalize(url).orElseThrow();
            String variant = respell(normal, random);
            assertThat(normalizer.normalize(variant)).as("variant %s", variant).contains(normal);
        });
    }

    /** Hosts of ASCII letters, digits, '-', '_' and dots, some of them invalid (empty or 64-character labels). */
    private static final Gen<String> ASCII_HOSTS = random -> {
        String alphabet = "abcxyz0189-_.";
        StringBuilder host = new StringBuilder();
        int length = random.chance(1, 10) ? 60 + random.nextInt(10) : 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            host.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return host.toString();
    };

    /** The shortcut that skips java.net.IDN for plain ASCII hosts gives exactly what IDN gives for them. */
    @Test
    void property_plainAsciiHostShortcut_agreesWithIdn(SeededRandom random) {
        int[] shortcuts = {0};
        Property.forAll(random, 5_000, ASCII_HOSTS, host -> {
            if (UrlNormalizer.isPlainAsciiHost(host)) {
                shortcuts[0]++;
                assertThat(java.net.IDN.toASCII(host, java.net.IDN.ALLOW_UNASSIGNED))
                        .as(host)
                        .isEqualTo(host);
            }
        });
        assertThat(shortcuts[0]).as("hosts that took the shortcut").isGreaterThan(1_000);
        assertThat(UrlNormalizer.isPlainAsciiHost("a..b")).isFalse();
        assertThat(UrlNormalizer.isPlainAsciiHost("a".repeat(64) + ".com")).isFalse();
        assertThat(UrlNormalizer.isPlainAsciiHost("bücher.de")).isFalse();
    }

    @Test
    void hostKeyOriginAndPath_ofNormalUrls() {
        String url = "http://user@example.com:8080/a/b?x=1";
        assertThat(UrlNormalizer.hostKey(url)).isEqualTo("example.com:8080");
        assertThat(UrlNormalizer.host(url)).isEqualTo("example.com");
        assertThat(UrlNormalizer.origin(url)).isEqualTo("http://example.com:8080");
        assertThat(UrlNormalizer.pathAndQuery(url)).isEqualTo("/a/b?x=1");
        assertThat(UrlNormalizer.host("http://[::1]:80/")).isEqualTo("[::1]");
    }
}
