package dev.keel.logs.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.keel.logs.LogEntry;
import java.io.IOException;
import java.util.List;

/**
 * Reads sealed blocks for queries, keeping recently decoded blocks in a Caffeine cache bounded by their raw size, so
 * that repeated queries over recent data (dashboards, tails) do not decompress the same blocks again. Thread-safe.
 */
final class BlockReader {

    private final BlockStore store;
    private final Cache<Long, List<LogEntry>> entries;
    private final Cache<Long, BlockCodec.Columns> columns;

    BlockReader(BlockStore store, long cacheBytes) {
        this.store = store;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(cacheBytes)
                .<Long, List<LogEntry>>weigher((id, list) -> 64 * list.size()
                        + list.stream().mapToInt(e -> 2 * e.message().length()).sum())
                .build();
        // Timestamps and levels: 9 bytes an entry, so a quarter of the budget holds the columns of ~1M entries per
        // 8 MiB; they serve histograms, counts and the search for a range inside a block.
        this.columns = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, cacheBytes / 4))
                .<Long, BlockCodec.Columns>weigher((id, c) -> 9 * c.nanos().length + 64)
                .build();
    }

    /** The entries at positions {@code [from, to)} of {@code block}, from the cache if the block is there whole. */
    List<LogEntry> entries(BlockMeta block, int from, int to) throws IOException {
        List<LogEntry> cached = entries.getIfPresent(block.id());
        if (cached != null) {
            return cached.subList(from, to);
        }
        if (from == 0 && to == block.count()) {
            return entries(block);
        }
        return BlockCodec.decodeEntries(block, bytes(block), from, to);
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
        BlockCodec.Columns cached = columns.getIfPresent(block.id());
        if (cached != null) {
            return cached;
        }
        BlockCodec.Columns decoded = BlockCodec.decodeColumns(block, bytes(block));
        columns.put(block.id(), decoded);
        return decoded;
    }

    private byte[] bytes(BlockMeta block) throws IOException {
        return store.read(block);
    }

    void forget(BlockMeta block) {
        entries.invalidate(block.id());
        columns.invalidate(block.id());
    }
}
