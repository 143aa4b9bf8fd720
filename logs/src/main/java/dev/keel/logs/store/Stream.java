package dev.keel.logs.store;

/**
 * One stream's state: its key, its sealed blocks (an immutable {@link BlockList} swapped on change, readable
 * without the lock), and, under the store's write lock, the open block, the newest timestamp accepted (for the
 * out-of-order window) and the log position up to which its entries are sealed.
 */
final class Stream {

    private final StreamKey key;
    private volatile BlockList blocks = BlockList.EMPTY;
    // @GuardedBy("store lock")
    private OpenBlock open = new OpenBlock();
    // @GuardedBy("store lock")
    private long newestNanos = Long.MIN_VALUE;
    // @GuardedBy("store lock")
    private long sealedThroughLsn = -1;

    Stream(StreamKey key) {
        this.key = key;
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

    /** Swaps in an empty open block and returns the full one. */
    OpenBlock takeOpen() {
        OpenBlock full = open;
        open = new OpenBlock();
        return full;
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
