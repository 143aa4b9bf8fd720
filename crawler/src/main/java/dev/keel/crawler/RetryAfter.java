package dev.keel.crawler;

import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code Retry-After} header (RFC 9110 section 10.2.3) given as delay-seconds. The HTTP-date form is not
 * read (it needs the wall clock and the server's clock to agree); such a header falls back to exponential back-off.
 */
final class RetryAfter {

    private RetryAfter() {}

    /** The delay in nanoseconds, at most {@code cap}; 0 if the header is absent or not delay-seconds. */
    static long nanos(@Nullable String header, java.time.Duration cap) {
        if (header == null) {
            return 0;
        }
        String value = header.strip();
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        long seconds = Long.parseLong(value);
        return Math.min(seconds * 1_000_000_000L, cap.toNanos());
    }
}
