package dev.keel.logs.store;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The record format of a batch of entries in the write-ahead log (the log's own framing adds the length and CRC32C
 * that cover all of it). Version 2, written now, names each stream of the batch once:
 *
 * <pre>
 * version      1 byte    = 2
 * streams      varint s, then s * (source string, labels)   the batch's streams, in first-use order
 * count        varint    entries in the batch, at most MAX_BATCH
 * entry * count:
 *   stream     varint    index into the batch's streams
 *   timestamp  8 bytes   nanoseconds since 1970, big-endian, signed
 *   level      1 byte    LogLevel ordinal
 *   message    string    (string = varint byte length + UTF-8)
 *   fields     varint n, then n * (name string, value string)   (labels are written the same way)
 * </pre>
 *
 * <p>Version 1 (read, no longer written) had no stream table: each entry carried its source and labels after its
 * level. A profile of syslog ingestion had the per-entry labels as the largest part of encoding a batch; a
 * connection's batch is nearly always one stream, so version 2 writes them once.
 *
 * <p>Every decoded entry goes through {@link LogEntry}'s validation again: the bytes are untrusted. Stateless.
 */
public final class EntryCodec {

    static final int VERSION_1 = 1;
    static final int VERSION = 2;
    static final int MAX_BATCH = 1 << 20;
    static final int MAX_STRING = 4 * LogEntry.MAX_MESSAGE_LENGTH;

    private EntryCodec() {}

    /** Encodes a batch as one log record. */
    public static byte[] encodeBatch(List<LogEntry> entries) {
        List<StreamKey> keys = new ArrayList<>(entries.size());
        Map<StreamKey, StreamKey> canonical = new HashMap<>();
        for (LogEntry entry : entries) {
            keys.add(canonical.computeIfAbsent(StreamKey.of(entry), key -> key));
        }
        return encodeBatch(entries, keys);
    }

    /**
     * Encodes a batch whose entry {@code i} belongs to stream {@code keys.get(i)}; equal streams must be the same
     * instance (the store's canonical keys), as the table is built by identity.
     */
    static byte[] encodeBatch(List<LogEntry> entries, List<StreamKey> keys) {
        ByteSink sink = new ByteSink(64 + entries.size() * 160);
        sink.put(VERSION);
        Map<StreamKey, Integer> table = new IdentityHashMap<>();
        List<StreamKey> order = new ArrayList<>();
        int[] index = new int[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            StreamKey key = keys.get(i);
            Integer known = table.get(key);
            if (known == null) {
                known = order.size();
                table.put(key, known);
                order.add(key);
            }
            index[i] = known;
        }
        sink.putVarLong(order.size());
        for (StreamKey key : order) {
            sink.putString(key.source());
            putMap(sink, key.labels());
        }
        sink.putVarLong(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            LogEntry entry = entries.get(i);
            sink.putVarLong(index[i]);
            sink.putLong(entry.epochNanos());
            sink.put(entry.level().ordinal());
            sink.putString(entry.message());
            putMap(sink, entry.fields());
        }
        return sink.toByteArray();
    }

    /** Decodes a batch (either version); {@code where} names the record in errors. */
    public static List<LogEntry> decodeBatch(byte[] record, String where) {
        ByteSource in = new ByteSource(record, 0, record.length, where);
        int version = in.get();
        if (version != VERSION && version != VERSION_1) {
            throw in.corrupt("unknown batch version " + version + " (expected: " + VERSION_1 + " or " + VERSION + ")");
        }
        List<String> sources = new ArrayList<>();
        List<TreeMap<String, String>> labelSets = new ArrayList<>();
        if (version == VERSION) {
            int streams = in.getCount("stream count", MAX_BATCH);
            for (int s = 0; s < streams; s++) {
                sources.add(in.getString(MAX_STRING));
                labelSets.add(getMap(in, LogEntry.MAX_LABELS));
            }
        }
        int count = in.getCount("entry count", MAX_BATCH);
        LogEntry[] entries = new LogEntry[count];
        for (int i = 0; i < count; i++) {
            int stream = version == VERSION ? in.getCount("stream index", sources.size() - 1) : -1;
            long nanos = in.getLong();
            LogLevel level = level(in);
            String source = version == VERSION ? sources.get(stream) : in.getString(MAX_STRING);
            TreeMap<String, String> labels =
                    version == VERSION ? labelSets.get(stream) : getMap(in, LogEntry.MAX_LABELS);
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
