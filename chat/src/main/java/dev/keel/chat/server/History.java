package dev.keel.chat.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last messages said in one channel, replayed to a client that joins.
 *
 * <p>A ring of fixed capacity: appending is O(1) and allocates only the entry, so history costs the message path one
 * uncontended lock per channel message (a lock of its own, not the channel's). Capacity 0 keeps nothing. Thread-safe.
 */
final class History {

    /** One remembered message: when, who ({@code nick!user@host}), PRIVMSG or NOTICE, and the text. */
    record Entry(Instant at, String source, String command, String text) {}

    private final Entry[] ring;
    // @GuardedBy("this")
    private long appended;

    History(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity (" + capacity + ") must not be negative");
        }
        this.ring = new Entry[capacity];
    }

    synchronized void append(Entry entry) {
        if (ring.length == 0) {
            return;
        }
        ring[(int) (appended % ring.length)] = entry;
        appended++;
    }

    /** The remembered messages, oldest first. */
    synchronized List<Entry> recent() {
        int count = (int) Math.min(appended, ring.length);
        List<Entry> entries = new ArrayList<>(count);
        for (long i = appended - count; i < appended; i++) {
            entries.add(ring[(int) (i % ring.length)]);
        }
        return entries;
    }
}
