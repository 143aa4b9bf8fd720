package dev.keel.logs.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * A stream's sealed blocks in seal order, with the two arrays that let a time-range query find the overlapping
 * blocks by binary search even though blocks may overlap in time (out-of-order entries can land in a later block
 * with older timestamps).
 *
 * <p>How it is designed, and why: {@code prefixMax[i]} is the greatest {@code maxNanos} of blocks 0..i and
 * {@code suffixMin[i]} the least {@code minNanos} of blocks i..n-1; both are non-decreasing in i, whatever the blocks'
 * own spans. Every block before the first i with {@code prefixMax[i] >= start} ends before {@code start}, and every
 * block from the first i with {@code suffixMin[i] >= end} starts at or after {@code end}, so two binary searches
 * bound the candidates to a range in which (because the window bounds overlap) nearly every block really overlaps.
 * Rejected: an interval tree (more code for the same answer when overlaps are bounded by the out-of-order window)
 * and a scan of every block's span (linear in the stream's history).
 *
 * <p>Immutable: adding or removing blocks makes a new list, published by swapping a volatile reference.
 */
final class BlockList {

    static final BlockList EMPTY = new BlockList(new BlockMeta[0]);

    private final BlockMeta[] blocks;
    private final long[] prefixMax;
    private final long[] suffixMin;
    private final long storedBytes;

    private BlockList(BlockMeta[] blocks) {
        this.blocks = blocks;
        int n = blocks.length;
        prefixMax = new long[n];
        suffixMin = new long[n];
        long max = Long.MIN_VALUE;
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, blocks[i].maxNanos());
            prefixMax[i] = max;
            bytes += blocks[i].storedBytes();
        }
        long min = Long.MAX_VALUE;
        for (int i = n - 1; i >= 0; i--) {
            min = Math.min(min, blocks[i].minNanos());
            suffixMin[i] = min;
        }
        storedBytes = bytes;
    }

    /** A list with {@code block} appended (blocks are added in seal order). */
    BlockList with(BlockMeta block) {
        BlockMeta[] more = Arrays.copyOf(blocks, blocks.length + 1);
        more[blocks.length] = block;
        return new BlockList(more);
    }

    /** A list without the blocks in {@code removed}. */
    BlockList without(Collection<BlockMeta> removed) {
        return new BlockList(
                Arrays.stream(blocks).filter(b -> !removed.contains(b)).toArray(BlockMeta[]::new));
    }

    /** Blocks in seal order. */
    static BlockList of(List<BlockMeta> inSealOrder) {
        return new BlockList(inSealOrder.toArray(BlockMeta[]::new));
    }

    /** Passes every block that overlaps {@code [startNanos, endNanos)} to {@code action}, in seal order. */
    void forEachOverlapping(long startNanos, long endNanos, Consumer<BlockMeta> action) {
        int from = firstIndexAtLeast(prefixMax, startNanos);
        int to = firstIndexAtLeast(suffixMin, endNanos);
        for (int i = from; i < to; i++) {
            if (blocks[i].overlaps(startNanos, endNanos)) {
                action.accept(blocks[i]);
            }
        }
    }

    /** The blocks that overlap the range, in seal order. */
    List<BlockMeta> overlapping(long startNanos, long endNanos) {
        List<BlockMeta> result = new ArrayList<>();
        forEachOverlapping(startNanos, endNanos, result::add);
        return result;
    }

    List<BlockMeta> all() {
        return List.of(blocks);
    }

    int size() {
        return blocks.length;
    }

    long storedBytes() {
        return storedBytes;
    }

    boolean contains(BlockMeta block) {
        for (BlockMeta candidate : blocks) {
            if (candidate.id() == block.id()) {
                return true;
            }
        }
        return false;
    }

    /** The first index whose value is at least {@code key} in a non-decreasing array, or its length. */
    static int firstIndexAtLeast(long[] sorted, long key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
