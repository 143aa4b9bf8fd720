package dev.keel.logs;

import java.util.Locale;

/** Which end of the time range a query's results start from (Loki's {@code direction}). Immutable. */
public enum Direction {
    /** Oldest first. */
    FORWARD,
    /** Newest first. */
    BACKWARD;

    /** Parses {@code forward} or {@code backward}, case-insensitively. */
    public static Direction parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "forward" -> FORWARD;
            case "backward" -> BACKWARD;
            default -> throw new IllegalArgumentException("direction '" + text + "' (expected: forward or backward)");
        };
    }
}
