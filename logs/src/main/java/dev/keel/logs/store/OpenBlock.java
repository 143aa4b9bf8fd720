package dev.keel.logs.store;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * A stream's block that is still being filled (Loki's "head chunk"): entries in arrival order, in memory, until the
 * block is sealed.
 *
 * <p>How it is designed, and why: columns, not entry objects. The source and labels are the stream's, so a row is a
 * timestamp in a {@code long[]}, a level in a {@code byte[]}, the message's {@code String} and its fields, where
 * equal consecutive field maps share one instance (a syslog sender's PROCID repeats). A profile of syslog ingestion
 * had shown the young collector copying open blocks' {@code LogEntry} graphs (an {@code Instant}, two sorted maps and
 * their nodes per entry, about fifteen objects) again and again until they were sealed: with up to 64 MiB of open
 * blocks that was seconds of GC per million messages. Now a retained row is the message (two objects) and array slots.
 * An entry object is built again only for a query that reads the open block.
 *
 * <p>Entries are only ever appended, so a reader that captured {@link #rows()} under the store's lock may read that
 * prefix later without it: array slots below the captured size never change, and a grown array is a copy.
 *
 * <p>Not thread-safe: mutated only under the store's write lock.
 */
final class OpenBlock {

    private static final SortedMap<String, String> NO_FIELDS = Collections.emptySortedMap();

    private final StreamKey key;
    private long[] nanos = new long[16];
    private byte[] levels = new byte[16];
    private String[] messages = new String[16];
    private Object[] fields = new Object[16];
    private SortedMap<String, String> lastFields = NO_FIELDS;
    private int size;
    private long bytes;
    private long firstLsn = -1;
    private long lastLsn = -1;

    OpenBlock(StreamKey key) {
        this.key = key;
    }

    void add(LogEntry entry, long lsn, int encodedBytes) {
        if (size == nanos.length) {
            int capacity = size * 2;
            nanos = Arrays.copyOf(nanos, capacity);
            levels = Arrays.copyOf(levels, capacity);
            messages = Arrays.copyOf(messages, capacity);
            fields = Arrays.copyOf(fields, capacity);
        }
        nanos[size] = entry.epochNanos();
        levels[size] = (byte) entry.level().ordinal();
        messages[size] = entry.message();
        SortedMap<String, String> entryFields = entry.fields();
        if (entryFields.isEmpty()) {
            entryFields = NO_FIELDS;
        } else if (entryFields.equals(lastFields)) {
            entryFields = lastFields;
        } else {
            lastFields = entryFields;
        }
        fields[size] = entryFields;
        size++;
        bytes += encodedBytes;
        if (firstLsn < 0) {
            firstLsn = lsn;
        }
        lastLsn = lsn;
    }

    /** The rows held now, in arrival order: a view that later appends do not change. */
    Rows rows() {
        return new Rows(key, nanos, levels, messages, fields, size);
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

    /** A prefix of an open block's columns. Immutable (the slots it covers are never written again). */
    record Rows(StreamKey key, long[] nanos, byte[] levels, String[] messages, Object[] fields, int size) {

        @SuppressWarnings("unchecked")
        private SortedMap<String, String> fields(int row) {
            return (SortedMap<String, String>) fields[row];
        }

        /** Row {@code row} as an entry of the stream. */
        LogEntry entry(int row) {
            return new LogEntry(
                    LogEntry.instantOf(nanos[row]),
                    LogLevel.ofOrdinal(levels[row]),
                    key.source(),
                    key.labels(),
                    messages[row],
                    fields(row));
        }

        void forEach(Consumer<LogEntry> action) {
            for (int row = 0; row < size; row++) {
                action.accept(entry(row));
            }
        }

        /**
         * The rows in {@link LogEntry#TIME_ORDER} (time, then level, message and fields: the source and labels are
         * the same for every row): these very arrays when the rows arrived in order, as they nearly always do, else
         * sorted copies.
         */
        BlockRows inTimeOrder() {
            boolean sorted = true;
            for (int row = 1; row < size && sorted; row++) {
                sorted = compare(row - 1, row) <= 0;
            }
            if (sorted) {
                return new BlockRows(nanos, levels, messages, fields, 0, size);
            }
            Integer[] order = new Integer[size];
            for (int row = 0; row < size; row++) {
                order[row] = row;
            }
            Arrays.sort(order, this::compare);
            long[] sortedNanos = new long[size];
            byte[] sortedLevels = new byte[size];
            String[] sortedMessages = new String[size];
            Object[] sortedFields = new Object[size];
            for (int row = 0; row < size; row++) {
                int from = order[row];
                sortedNanos[row] = nanos[from];
                sortedLevels[row] = levels[from];
                sortedMessages[row] = messages[from];
                sortedFields[row] = fields[from];
            }
            return new BlockRows(sortedNanos, sortedLevels, sortedMessages, sortedFields, 0, size);
        }

        private int compare(int a, int b) {
            int byTime = Long.compare(nanos[a], nanos[b]);
            if (byTime != 0) {
                return byTime;
            }
            int byLevel = Byte.compare(levels[a], levels[b]);
            if (byLevel != 0) {
                return byLevel;
            }
            int byMessage = messages[a].compareTo(messages[b]);
            return byMessage != 0
                    ? byMessage
                    : fields(a).toString().compareTo(fields(b).toString());
        }
    }
}
