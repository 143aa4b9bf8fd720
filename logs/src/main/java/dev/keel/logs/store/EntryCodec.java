package dev.keel.logs.store;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The record format of a batch of entries in the write-ahead log (the log's own framing adds the length and CRC32C
 * that cover all of it):
 *
 * <pre>
 * version      1 byte    = 1
 * count        varint    entries in the batch, at most MAX_BATCH
 * entry * count:
 *   timestamp  8 bytes   nanoseconds since 1970, big-endian, signed
 *   level      1 byte    LogLevel ordinal
 *   source     string    (string = varint byte length + UTF-8)
 *   labels     varint n, then n * (name string, value string)
 *   message    string
 *   fields     varint n, then n * (name string, value string)
 * </pre>
 *
 * <p>Every decoded entry goes through {@link LogEntry}'s validation again: the bytes are untrusted. Stateless.
 */
public final class EntryCodec {

    static final int VERSION = 1;
    static final int MAX_BATCH = 1 << 20;
    static final int MAX_STRING = 4 * LogEntry.MAX_MESSAGE_LENGTH;

    private EntryCodec() {}

    /** Encodes a batch as one log record. */
    public static byte[] encodeBatch(List<LogEntry> entries) {
        ByteSink sink = new ByteSink(64 + entries.size() * 160);
        sink.put(VERSION);
        sink.putVarLong(entries.size());
        for (LogEntry entry : entries) {
            sink.putLong(entry.epochNanos());
            sink.put(entry.level().ordinal());
            sink.putString(entry.source());
            putMap(sink, entry.labels());
            sink.putString(entry.message());
            putMap(sink, entry.fields());
        }
        return sink.toByteArray();
    }

    /** Decodes a batch; {@code where} names the record in errors. */
    public static List<LogEntry> decodeBatch(byte[] record, String where) {
        ByteSource in = new ByteSource(record, 0, record.length, where);
        int version = in.get();
        if (version != VERSION) {
            throw in.corrupt("unknown batch version " + version + " (expected: " + VERSION + ")");
        }
        int count = in.getCount("entry count", MAX_BATCH);
        LogEntry[] entries = new LogEntry[count];
        for (int i = 0; i < count; i++) {
            long nanos = in.getLong();
            LogLevel level = level(in);
            String source = in.getString(MAX_STRING);
            TreeMap<String, String> labels = getMap(in, LogEntry.MAX_LABELS);
            String message = in.getString(MAX_STRING);
            TreeMap<String, String> fields = getMap(in, LogEntry.MAX_FIELDS);
            entries[i] = build(in, nanos, level, source, labels, message, fields);
        }
        if (in.remaining() != 0) {
            throw in.corrupt(in.remaining() + " bytes after the last entry");
        }
        return List.of(entries);
    }

    static LogLevel level(ByteSource in) {
        int ordinal = in.get();
        if (ordinal >= LogLevel.values().length) {
            throw in.corrupt("level " + ordinal + " (expected: 0 to " + (LogLevel.values().length - 1) + ")");
        }
        return LogLevel.ofOrdinal(ordinal);
    }

    static LogEntry build(
            ByteSource in,
            long nanos,
            LogLevel level,
            String source,
            TreeMap<String, String> labels,
            String message,
            TreeMap<String, String> fields) {
        try {
            return new LogEntry(LogEntry.instantOf(nanos), level, source, labels, message, fields);
        } catch (IllegalArgumentException e) {
            throw in.corrupt("invalid entry: " + e.getMessage());
        }
    }

    static void putMap(ByteSink sink, Map<String, String> map) {
        sink.putVarLong(map.size());
        for (Map.Entry<String, String> entry : map.entrySet()) {
            sink.putString(entry.getKey());
            sink.putString(entry.getValue());
        }
    }

    static TreeMap<String, String> getMap(ByteSource in, int max) {
        int count = in.getCount("map size", max);
        TreeMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            map.put(in.getString(MAX_STRING), in.getString(MAX_STRING));
        }
        return map;
    }
}
