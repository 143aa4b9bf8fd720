package dev.keel.logs.store;

import dev.keel.logs.LogEntry;
import dev.keel.logs.LogsOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Deletes whole sealed blocks: those whose newest entry is older than the retention age, then the oldest (by newest
 * entry) while the blocks exceed the size limit. Whole blocks, as Loki and VictoriaLogs do: no rewrite, and a
 * block's entries go together. Open blocks are never deleted; their entries age out once sealed. Stateless; called
 * under the store's lock.
 */
final class Retention {

    private Retention() {}

    static int applyLocked(
            LogsOptions options,
            StreamRegistry streams,
            BlockStore store,
            BlockReader reader,
            @Nullable Watermarks watermarks,
            StoreCounters counters)
            throws IOException {
        if (options.retention() == null && options.retentionBytes() == 0) {
            return 0;
        }
        Set<BlockMeta> doomed = new HashSet<>();
        List<BlockMeta> all = new ArrayList<>();
        long total = 0;
        for (Stream stream : streams.all()) {
            for (BlockMeta block : stream.blocks().all()) {
                all.add(block);
                total += block.storedBytes();
            }
        }
        if (options.retention() != null) {
            long cutoff = LogEntry.epochNanosOf(options.clock().instant().minus(options.retention()));
            for (BlockMeta block : all) {
                if (block.maxNanos() < cutoff) {
                    doomed.add(block);
                    total -= block.storedBytes();
                }
            }
        }
        if (options.retentionBytes() > 0 && total > options.retentionBytes()) {
            all.sort(Comparator.comparingLong(BlockMeta::maxNanos).thenComparingLong(BlockMeta::id));
            for (BlockMeta block : all) {
                if (total <= options.retentionBytes()) {
                    break;
                }
                if (doomed.add(block)) {
                    total -= block.storedBytes();
                }
            }
        }
        if (doomed.isEmpty()) {
            return 0;
        }
        if (watermarks != null) {
            Map<StreamKey, Long> marks = new HashMap<>(watermarks.load());
            for (Stream stream : streams.all()) {
                if (stream.sealedThroughLsn() >= 0) {
                    marks.merge(stream.key(), stream.sealedThroughLsn(), Math::max);
                }
            }
            watermarks.save(marks); // before any file goes: recovery must not replay what the blocks covered
        }
        Map<Stream, List<BlockMeta>> byStream = new HashMap<>();
        for (BlockMeta block : doomed) {
            Stream stream = streams.get(block.stream());
            if (stream != null) {
                byStream.computeIfAbsent(stream, s -> new ArrayList<>()).add(block);
            }
        }
        for (Map.Entry<Stream, List<BlockMeta>> entry : byStream.entrySet()) {
            entry.getKey().setBlocks(entry.getKey().blocks().without(entry.getValue()));
        }
        for (BlockMeta block : doomed) {
            store.delete(block);
            reader.forget(block);
        }
        counters.deleted(doomed.size());
        return doomed.size();
    }
}
