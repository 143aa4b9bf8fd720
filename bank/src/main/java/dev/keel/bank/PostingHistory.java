package dev.keel.bank;

import java.util.Arrays;
import java.util.Objects;

/**
 * One account's postings in time order (when, the running balance after it, which transfer), for statements and
 * balances as of a past time: appended at the end, the newest dropped when a chain rolls back, read by index.
 *
 * <p>How it is stored, and why: three parallel arrays of primitives and ids rather than a list of objects (a million
 * postings cost about 24 MB instead of about 56), cut into chunks of {@value #CHUNK} postings. The first chunk grows
 * by doubling, so an account with a handful of postings costs a handful of slots; later chunks are allocated whole.
 * Appending therefore never copies more than one chunk: a hot account (a merchant, the bank's funding account) that
 * collects millions of postings would otherwise re-copy its whole history at every doubling, tens of megabytes at a
 * time on the sequencer's thread, as large ("humongous") allocations that the collector handles worst. Reading posting
 * {@code i} is a shift and a mask.
 *
 * <p>Not thread-safe: confined to the sequencer's thread, like the ledger. A {@link Prefix} ({@link #capture()}) is
 * immutable and may be read from another thread while this one keeps appending (see {@link #capture()}).
 */
final class PostingHistory {

    private static final int CHUNK_BITS = 12;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    private static final int FIRST_CAPACITY = 4;

    private long[][] times = {new long[FIRST_CAPACITY]};
    private long[][] balances = {new long[FIRST_CAPACITY]};
    private String[][] transfers = {new String[FIRST_CAPACITY]};
    private int size;

    int size() {
        return size;
    }

    void append(long timestamp, long balance, String transferId) {
        int chunk = size >>> CHUNK_BITS;
        int offset = size & MASK;
        if (chunk == times.length) {
            int chunks = times.length * 2;
            times = Arrays.copyOf(times, chunks);
            balances = Arrays.copyOf(balances, chunks);
            transfers = Arrays.copyOf(transfers, chunks);
        }
        if (times[chunk] == null) {
            times[chunk] = new long[CHUNK];
            balances[chunk] = new long[CHUNK];
            transfers[chunk] = new String[CHUNK];
        } else if (offset == times[chunk].length) { // only the first chunk grows; the others start full-sized
            int capacity = Math.min(CHUNK, offset * 2);
            times[chunk] = Arrays.copyOf(times[chunk], capacity);
            balances[chunk] = Arrays.copyOf(balances[chunk], capacity);
            transfers[chunk] = Arrays.copyOf(transfers[chunk], capacity);
        }
        times[chunk][offset] = timestamp;
        balances[chunk][offset] = balance;
        transfers[chunk][offset] = transferId;
        size++;
    }

    /** Drops the newest posting and returns its transfer's id. */
    String dropLast() {
        size--;
        String[] chunk = transfers[size >>> CHUNK_BITS];
        String dropped = chunk[size & MASK];
        chunk[size & MASK] = null;
        return dropped;
    }

    /**
     * The postings as they are now, in O(1), for a snapshot encoded on another thread ({@link LedgerView}).
     *
     * <p>Why the prefix stays valid while this history changes: an append writes only at index {@code size}, at or past
     * the captured size; {@link #dropLast()} clears only the newest posting, and the books capture between requests,
     * when no chain is open, so a rollback after the capture drops only postings appended after it. So no slot below
     * the captured size is ever written again. The one slot of a directory that is ever replaced is the first chunk's
     * (it grows by copying into a new array), so the prefix keeps the first chunks it saw beside the directories;
     * every later chunk is allocated whole and stays in its slot, and a directory that fills is copied, not changed.
     */
    Prefix capture() {
        return new Prefix(this);
    }

    /**
     * The first {@code size} postings of a history at the moment it was captured. Immutable; safe to read from any
     * thread once published (see {@link #capture()}).
     */
    static final class Prefix {
        private final long[][] times;
        private final long[][] balances;
        private final String[][] transfers;
        private final long[] firstTimes;
        private final long[] firstBalances;
        private final String[] firstTransfers;
        private final int size;

        private Prefix(PostingHistory history) {
            this.times = history.times;
            this.balances = history.balances;
            this.transfers = history.transfers;
            this.firstTimes = history.times[0];
            this.firstBalances = history.balances[0];
            this.firstTransfers = history.transfers[0];
            this.size = history.size;
        }

        int size() {
            return size;
        }

        long timestamp(int index) {
            Objects.checkIndex(index, size);
            return index < CHUNK ? firstTimes[index] : times[index >>> CHUNK_BITS][index & MASK];
        }

        long balance(int index) {
            Objects.checkIndex(index, size);
            return index < CHUNK ? firstBalances[index] : balances[index >>> CHUNK_BITS][index & MASK];
        }

        String transfer(int index) {
            Objects.checkIndex(index, size);
            return index < CHUNK ? firstTransfers[index] : transfers[index >>> CHUNK_BITS][index & MASK];
        }
    }

    long timestamp(int index) {
        return times[index >>> CHUNK_BITS][index & MASK];
    }

    long balance(int index) {
        return balances[index >>> CHUNK_BITS][index & MASK];
    }

    String transfer(int index) {
        return transfers[index >>> CHUNK_BITS][index & MASK];
    }
}
