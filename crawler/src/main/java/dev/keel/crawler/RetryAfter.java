package dev.keel.crawler;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code Retry-After} header (RFC 9110 section 10.2.3): delay-seconds ({@code 120}) or an HTTP-date
 * ({@code Wed, 21 Oct 2026 07:28:00 GMT}, measured against the injected clock). Anything else means "no advice" and
 * the crawler falls back to exponential back-off.
 */
final class RetryAfter {

    private RetryAfter() {}

    /** The delay in nanoseconds, at most {@code cap}; 0 if the header is absent, unreadable or in the past. */
    static long nanos(@Nullable String header, Duration cap, InstantSource clock) {
        if (header == null) {
            return 0;
        }
        String value = header.strip();
        if (value.isEmpty() || value.length() > 64) {
            return 0;
        }
        Duration delay;
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (value.length() > 10) {
                return cap.toNanos();
            }
            delay = Duration.ofSeconds(Long.parseLong(value));
        } else {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                delay = Duration.between(clock.instant(), at);
            } catch (DateTimeParseException notADate) {
                return 0;
            }
        }
        if (delay.isNegative()) {
            return 0;
        }
        return delay.compareTo(cap) > 0 ? cap.toNanos() : delay.toNanos();
    }
}
