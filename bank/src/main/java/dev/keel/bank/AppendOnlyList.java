package dev.keel.bank;

import java.util.Arrays;
import java.util.Objects;

/**
 * A list that grows at its end and shrinks only there, whose prefix can be captured in O(1) and read from another
 * thread while this one keeps appending: the books' transfers in creation order and their resolutions, for snapshots
 * encoded off the sequencer's thread ({@link LedgerView}).
 *
 * <p>How it is designed, and why: elements live in chunks of {@value #CHUNK} slots, allocated whole and never
 * replaced or copied; only the small directory of chunks is copied when it fills. So once an element is written at
 * index {@code i}, the slot it is in stays where it is and is written again only if the list is first truncated below
 * {@code i + 1}. A {@link Prefix} keeps the directory and the size at capture; as long as the owner never truncates
 * below that size, everything the prefix reads was written before the capture and never again. The cost is one
 * reference per element plus at most one chunk of slack (64 KiB): no copy of the list, ever.
 *
 * <p>Not thread-safe: appended to and truncated by one thread (the sequencer's). A {@link Prefix} is immutable and
 * safe to read from any thread that the capture happened-before (a hand-off through an executor does that).
 *
 * @param <E> the element type
 */
final class AppendOnlyList<E> {

    private static final int CHUNK_BITS = 14;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;

    private Object[][] chunks = new Object[4][];
    private int size;

    int size() {
        return size;
    }

    void add(E element) {
        Objects.requireNonNull(element, "element");
        int chunk = size >>> CHUNK_BITS;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2); // the old directory keeps its slots for prefixes
        }
        if (chunks[chunk] == null) {
            chunks[chunk] = new Object[CHUNK];
        }
        chunks[chunk][size & MASK] = element;
        size++;
    }

    /** Removes the last element, which must be {@code expected} (a chain rolling back undoes its newest transfer). */
    void removeLast(E expected) {
        if (size == 0 || !expected.equals(chunks[(size - 1) >>> CHUNK_BITS][(size - 1) & MASK])) {
            throw new IllegalStateException("the newest element is not " + expected);
        }
        size--;
        chunks[size >>> CHUNK_BITS][size & MASK] = null;
    }

    /**
     * The elements as they are now. Valid while this list is never truncated below the current size: the caller
     * guarantees it (the books capture between requests, and a rollback only removes what a request after the capture
     * added).
     */
    Prefix<E> capture() {
        return new Prefix<>(chunks, size);
    }

    /**
     * The first {@code size} elements of an {@link AppendOnlyList} at the moment it was captured. Immutable; safe to
     * read from any thread once published (see the list's comment for why its slots do not change).
     *
     * @param <E> the element type
     */
    static final class Prefix<E> {
        private final Object[][] chunks;
        private final int size;

        private Prefix(Object[][] chunks, int size) {
            this.chunks = chunks;
            this.size = size;
        }

        int size() {
            return size;
        }

        @SuppressWarnings("unchecked")
        E get(int index) {
            Objects.checkIndex(index, size);
            return (E) chunks[index >>> CHUNK_BITS][index & MASK];
        }
    }
}
