package dev.keel.crawler;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One fetched page: what the crawler hands to {@code onPage}, returns from {@link WebCrawler#crawl(String...)} and
 * writes as one JSON line.
 *
 * @param url the URL the crawler scheduled, normalised
 * @param finalUrl the URL that answered, after redirects (equal to {@code url} without redirects)
 * @param status the final HTTP status, or 0 if no response came (the {@code error} says why)
 * @param depth the number of links from a seed (seeds are at depth 0)
 * @param contentType the media type of the response ({@code text/html}), without parameters; null if none was sent
 * @param title the HTML title, null for a non-HTML page or one without a title
 * @param links the normalised outgoing links the page offers for crawling (after {@code nofollow}), in page order
 * @param fetchTime how long the final request took, from sending it to the last byte read
 * @param redirects the URLs that redirected on the way to {@code finalUrl}, in order, starting with {@code url}
 * @param bytes the body bytes read (decompressed), at most the configured limit
 * @param truncated whether the body was cut at the size limit
 * @param error why the page has no usable response (timeout, connection refused, redirect loop...), else null
 */
public record Page(
        String url,
        String finalUrl,
        int status,
        int depth,
        @Nullable String contentType,
        @Nullable String title,
        List<String> links,
        Duration fetchTime,
        List<String> redirects,
        long bytes,
        boolean truncated,
        @Nullable String error) {

    public Page {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(finalUrl, "finalUrl");
        if (status < 0 || status > 999) {
            throw new IllegalArgumentException("status (" + status + ") must be 0 or an HTTP status code");
        }
        if (depth < 0) {
            throw new IllegalArgumentException("depth (" + depth + ") must not be negative");
        }
        links = List.copyOf(links);
        redirects = List.copyOf(redirects);
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes (" + bytes + ") must not be negative");
        }
    }

    /** Whether the page was answered with a 2xx status. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
