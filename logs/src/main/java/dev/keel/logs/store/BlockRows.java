package dev.keel.logs.store;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import java.util.List;
import java.util.SortedMap;

/**
 * One stream's entries in block order, as columns: what {@link BlockCodec} and {@link MessagePage} encode. The source
 * and labels are the stream's, so they are not here. Rows {@code [offset, offset + size)} of the arrays are this
 * view's rows {@code [0, size)}.
 *
 * <p>Why one final class of arrays rather than an interface: a sealer encodes a few dozen blocks a minute, so its
 * methods run long loops that the JIT compiles on the fly; with several implementations behind an interface a profile
 * showed {@code BlockCodec.encode} deoptimized and recompiled over and over (class checks), C2 compile time then being
 * the largest CPU cost of a short ingest run. An open block hands its arrays over as they are when its rows arrived
 * in time order (nearly always), else a sorted copy; a list of entries (tests) is copied into columns by
 * {@link #of(List)}.
 *
 * <p>Immutable as far as its arrays are not changed: an open block's arrays are not written below the captured size.
 */
record BlockRows(long[] nanos, byte[] levels, String[] messages, Object[] fields, int offset, int size) {

    long nanos(int row) {
        return nanos[offset + row];
    }

    LogLevel level(int row) {
        return LogLevel.ofOrdinal(levels[offset + row]);
    }

    String message(int row) {
        return messages[offset + row];
    }

    @SuppressWarnings("unchecked")
    SortedMap<String, String> fields(int row) {
        return (SortedMap<String, String>) fields[offset + row];
    }

    /** The rows {@code [from, to)} of this view. */
    BlockRows slice(int from, int to) {
        return new BlockRows(nanos, levels, messages, fields, offset + from, to - from);
    }

    /** {@code entries} as rows, in their order. */
    static BlockRows of(List<LogEntry> entries) {
        int size = entries.size();
        long[] nanos = new long[size];
        byte[] levels = new byte[size];
        String[] messages = new String[size];
        Object[] fields = new Object[size];
        for (int row = 0; row < size; row++) {
            LogEntry entry = entries.get(row);
            nanos[row] = entry.epochNanos();
            levels[row] = (byte) entry.level().ordinal();
            messages[row] = entry.message();
            fields[row] = entry.fields();
        }
        return new BlockRows(nanos, levels, messages, fields, 0, size);
    }
}
