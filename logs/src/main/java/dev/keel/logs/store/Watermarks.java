package dev.keel.logs.store;

import dev.keel.logs.LogEntry;
import dev.keel.storage.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The log position each stream is sealed through, saved before retention deletes blocks: a block's header carries
 * that position, and without this file, deleting a stream's blocks would let recovery replay (resurrect) log entries
 * the deleted blocks had covered.
 *
 * <pre>
 * magic     4 bytes  "KLW1"
 * count     varint   streams
 * stream * count:  source string, labels (varint n, n * (name string, value string)), sealedThrough 8 bytes
 * crc       4 bytes  CRC32C of everything before it
 * </pre>
 *
 * <p>Replaced crash-safely as a whole. Not thread-safe: used under the store's lock.
 */
final class Watermarks {

    private static final int MAGIC = 0x4B4C5731; // "KLW1"

    private final Path file;

    Watermarks(Path file) {
        this.file = file;
    }

    Map<StreamKey, Long> load() throws IOException {
        Map<StreamKey, Long> marks = new HashMap<>();
        if (!Files.exists(file)) {
            return marks;
        }
        byte[] bytes = Files.readAllBytes(file);
        ByteSource in = new ByteSource(bytes, 0, bytes.length, file.toString());
        if (bytes.length < 8
                || BlockCodec.crc(bytes, 0, bytes.length - 4)
                        != new ByteSource(bytes, bytes.length - 4, 4, file.toString()).getInt()) {
            throw in.corrupt("checksum mismatch or truncated (" + bytes.length + " bytes)");
        }
        if (in.getInt() != MAGIC) {
            throw in.corrupt("bad magic (expected: \"KLW1\")");
        }
        int count = in.getCount("stream count", 1 << 24);
        for (int i = 0; i < count; i++) {
            String source = in.getString(EntryCodec.MAX_STRING);
            TreeMap<String, String> labels = EntryCodec.getMap(in, LogEntry.MAX_LABELS);
            marks.put(new StreamKey(source, java.util.Collections.unmodifiableSortedMap(labels)), in.getLong());
        }
        return marks;
    }

    void save(Map<StreamKey, Long> marks) throws IOException {
        ByteSink sink = new ByteSink(64 + marks.size() * 64);
        sink.putInt(MAGIC);
        sink.putVarLong(marks.size());
        for (Map.Entry<StreamKey, Long> mark : marks.entrySet()) {
            sink.putString(mark.getKey().source());
            EntryCodec.putMap(sink, mark.getKey().labels());
            sink.putLong(mark.getValue());
        }
        sink.putInt(BlockCodec.crc(sink.array(), 0, sink.size()));
        DurableFiles.replace(file, sink.toByteArray());
    }
}
