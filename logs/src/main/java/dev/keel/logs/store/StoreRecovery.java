package dev.keel.logs.store;

import dev.keel.logs.LogEntry;
import dev.keel.storage.LogReader;
import dev.keel.storage.LogRecord;
import dev.keel.storage.WriteAheadLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Opening a store: read every block header (never a body), rebuild each stream's block list and the position its
 * blocks cover, then replay the write-ahead log into open blocks, skipping entries already sealed. Stateless.
 */
final class StoreRecovery {

    /** Receives each replayed entry. */
    @FunctionalInterface
    interface Replay {
        void accept(Stream stream, LogEntry entry, long lsn);
    }

    record Result(long nextBlockId, long replayedEntries, long skippedEntries) {}

    private StoreRecovery() {}

    static Result recover(
            BlockStore blocks,
            @Nullable WriteAheadLog wal,
            @Nullable Watermarks watermarks,
            StreamRegistry streams,
            Replay replay)
            throws IOException {
        List<BlockMeta> metas = new ArrayList<>(blocks.list());
        metas.sort(Comparator.comparingLong(BlockMeta::id));
        Map<Stream, List<BlockMeta>> byStream = new HashMap<>();
        long nextId = 1;
        for (BlockMeta meta : metas) {
            Stream stream = streams.getOrCreate(meta.stream());
            byStream.computeIfAbsent(stream, s -> new ArrayList<>()).add(meta);
            stream.sealedThrough(meta.sealedThroughLsn());
            stream.observe(meta.maxNanos());
            nextId = Math.max(nextId, meta.id() + 1);
        }
        for (Map.Entry<Stream, List<BlockMeta>> entry : byStream.entrySet()) {
            entry.getKey().setBlocks(BlockList.of(entry.getValue()));
        }
        if (watermarks != null) {
            for (Map.Entry<StreamKey, Long> mark : watermarks.load().entrySet()) {
                streams.getOrCreate(mark.getKey()).sealedThrough(mark.getValue());
            }
        }
        long replayed = 0;
        long skipped = 0;
        if (wal != null) {
            try (LogReader reader = wal.reader()) {
                while (reader.hasNext()) {
                    LogRecord record = reader.next();
                    long lsn = record.lsn();
                    byte[] payload = record.payload();
                    for (LogEntry entry : EntryCodec.decodeBatch(payload, "log record at LSN " + lsn)) {
                        Stream stream = streams.getOrCreate(StreamKey.of(entry));
                        if (lsn <= stream.sealedThroughLsn()) {
                            skipped++;
                        } else {
                            replay.accept(stream, entry, lsn);
                            replayed++;
                        }
                    }
                }
            }
        }
        return new Result(nextId, replayed, skipped);
    }
}
