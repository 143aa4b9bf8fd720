package dev.keel.logs;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One log entry: when (nanosecond precision), how severe, from which source, its labels (which, with the source,
 * name the entry's stream), the message, and the structured fields of a JSON entry (scalars as their text, objects
 * and arrays as JSON text).
 *
 * <p>Validated here: the source is 1 to {@value #MAX_SOURCE_LENGTH} characters, label names are identifiers
 * ({@code [A-Za-z_][A-Za-z0-9_.]*}) of at most {@value #MAX_NAME_LENGTH} characters (field names any 1 to
 * {@value #MAX_NAME_LENGTH} characters), at most {@value #MAX_LABELS} labels,
 * the message at most {@value #MAX_MESSAGE_LENGTH} characters, and the timestamp within what a {@code long} of
 * nanoseconds since 1970 holds (years 1677 to 2262). Labels and fields are kept sorted by name.
 *
 * <p>Immutable.
 */
public record LogEntry(
        Instant timestamp,
        LogLevel level,
        String source,
        SortedMap<String, String> labels,
        String message,
        SortedMap<String, String> fields) {

    public static final int MAX_SOURCE_LENGTH = 256;
    public static final int MAX_NAME_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 1024;
    public static final int MAX_LABELS = 32;
    public static final int MAX_MESSAGE_LENGTH = 64 * 1024;
    public static final int MAX_FIELDS = 256;

    /**
     * The order queries return: by timestamp, then (for entries with equal timestamps) by source, labels, level,
     * message and fields, so that every result is deterministic.
     */
    public static final Comparator<LogEntry> TIME_ORDER = Comparator.comparingLong(LogEntry::epochNanos)
            .thenComparing(LogEntry::source)
            .thenComparing(entry -> entry.labels().toString())
            .thenComparing(LogEntry::level)
            .thenComparing(LogEntry::message)
            .thenComparing(entry -> entry.fields().toString());

    public LogEntry {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        epochNanosOf(timestamp);
        if (source.isEmpty() || source.length() > MAX_SOURCE_LENGTH) {
            throw new IllegalArgumentException("source '" + abbreviate(source) + "' has " + source.length()
                    + " characters (expected: 1 to " + MAX_SOURCE_LENGTH + ")");
        }
        if (message.length() > MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("message of " + message.length()
                    + " characters is too long (expected: at most " + MAX_MESSAGE_LENGTH + ")");
        }
        labels = validated("label", labels, MAX_LABELS);
        fields = validated("field", fields, MAX_FIELDS);
    }

    /** An entry without labels or fields: the seed's {@code new LogEntry(Instant.now(), INFO, "web-server", "...")}. */
    public LogEntry(Instant timestamp, LogLevel level, String source, String message) {
        this(timestamp, level, source, Collections.emptySortedMap(), message, Collections.emptySortedMap());
    }

    /** An entry with labels and no structured fields. */
    public LogEntry(Instant timestamp, LogLevel level, String source, Map<String, String> labels, String message) {
        this(timestamp, level, source, sorted(labels), message, Collections.emptySortedMap());
    }

    /** An entry with labels and structured fields. */
    public static LogEntry of(
            Instant timestamp,
            LogLevel level,
            String source,
            Map<String, String> labels,
            String message,
            Map<String, String> fields) {
        return new LogEntry(timestamp, level, source, sorted(labels), message, sorted(fields));
    }

    /** The constructor copies (and validates) the map anyway: copy here only to get a sorted one. */
    private static SortedMap<String, String> sorted(Map<String, String> map) {
        return map instanceof SortedMap<String, String> sorted ? sorted : new TreeMap<>(map);
    }

    /** The timestamp as nanoseconds since 1970-01-01T00:00Z. */
    public long epochNanos() {
        return epochNanosOf(timestamp);
    }

    /** {@code instant} as nanoseconds since 1970; fails for instants a {@code long} cannot hold. */
    public static long epochNanosOf(Instant instant) {
        try {
            long seconds = instant.getEpochSecond();
            long nanos = instant.getNano();
            if (seconds < 0 && nanos > 0) { // keeps the product in range down to Long.MIN_VALUE itself
                seconds++;
                nanos -= 1_000_000_000L;
            }
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "timestamp " + instant + " is out of range (expected: between 1677-09-21 and 2262-04-11)", e);
        }
    }

    /** The instant {@code nanos} nanoseconds after 1970-01-01T00:00Z. */
    public static Instant instantOf(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** A copy with another timestamp. */
    public LogEntry withTimestamp(Instant newTimestamp) {
        return new LogEntry(newTimestamp, level, source, labels, message, fields);
    }

    private static SortedMap<String, String> validated(String kind, Map<String, String> map, int max) {
        // Messages built only on failure: this runs for every entry ingested (concatenation showed in profiles).
        Objects.requireNonNull(map, () -> kind + "s");
        if (map.size() > max) {
            throw new IllegalArgumentException(map.size() + " " + kind + "s (expected: at most " + max + ")");
        }
        boolean label = kind.equals("label");
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> entry : map.entrySet()) {
            String name = Objects.requireNonNull(entry.getKey(), () -> kind + " name");
            String value = Objects.requireNonNull(entry.getValue(), () -> kind + " " + name + "'s value");
            if (label && (name.length() > MAX_NAME_LENGTH || !isLabelName(name))) {
                throw new IllegalArgumentException("label name '" + abbreviate(name)
                        + "' is not valid (expected: [A-Za-z_][A-Za-z0-9_.]*, at most " + MAX_NAME_LENGTH
                        + " characters)");
            }
            if (label && (name.equals("source") || name.equals("level"))) {
                throw new IllegalArgumentException(
                        "label name '" + name + "' is reserved (it names the entry's own " + name + ")");
            }
            if (!label && (name.isEmpty() || name.length() > MAX_NAME_LENGTH)) {
                throw new IllegalArgumentException("field name '" + abbreviate(name) + "' has " + name.length()
                        + " characters (expected: 1 to " + MAX_NAME_LENGTH + ")");
            }
            int maxValue = label ? MAX_VALUE_LENGTH : MAX_MESSAGE_LENGTH;
            if (value.length() > maxValue) {
                throw new IllegalArgumentException(kind + " " + name + " has a value of " + value.length()
                        + " characters (expected: at most " + maxValue + ")");
            }
            copy.put(name, value);
        }
        return Collections.unmodifiableSortedMap(copy);
    }

    /** {@code [A-Za-z_][A-Za-z0-9_.]*}, checked by hand: this runs for every label of every entry ingested. */
    private static boolean isLabelName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '.'))) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
