package dev.keel.logs.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.keel.logs.LogEntry;
import java.io.IOException;
import java.util.List;

/**
 * Reads sealed blocks for queries, keeping recently decoded blocks in a Caffeine cache bounded by their raw size, so
 * that repeated queries over recent data (dashboards, tails) do not inflate the same blocks again. Thread-safe.
 */
final class BlockReader {

    private final BlockStore store;
    private final Cache<Long, List<LogEntry>> entries;

    BlockReader(BlockStore store, long cacheBytes) {
        this.store = store;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(cacheBytes)
                .<Long, List<LogEntry>>weigher((id, list) -> 64 * list.size()
                        + list.stream().mapToInt(e -> 2 * e.message().length()).sum())
                .build();
    }

    /** Every entry of {@code block}, in time order. */
    List<LogEntry> entries(BlockMeta block) throws IOException {
        List<LogEntry> cached = entries.getIfPresent(block.id());
        if (cached != null) {
            return cached;
        }
        List<LogEntry> decoded = List.copyOf(BlockCodec.decodeEntries(block, bytes(block)));
        entries.put(block.id(), decoded);
        return decoded;
    }

    /** The timestamp and level columns of {@code block}. */
    BlockCodec.Columns columns(BlockMeta block) throws IOException {
        return BlockCodec.decodeColumns(block, bytes(block));
    }

    private byte[] bytes(BlockMeta block) throws IOException {
        return store.read(block);
    }

    void forget(BlockMeta block) {
        entries.invalidate(block.id());
    }
}
