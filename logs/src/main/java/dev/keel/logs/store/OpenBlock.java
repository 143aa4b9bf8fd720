package dev.keel.logs.store;

import dev.keel.logs.LogEntry;
import java.util.Arrays;

/**
 * A stream's block that is still being filled (Loki's "head chunk"): entries in arrival order, in memory, until the
 * block is sealed. Entries are only ever appended, so a reader that captured ({@link #entries()}, {@link #size()})
 * under the store's lock may read that prefix later without it: the array slots below the captured size never
 * change, and a grown array is a copy.
 *
 * <p>Not thread-safe: mutated only under the store's write lock.
 */
final class OpenBlock {

    private LogEntry[] entries = new LogEntry[16];
    private int size;
    private long bytes;
    private long firstLsn = -1;
    private long lastLsn = -1;

    void add(LogEntry entry, long lsn, int encodedBytes) {
        if (size == entries.length) {
            entries = Arrays.copyOf(entries, size * 2);
        }
        entries[size++] = entry;
        bytes += encodedBytes;
        if (firstLsn < 0) {
            firstLsn = lsn;
        }
        lastLsn = lsn;
    }

    LogEntry[] entries() {
        return entries;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Encoded bytes of the entries: what the block will hold before compression. */
    long bytes() {
        return bytes;
    }

    /** The log position of the first record with an entry here: the log must be kept from there. */
    long firstLsn() {
        return firstLsn;
    }

    long lastLsn() {
        return lastLsn;
    }

    /** The approximate encoded size of {@code entry}, for the memory bounds. */
    static int estimateBytes(LogEntry entry) {
        int total = 24 + entry.message().length();
        for (var field : entry.fields().entrySet()) {
            total += 4 + field.getKey().length() + field.getValue().length();
        }
        return total;
    }
}
