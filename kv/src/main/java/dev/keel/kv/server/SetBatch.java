package dev.keel.kv.server;

import dev.keel.kv.WriteBatch;

/**
 * Consecutive plain SETs of one connection, waiting to be written to the store together (see
 * {@link RequestPipeline}). Bounded, so that one batch stays a small log append: at most {@value #MAX_SETS} SETs and
 * about {@value #MAX_BYTES} bytes of keys and values; a SET bigger than that on its own is never batched.
 *
 * <p>Not thread-safe: confined to its connection's thread.
 */
final class SetBatch {

    static final int MAX_SETS = 1024;
    static final int MAX_BYTES = 1 << 20;
    /** What a SET costs in the batch beyond its key and value: about a log record's header. */
    private static final int PER_SET_OVERHEAD = 32;

    private WriteBatch writes = new WriteBatch();
    private int size;
    private long bytes;

    /** Whether {@code set} is a plain SET: no NX, XX, GET or expiry option, so that one put does it all. */
    static boolean isPlain(StringCommand.Set set) {
        return set.condition() == StringCommand.Condition.ALWAYS
                && !set.returnOld()
                && set.ttl() instanceof StringCommand.TtlOption.Clear
                && cost(set) <= MAX_BYTES;
    }

    /** Whether {@code set} (a plain SET) fits in this batch; if not, write the batch first. */
    boolean fits(StringCommand.Set set) {
        return size < MAX_SETS && bytes + cost(set) <= MAX_BYTES;
    }

    /** Adds a plain SET that {@link #fits}. */
    void add(StringCommand.Set set) {
        if (!isPlain(set) || !fits(set)) {
            throw new IllegalArgumentException("SET of a " + set.key().length + "-byte key and a "
                    + set.value().length + "-byte value is not plain or does not fit in a batch of " + size
                    + " SETs and " + bytes + " bytes");
        }
        writes.adopt(set.key(), set.value()); // the parser's own arrays, which nothing else writes to
        size++;
        bytes += cost(set);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** How many SETs the batch holds. */
    int size() {
        return size;
    }

    /** The batch's writes, in order; the batch is empty afterwards. */
    WriteBatch take() {
        WriteBatch taken = writes;
        writes = new WriteBatch();
        size = 0;
        bytes = 0;
        return taken;
    }

    private static long cost(StringCommand.Set set) {
        return (long) set.key().length + set.value().length + PER_SET_OVERHEAD;
    }
}
