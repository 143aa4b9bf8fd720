package dev.keel.logs.store;

import java.util.ArrayList;
import java.util.List;

/**
 * One stream's state: its key, its sealed blocks (an immutable {@link BlockList} swapped on change, readable
 * without the lock), and, under the store's write lock, the open block, the full blocks waiting for the background
 * sealer (oldest first, no longer written to), the newest timestamp accepted (for the out-of-order window) and the
 * log position up to which its entries are sealed.
 */
final class Stream {

    private final StreamKey key;
    private volatile BlockList blocks = BlockList.EMPTY;
    // @GuardedBy("store lock")
    private OpenBlock open;
    // @GuardedBy("store lock"); replaced, never mutated, so a snapshot may keep the list it read
    private List<OpenBlock> sealing = List.of();
    // @GuardedBy("store lock")
    private long newestNanos = Long.MIN_VALUE;
    // @GuardedBy("store lock")
    private long sealedThroughLsn = -1;

    Stream(StreamKey key) {
        this.key = key;
        this.open = new OpenBlock(key);
    }

    StreamKey key() {
        return key;
    }

    BlockList blocks() {
        return blocks;
    }

    void setBlocks(BlockList list) {
        blocks = list;
    }

    OpenBlock open() {
        return open;
    }

    /** Swaps in an empty open block and returns the full one, which now waits for the sealer. */
    OpenBlock freezeOpen() {
        OpenBlock full = open;
        open = new OpenBlock(key);
        List<OpenBlock> next = new ArrayList<>(sealing);
        next.add(full);
        sealing = List.copyOf(next);
        return full;
    }

    /** The frozen blocks the sealer has not published yet, oldest first. */
    List<OpenBlock> sealing() {
        return sealing;
    }

    /** The sealer published {@code block}: it is a sealed block now, no longer in memory. */
    void sealed(OpenBlock block) {
        List<OpenBlock> next = new ArrayList<>(sealing);
        if (!next.remove(block)) {
            throw new IllegalStateException("block was not waiting to be sealed in stream " + key);
        }
        sealing = List.copyOf(next);
    }

    long newestNanos() {
        return newestNanos;
    }

    void observe(long nanos) {
        newestNanos = Math.max(newestNanos, nanos);
    }

    long sealedThroughLsn() {
        return sealedThroughLsn;
    }

    void sealedThrough(long lsn) {
        sealedThroughLsn = Math.max(sealedThroughLsn, lsn);
    }
}
