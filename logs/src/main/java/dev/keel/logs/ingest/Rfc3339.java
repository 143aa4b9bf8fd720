package dev.keel.logs.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * RFC 3339 timestamps ({@code 2026-11-28T10:00:00.123456Z}, {@code ...+02:00}), parsed by hand on the common shape
 * and by {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} otherwise: the formatter took about a tenth of the syslog
 * path's CPU in a profile. Stateless.
 */
final class Rfc3339 {

    private Rfc3339() {}

    /** The instant {@code text} names, or a {@link DateTimeException} if it is not RFC 3339. */
    static Instant parse(String text) {
        int n = text.length();
        if (n >= 20
                && text.charAt(4) == '-'
                && text.charAt(7) == '-'
                && text.charAt(10) == 'T'
                && text.charAt(13) == ':'
                && text.charAt(16) == ':') {
            try {
                int year = digits(text, 0, 4);
                int month = digits(text, 5, 2);
                int day = digits(text, 8, 2);
                int hour = digits(text, 11, 2);
                int minute = digits(text, 14, 2);
                int second = digits(text, 17, 2);
                int at = 19;
                long nanos = 0;
                if (at < n && text.charAt(at) == '.') {
                    at++;
                    int start = at;
                    while (at < n && text.charAt(at) >= '0' && text.charAt(at) <= '9' && at - start < 9) {
                        nanos = nanos * 10 + (text.charAt(at) - '0');
                        at++;
                    }
                    if (at == start) {
                        return slow(text);
                    }
                    for (int i = at - start; i < 9; i++) {
                        nanos *= 10;
                    }
                }
                int offsetSeconds;
                if (at == n - 1 && text.charAt(at) == 'Z') {
                    offsetSeconds = 0;
                } else if (at == n - 6
                        && (text.charAt(at) == '+' || text.charAt(at) == '-')
                        && text.charAt(at + 3) == ':') {
                    int sign = text.charAt(at) == '-' ? -1 : 1;
                    offsetSeconds = sign * (digits(text, at + 1, 2) * 3600 + digits(text, at + 4, 2) * 60);
                } else {
                    return slow(text);
                }
                if (hour > 23 || minute > 59 || second > 59) {
                    return slow(text);
                }
                long epochDay = LocalDate.of(year, month, day).toEpochDay();
                long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
                return Instant.ofEpochSecond(seconds, nanos);
            } catch (NumberFormatException e) {
                return slow(text);
            }
        }
        return slow(text);
    }

    /**
     * The instant the ASCII bytes {@code bytes[from, to)} name if they have the common shape
     * ({@code YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM)}), else null: the caller then decodes them and uses
     * {@link #parse(String)}, which also accepts the rarer shapes and explains what is wrong. Same results as
     * {@link #parse(String)} wherever it returns non-null.
     */
    static @Nullable Instant parseCommon(byte[] bytes, int from, int to) {
        int n = to - from;
        if (n < 20
                || bytes[from + 4] != '-'
                || bytes[from + 7] != '-'
                || bytes[from + 10] != 'T'
                || bytes[from + 13] != ':'
                || bytes[from + 16] != ':') {
            return null;
        }
        int year = digits(bytes, from, 4);
        int month = digits(bytes, from + 5, 2);
        int day = digits(bytes, from + 8, 2);
        int hour = digits(bytes, from + 11, 2);
        int minute = digits(bytes, from + 14, 2);
        int second = digits(bytes, from + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int at = from + 19;
        long nanos = 0;
        if (at < to && bytes[at] == '.') {
            at++;
            int start = at;
            while (at < to && bytes[at] >= '0' && bytes[at] <= '9' && at - start < 9) {
                nanos = nanos * 10 + (bytes[at] - '0');
                at++;
            }
            if (at == start) {
                return null;
            }
            for (int i = at - start; i < 9; i++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (at == to - 1 && bytes[at] == 'Z') {
            offsetSeconds = 0;
        } else if (at == to - 6 && (bytes[at] == '+' || bytes[at] == '-') && bytes[at + 3] == ':') {
            int offsetHours = digits(bytes, at + 1, 2);
            int offsetMinutes = digits(bytes, at + 4, 2);
            if ((offsetHours | offsetMinutes) < 0) {
                return null;
            }
            offsetSeconds = (bytes[at] == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        } else {
            return null;
        }
        if (month < 1
                || month > 12
                || day < 1
                || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The decimal value of {@code count} ASCII digits, or -1 if one is not a digit. */
    private static int digits(byte[] bytes, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static Instant slow(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new DateTimeException("not RFC 3339: " + text, e);
        }
    }

    private static int digits(String text, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
