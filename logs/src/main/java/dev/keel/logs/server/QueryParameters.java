package dev.keel.logs.server;

import dev.keel.logs.LogEntry;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A request's query-string parameters, and the parsing of times and numbers in them. Immutable. */
final class QueryParameters {

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    static QueryParameters of(URI uri) {
        Map<String, String> values = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.put(name, value);
            }
        }
        return new QueryParameters(values);
    }

    @Nullable
    String get(String name) {
        return values.get(name);
    }

    String require(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing parameter '" + name + "'");
        }
        return value;
    }

    /** A time: RFC 3339 or epoch nanoseconds; {@code fallback} when absent. */
    Instant time(String name, Instant fallback) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            if (value.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '-')) {
                return LogEntry.instantOf(Long.parseLong(value));
            }
            Instant instant = Instant.parse(value);
            LogEntry.epochNanosOf(instant);
            return instant;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + value
                    + "' is not a time (expected: RFC 3339 such as 2026-11-28T10:00:00Z, or epoch nanoseconds)");
        }
    }

    int integer(String name, int fallback, int min, int max) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " '" + value + "' is not a whole number from " + min + " to " + max);
    }
}
