package dev.keel.logs.ingest;

import java.nio.charset.StandardCharsets;

/**
 * A small cache of the header strings one connection keeps sending (its host name, app name, process id), so that
 * parsing a message reuses the same {@code String} instead of cutting a new one.
 *
 * <p>Why: a profile of syslog ingestion showed each message's host and app substrings being hashed and compared again
 * to find the message's stream (their hash codes are cached only per instance) and allocated only to be dropped. A
 * sender's header fields hardly change, so a direct-mapped table of 16 slots, checked with
 * {@link String#regionMatches}, finds them without allocating; a miss costs what the substring cost before.
 *
 * <p>Not thread-safe: one per connection (or per receiving thread).
 */
final class RecentStrings {

    private static final int SLOTS = 16;
    private static final int MAX_LENGTH = 64;

    private final String[] slots = new String[SLOTS];

    /** {@code text.substring(from, to)}, the instance seen last time if it was the same. */
    String get(String text, int from, int to) {
        int length = to - from;
        if (length == 0 || length > MAX_LENGTH) {
            return text.substring(from, to);
        }
        int slot = (length * 31 + text.charAt(from) * 7 + text.charAt(to - 1)) & (SLOTS - 1);
        String cached = slots[slot];
        if (cached != null && cached.length() == length && text.regionMatches(from, cached, 0, length)) {
            return cached;
        }
        String fresh = text.substring(from, to);
        slots[slot] = fresh;
        return fresh;
    }

    /**
     * The ASCII bytes {@code bytes[from, to)} as a string, the instance seen last time if it was the same. Every byte
     * must be below 0x80 (the caller checked).
     */
    String get(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length == 0 || length > MAX_LENGTH) {
            return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
        }
        int slot = (length * 31 + bytes[from] * 7 + bytes[to - 1]) & (SLOTS - 1);
        String cached = slots[slot];
        if (cached != null && sameAscii(cached, bytes, from, length)) {
            return cached;
        }
        String fresh = new String(bytes, from, length, StandardCharsets.ISO_8859_1);
        slots[slot] = fresh;
        return fresh;
    }

    private static boolean sameAscii(String cached, byte[] bytes, int from, int length) {
        if (cached.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (cached.charAt(i) != bytes[from + i]) {
                return false;
            }
        }
        return true;
    }
}
