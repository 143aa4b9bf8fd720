package dev.keel.crawler;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a URL into the one spelling the crawler uses for it: the key of the seen set, the frontier and the journal.
 *
 * <p>How it is designed, and why: two spellings of one resource must collapse before dedup, or the crawler fetches
 * the page twice and politeness suffers. RFC 3986 section 6.2.2 lists the safe, syntax-based steps, all applied
 * here: the scheme and host are lower-cased, percent-encodings use upper-case hex, percent-encoded unreserved
 * characters ({@code ALPHA DIGIT - . _ ~}) are decoded, dot segments are removed (section 5.2.4). Section 6.2.3 adds
 * the scheme-based steps: the default port is dropped and an empty path becomes {@code /}. Beyond the RFC, as
 * crawler-commons' {@code BasicURLNormalizer} and Nutch do: the fragment is dropped (it never reaches the server),
 * an empty query is dropped, characters that may not appear in a URL (spaces, non-ASCII) are percent-encoded as
 * UTF-8, internationalised host names become their ASCII (punycode) form, and configured tracking parameters
 * ({@code utm_*}, {@code fbclid}, ...) are removed from the query. The order of the remaining query parameters is
 * kept: reordering is not safe in general (a server may read repeated keys in order).
 *
 * <p>The parser is ours rather than {@link java.net.URI}'s because {@code URI} rejects much of what real pages
 * link to (spaces, {@code |}, raw Unicode), while a crawler must accept anything a browser would follow. Only
 * {@code http} and {@code https} URLs with a host are accepted; everything else is {@link Optional#empty()}.
 *
 * <p>Properties, checked by the property tests: normalising is idempotent, never changes the host (beyond case and
 * IDN encoding), and equivalent spellings collapse to one.
 *
 * <p>Immutable and thread-safe.
 */
public final class UrlNormalizer {

    /** Query parameters that only track a click and never change the page: removed by {@link #standard()}. */
    public static final Set<String> TRACKING_PARAMETERS =
            Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "yclid", "_hsenc", "_hsmi", "igshid");

    /** Parameter-name prefixes that only track a click: {@code utm_source}, {@code utm_medium}, ... */
    public static final Set<String> TRACKING_PREFIXES = Set.of("utm_");

    private static final String HEX = "0123456789ABCDEF";
    private static final int MAX_URL_LENGTH = 8192;

    private final Set<String> removedParameters;
    private final Set<String> removedPrefixes;

    private UrlNormalizer(Set<String> removedParameters, Set<String> removedPrefixes) {
        this.removedParameters = Set.copyOf(removedParameters);
        this.removedPrefixes = Set.copyOf(removedPrefixes);
    }

    /** RFC 3986 normalisation plus removal of the well-known tracking parameters. */
    public static UrlNormalizer standard() {
        return new UrlNormalizer(TRACKING_PARAMETERS, TRACKING_PREFIXES);
    }

    /** RFC 3986 normalisation only: every query parameter is kept. */
    public static UrlNormalizer keepingAllParameters() {
        return new UrlNormalizer(Set.of(), Set.of());
    }

    /** RFC 3986 normalisation plus removal of exactly these parameter names and name prefixes (case-sensitive). */
    public static UrlNormalizer removing(Set<String> parameters, Set<String> prefixes) {
        return new UrlNormalizer(parameters, prefixes);
    }

    /**
     * The normal form of {@code url}, or empty if it is not an absolute {@code http}/{@code https} URL with a host
     * (a {@code mailto:}, a {@code javascript:}, a relative reference, an unparseable port or host).
     */
    public Optional<String> normalize(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.empty();
        }
        String trimmed = url.strip();
        int colon = trimmed.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String scheme = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        String rest = trimmed.substring(colon + 1).replace('\\', '/');
        if (!rest.startsWith("//")) {
            return Optional.empty();
        }
        rest = stripFragment(rest.substring(2));
        int authorityEnd = indexOfAny(rest, "/?");
        String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
        String pathAndQuery = authorityEnd < 0 ? "" : rest.substring(authorityEnd);
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        @Nullable String query = question < 0 ? null : pathAndQuery.substring(question + 1);

        @Nullable String normalAuthority = normalizeAuthority(scheme, authority);
        if (normalAuthority == null) {
            return Optional.empty();
        }
        String normalPath = removeDotSegments(normalizeEncoding(path, false));
        if (normalPath.isEmpty()) {
            normalPath = "/";
        }
        StringBuilder out = new StringBuilder(trimmed.length() + 8)
                .append(scheme)
                .append("://")
                .append(normalAuthority)
                .append(normalPath);
        if (query != null) {
            String normalQuery = filterQuery(normalizeEncoding(query, true));
            if (!normalQuery.isEmpty()) {
                out.append('?').append(normalQuery);
            }
        }
        return Optional.of(out.toString());
    }

    /**
     * The normal form of {@code reference} (a link or a {@code Location} header, relative or absolute) resolved
     * against the normalised URL {@code base}, or empty if the result is not a usable http(s) URL.
     */
    public Optional<String> resolve(String base, String reference) {
        try {
            return normalize(new URI(base).resolve(reference.strip()).toString());
        } catch (URISyntaxException | IllegalArgumentException notAReference) {
            return normalize(reference);
        }
    }

    /**
     * The host of a normalised URL ({@code example.com}, {@code [::1]}), without the port; for any URL
     * {@link #normalize} returned.
     */
    static String host(String normalUrl) {
        String authority = authority(normalUrl);
        int at = authority.lastIndexOf('@');
        String hostPort = authority.substring(at + 1);
        int close = hostPort.lastIndexOf(']');
        int portColon = hostPort.lastIndexOf(':');
        return portColon > close ? hostPort.substring(0, portColon) : hostPort;
    }

    /**
     * The politeness key of a normalised URL: host and port, without user info ({@code example.com},
     * {@code 127.0.0.1:8080}). Two ports of one machine are two sites, as for robots.txt (RFC 9309 section 2.3).
     */
    static String hostKey(String normalUrl) {
        String authority = authority(normalUrl);
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    /** {@code scheme://host[:port]} of a normalised URL: where its robots.txt lives. */
    static String origin(String normalUrl) {
        int start = normalUrl.indexOf("://") + 3;
        return normalUrl.substring(0, start) + hostKey(normalUrl);
    }

    /** The path and query of a normalised URL, what robots.txt rules match against. */
    static String pathAndQuery(String normalUrl) {
        int start = normalUrl.indexOf("://") + 3;
        int slash = normalUrl.indexOf('/', start);
        return slash < 0 ? "/" : normalUrl.substring(slash);
    }

    private static String authority(String normalUrl) {
        int start = normalUrl.indexOf("://") + 3;
        int slash = normalUrl.indexOf('/', start);
        return slash < 0 ? normalUrl.substring(start) : normalUrl.substring(start, slash);
    }

    private static String stripFragment(String rest) {
        int hash = rest.indexOf('#');
        return hash < 0 ? rest : rest.substring(0, hash);
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static @Nullable String normalizeAuthority(String scheme, String authority) {
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : normalizeEncoding(authority.substring(0, at), false) + "@";
        String hostPort = authority.substring(at + 1);
        String host;
        String port = "";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = hostPort.substring(0, close + 1).toLowerCase(Locale.ROOT);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    return null;
                }
                port = after.substring(1);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? "" : hostPort.substring(colon + 1);
            host = asciiHost(host);
            if (host == null) {
                return null;
            }
        }
        if (host.isEmpty()) {
            return null;
        }
        if (!port.isEmpty()) {
            if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int number = Integer.parseInt(port);
            if (number > 65_535) {
                return null;
            }
            boolean isDefault = (scheme.equals("http") && number == 80) || (scheme.equals("https") && number == 443);
            port = isDefault ? "" : Integer.toString(number);
        }
        return userInfo + host + (port.isEmpty() ? "" : ":" + port);
    }

    private static @Nullable String asciiHost(String host) {
        String decoded = percentDecodeHost(host);
        if (decoded == null) {
            return null;
        }
        String lower = decoded.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        if (isPlainAsciiHost(lower)) {
            return lower; // what IDN.toASCII returns for it, without loading the IDN tables into a cold JVM
        }
        try {
            String ascii = IDN.toASCII(lower, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            for (int i = 0; i < ascii.length(); i++) {
                char c = ascii.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
                if (!ok) {
                    return null;
                }
            }
            return ascii;
        } catch (IllegalArgumentException notAHostName) {
            return null;
        }
    }

    /**
     * Whether {@code host} (lower case) is one that {@link IDN#toASCII} returns unchanged: letters, digits, '-' and
     * '_' in labels of 1 to 63 characters. RFC 3490's ToASCII skips nameprep and punycode for an all-ASCII label and
     * only checks its length, so such a host needs neither; anything else goes through {@code IDN}.
     */
    static boolean isPlainAsciiHost(String host) {
        int label = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') {
                if (label == 0) {
                    return false;
                }
                label = 0;
                continue;
            }
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok || ++label > 63) {
                return false;
            }
        }
        return label > 0;
    }

    private static @Nullable String percentDecodeHost(String host) {
        if (host.indexOf('%') < 0) {
            return host;
        }
        byte[] bytes = new byte[host.length()];
        int length = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '%') {
                if (i + 2 >= host.length()) {
                    return null;
                }
                int high = Character.digit(host.charAt(i + 1), 16);
                int low = Character.digit(host.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes[length++] = (byte) (high * 16 + low);
                i += 2;
            } else if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else {
                return null;
            }
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /**
     * Upper-cases percent-encodings, decodes encoded unreserved characters, and encodes what may not appear raw
     * (spaces, controls, non-ASCII as UTF-8, a {@code %} that starts no valid escape). In a query, {@code &} and
     * {@code =} keep their role and are never decoded from {@code %26}/{@code %3D}.
     */
    static String normalizeEncoding(String component, boolean query) {
        StringBuilder out = new StringBuilder(component.length() + 8);
        for (int i = 0; i < component.length(); ) {
            char c = component.charAt(i);
            if (c == '%' && isEscape(component, i)) {
                int value = Character.digit(component.charAt(i + 1), 16) * 16
                        + Character.digit(component.charAt(i + 2), 16);
                if (isUnreserved(value)) {
                    out.append((char) value);
                } else {
                    appendEscape(out, value);
                }
                i += 3;
            } else if (c < 0x80) {
                if (isAllowedRaw(c, query)) {
                    out.append(c);
                } else {
                    appendEscape(out, c);
                }
                i++;
            } else {
                int codePoint = component.codePointAt(i);
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    appendEscape(out, b & 0xFF);
                }
                i += Character.charCount(codePoint);
            }
        }
        return out.toString();
    }

    private static boolean isEscape(String text, int percent) {
        return percent + 2 < text.length()
                && Character.digit(text.charAt(percent + 1), 16) >= 0
                && Character.digit(text.charAt(percent + 2), 16) >= 0;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    /** Unreserved, sub-delims, ':' '@' '/' and, in a query, '?': RFC 3986's pchar, path and query productions. */
    private static boolean isAllowedRaw(char c, boolean query) {
        return isUnreserved(c) || "!$&'()*+,;=:@/".indexOf(c) >= 0 || (query && c == '?');
    }

    private static void appendEscape(StringBuilder out, int value) {
        out.append('%').append(HEX.charAt(value >> 4)).append(HEX.charAt(value & 0xF));
    }

    /** RFC 3986 section 5.2.4 on an already encoded path. */
    static String removeDotSegments(String path) {
        if (path.indexOf('.') < 0) {
            return path;
        }
        List<String> output = new ArrayList<>();
        String[] segments = path.split("/", -1);
        boolean absolute = path.startsWith("/");
        for (int i = absolute ? 1 : 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".")) {
                if (last) {
                    output.add("");
                }
            } else if (segment.equals("..")) {
                if (!output.isEmpty()) {
                    output.removeLast();
                }
                if (last) {
                    output.add("");
                }
            } else {
                output.add(segment);
            }
        }
        return (absolute ? "/" : "") + String.join("/", output);
    }

    private String filterQuery(String query) {
        if (removedParameters.isEmpty() && removedPrefixes.isEmpty()) {
            return query;
        }
        StringBuilder out = new StringBuilder(query.length());
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (isRemoved(name)) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(pair);
        }
        return out.toString();
    }

    private boolean isRemoved(String name) {
        if (removedParameters.contains(name)) {
            return true;
        }
        for (String prefix : removedPrefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "UrlNormalizer[removing " + removedParameters.size() + " parameters, prefixes " + removedPrefixes + "]";
    }
}
