package dev.keel.logs.store;

import dev.keel.logs.Direction;
import dev.keel.logs.LogEntry;
import dev.keel.logs.LogsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * A consistent view of the store for one query: each stream's sealed blocks and the prefix of its open block that
 * existed when the view was taken. Later ingestion is invisible to it.
 *
 * <p>How a limited query is designed, and why: blocks overlapping the range are found per stream by binary search
 * ({@link BlockList}) and pruned by their level counts and trigram filters ({@link EntryFilter#mayMatch}); the rest
 * are visited newest-first (for {@link Direction#BACKWARD}) by their newest timestamp, feeding a heap that keeps the
 * best {@code limit} entries. Once the heap is full and the next block's newest entry is older than the heap's
 * oldest, no remaining block can contribute, and the scan stops: "newest 1,000 of 10 million" reads a handful of
 * blocks. Forward is the mirror image. Rejected: merging every stream's entries in order (reads blocks the limit
 * never needs).
 *
 * <p>Thread-safe (immutable, reads through the shared block cache); a block deleted by retention while a query runs
 * is skipped.
 */
public final class StoreSnapshot {

    /**
     * One stream as the snapshot sees it: its sealed blocks, the frozen blocks waiting for the sealer, and the prefix
     * of its open block. The sealer publishes a block and drops its frozen copy under one lock hold, so each entry is
     * in exactly one of these.
     */
    record StreamView(Stream stream, BlockList blocks, List<OpenBlock> sealing, OpenBlock.Rows open) {

        /** Every entry held in memory: the frozen blocks', then the open block's prefix. */
        void forEachInMemory(Consumer<LogEntry> action) {
            for (OpenBlock frozen : sealing) {
                frozen.rows().forEach(action);
            }
            open.forEach(action);
        }
    }

    private final List<StreamView> views;
    private final StreamRegistry registry;
    private final BlockReader reader;

    StoreSnapshot(List<StreamView> views, StreamRegistry registry, BlockReader reader) {
        this.views = views;
        this.registry = registry;
        this.reader = reader;
    }

    /** The streams the filter selects, starting from the label index where it can. */
    private List<StreamView> select(EntryFilter filter) {
        Optional<Map.Entry<String, String>> required = filter.requiredLabel();
        List<StreamView> selected = new ArrayList<>();
        if (required.isPresent()) {
            List<Stream> posting =
                    registry.withLabel(required.get().getKey(), required.get().getValue());
            java.util.Set<Stream> wanted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Stream stream : posting) {
                if (filter.matchesStream(stream.key())) {
                    wanted.add(stream);
                }
            }
            for (StreamView view : views) {
                if (wanted.contains(view.stream())) {
                    selected.add(view);
                }
            }
            return selected;
        }
        for (StreamView view : views) {
            if (filter.matchesStream(view.stream().key())) {
                selected.add(view);
            }
        }
        return selected;
    }

    /**
     * The first {@code limit} matching entries in {@code [startNanos, endNanos)} in {@code direction}'s order.
     */
    public List<LogEntry> query(EntryFilter filter, long startNanos, long endNanos, int limit, Direction direction) {
        Comparator<LogEntry> order =
                direction == Direction.FORWARD ? LogEntry.TIME_ORDER : LogEntry.TIME_ORDER.reversed();
        // The heap's head is the worst entry kept: the one the next better entry evicts.
        PriorityQueue<LogEntry> best = new PriorityQueue<>(order.reversed());
        Consumer<LogEntry> offer = entry -> {
            if (best.size() < limit) {
                best.add(entry);
            } else if (order.compare(entry, best.peek()) < 0) {
                best.poll();
                best.add(entry);
            }
        };
        List<BlockMeta> candidates = new ArrayList<>();
        for (StreamView view : select(filter)) {
            view.forEachInMemory(entry -> {
                long nanos = entry.epochNanos();
                if (nanos >= startNanos && nanos < endNanos && filter.matches(entry)) {
                    offer.accept(entry);
                }
            });
            view.blocks().forEachOverlapping(startNanos, endNanos, block -> {
                if (filter.mayMatch(block)) {
                    candidates.add(block);
                }
            });
        }
        if (direction == Direction.BACKWARD) {
            candidates.sort(Comparator.comparingLong(BlockMeta::maxNanos).reversed());
        } else {
            candidates.sort(Comparator.comparingLong(BlockMeta::minNanos));
        }
        for (BlockMeta block : candidates) {
            if (best.size() >= limit && limit > 0) {
                long worst = best.peek().epochNanos();
                boolean cannotImprove =
                        direction == Direction.BACKWARD ? block.maxNanos() < worst : block.minNanos() > worst;
                if (cannotImprove) {
                    break;
                }
            }
            for (LogEntry entry : entriesIn(block, startNanos, endNanos)) {
                if (filter.matches(entry)) {
                    offer.accept(entry);
                }
            }
        }
        List<LogEntry> result = new ArrayList<>(best);
        result.sort(order);
        return result;
    }

    /** Passes every matching entry in {@code [startNanos, endNanos)} to {@code action}, in no particular order. */
    public void forEach(EntryFilter filter, long startNanos, long endNanos, Consumer<LogEntry> action) {
        for (StreamView view : select(filter)) {
            view.forEachInMemory(entry -> {
                long nanos = entry.epochNanos();
                if (nanos >= startNanos && nanos < endNanos && filter.matches(entry)) {
                    action.accept(entry);
                }
            });
            for (BlockMeta block : view.blocks().overlapping(startNanos, endNanos)) {
                if (!filter.mayMatch(block)) {
                    continue;
                }
                for (LogEntry entry : entriesIn(block, startNanos, endNanos)) {
                    if (filter.matches(entry)) {
                        action.accept(entry);
                    }
                }
            }
        }
    }

    /** Receives the timestamps and levels of matching entries, a stream at a time. */
    @FunctionalInterface
    public interface ColumnSink {
        /** One entry of {@code stream}: its timestamp and level ordinal. */
        void accept(StreamKey stream, long nanos, int levelOrdinal);
    }

    /** Receives whole blocks that lie inside the range and match entirely by level: counts need no decoding. */
    @FunctionalInterface
    public interface BlockSink {
        /** True if the sink used the block's summary; false asks for its entries one by one. */
        boolean acceptWhole(BlockMeta block);
    }

    /**
     * For counting: the timestamp and level of every matching entry in the range. Requires
     * {@link EntryFilter#levelOnly()}; blocks are read by their column prefix only, and a block that {@code whole}
     * accepts (its summary suffices) is not read at all.
     */
    public void forEachColumns(EntryFilter filter, long startNanos, long endNanos, BlockSink whole, ColumnSink action) {
        if (!filter.levelOnly()) {
            throw new IllegalArgumentException("forEachColumns needs a filter that looks only at the level");
        }
        for (StreamView view : select(filter)) {
            StreamKey key = view.stream().key();
            view.forEachInMemory(entry -> {
                long nanos = entry.epochNanos();
                if (nanos >= startNanos
                        && nanos < endNanos
                        && filter.matchesLevel(entry.level().ordinal())) {
                    action.accept(key, nanos, entry.level().ordinal());
                }
            });
            for (BlockMeta block : view.blocks().overlapping(startNanos, endNanos)) {
                if (!filter.mayMatch(block) || (block.within(startNanos, endNanos) && whole.acceptWhole(block))) {
                    continue;
                }
                BlockCodec.Columns columns = columns(block);
                for (int i = 0; i < columns.nanos().length; i++) {
                    long nanos = columns.nanos()[i];
                    int level = columns.levels()[i];
                    if (nanos >= startNanos && nanos < endNanos && filter.matchesLevel(level)) {
                        action.accept(key, nanos, level);
                    }
                }
            }
        }
    }

    /** The streams the snapshot holds. */
    public List<StreamKey> streams() {
        return views.stream().map(view -> view.stream().key()).toList();
    }

    /** The distinct values of label {@code name} ({@code source} included). */
    public List<String> labelValues(String name) {
        return List.copyOf(registry.values(name));
    }

    /**
     * The entries of {@code block} in {@code [startNanos, endNanos)}: all of them if the block lies inside the range;
     * otherwise the range is found by binary search on the block's (cached) timestamp column and only it is decoded.
     */
    private List<LogEntry> entriesIn(BlockMeta block, long startNanos, long endNanos) {
        try {
            if (block.within(startNanos, endNanos)) {
                return reader.entries(block);
            }
            long[] nanos = reader.columns(block).nanos();
            int from = BlockList.firstIndexAtLeast(nanos, startNanos);
            int to = BlockList.firstIndexAtLeast(nanos, endNanos);
            return from >= to ? List.of() : reader.entries(block, from, to);
        } catch (IOException e) {
            if (isDeleted(block)) {
                return List.of();
            }
            throw new LogsException(LogsException.Code.STORAGE_FAILED, "reading " + block + ": " + e.getMessage(), e);
        }
    }

    private BlockCodec.Columns columns(BlockMeta block) {
        try {
            return reader.columns(block);
        } catch (IOException e) {
            if (isDeleted(block)) {
                return new BlockCodec.Columns(new long[0], new byte[0]);
            }
            throw new LogsException(LogsException.Code.STORAGE_FAILED, "reading " + block + ": " + e.getMessage(), e);
        }
    }

    private boolean isDeleted(BlockMeta block) {
        Stream stream = registry.get(block.stream());
        return stream == null || !stream.blocks().contains(block);
    }
}
