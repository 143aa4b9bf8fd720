package dev.keel.pipeline;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * Sliding and tumbling windows: {@code windowed(size, step, partial)}, and {@code chunked(n)} as
 * {@code windowed(n, n, true)}.
 *
 * <p>How it is designed, and why: elements are appended to a block array that is written once and never changed, and a
 * window is a read-only view of {@code size} consecutive slots of its block: no copying per window. When a block is
 * full, a new one starts with the last {@code size - 1} elements carried over, so every window still lies within one
 * block; blocks are at least 1,024 slots and eight windows long, so the carrying costs a fraction of a copy per
 * element. The alternative, copying each window out of a ring ({@code Gatherers.windowSliding} copies
 * {@code size - 1} references per window), touches every element {@code size} times. The price: a window kept by the
 * caller keeps its block reachable (at most {@code max(1024, 8 x size)} references), much as a collected list of
 * copied windows would hold {@code size} references per window. Windows start at 0, step, 2 step, ...; a window is
 * emitted when its last element arrives, and with {@code partial} the shorter windows still open at the end are
 * emitted too (Kotlin's {@code windowed}).
 */
final class Windowed<T> extends BufferedStage<T, List<T>> {

    private static final int MIN_BLOCK = 1_024;

    private final int size;
    private final int step;
    private final boolean partial;
    private final int blockLength;
    private Object[] block;
    private int filled;
    /** The input position of {@code block[0]}. */
    private long blockStart;

    private long seen;
    private long nextStart;

    /** The stage for {@code operation} ({@code windowed} or {@code chunked}), its arguments checked now. */
    static <T> Function<Cursor<T>, Cursor<List<T>>> stage(int size, int step, boolean partial, String operation) {
        checkArguments(size, step, operation);
        return upstream -> new Windowed<>(upstream, size, step, partial);
    }

    /** Fails unless {@code size} and {@code step} are positive; shared with the primitive pipelines' windows. */
    static void checkArguments(int size, int step, String operation) {
        if (size <= 0) {
            throw new IllegalArgumentException(operation + ": size (" + size + ") must be positive");
        }
        if (step <= 0) {
            throw new IllegalArgumentException(operation + ": step (" + step + ") must be positive");
        }
    }

    Windowed(Cursor<T> upstream, int size, int step, boolean partial) {
        super(upstream);
        this.size = size;
        this.step = step;
        this.partial = partial;
        this.blockLength = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(MIN_BLOCK, 8L * size));
        this.block = new Object[Math.min(blockLength, 64)];
    }

    @Override
    public void accept(T element) {
        if (filled == block.length) {
            grow();
        }
        block[filled++] = element;
        seen++;
        if (seen - nextStart == size) {
            emit(window(nextStart, size));
            nextStart += step;
        }
    }

    /** Doubles a young block, or starts a new full-length one carrying the last {@code size - 1} elements. */
    private void grow() {
        if (block.length < blockLength) {
            block = Arrays.copyOf(block, (int) Math.min(blockLength, 2L * block.length));
            return;
        }
        int keep = Math.min(size - 1, filled);
        Object[] next = new Object[blockLength];
        System.arraycopy(block, filled - keep, next, 0, keep);
        blockStart += filled - keep;
        block = next;
        filled = keep;
    }

    @Override
    void onEnd() {
        if (!partial) {
            return;
        }
        while (nextStart < seen) {
            emit(window(nextStart, (int) (seen - nextStart)));
            nextStart += step;
        }
    }

    private List<T> window(long start, int length) {
        return new BlockWindow<>(block, (int) (start - blockStart), length);
    }

    /** An unmodifiable view of slots of a block that are written once and never again. */
    private static final class BlockWindow<T> extends AbstractList<T> implements RandomAccess {
        private final Object[] block;
        private final int offset;
        private final int length;

        BlockWindow(Object[] block, int offset, int length) {
            this.block = block;
            this.offset = offset;
            this.length = length;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            Objects.checkIndex(index, length);
            return (T) block[offset + index];
        }

        @Override
        public int size() {
            return length;
        }

        /** A lean iterator: the window cannot change, so there is no modification count to check. */
        @Override
        public Iterator<T> iterator() {
            return new SlotIterator<>(block, offset, offset + length);
        }
    }

    /** Iterates slots {@code [next, end)} of a block, holding everything it reads in its own fields. */
    private static final class SlotIterator<T> implements Iterator<T> {
        private final Object[] block;
        private final int end;
        private int next;

        SlotIterator(Object[] block, int next, int end) {
            this.block = block;
            this.next = next;
            this.end = end;
        }

        @Override
        public boolean hasNext() {
            return next < end;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            int slot = next;
            if (slot >= end) {
                throw new NoSuchElementException("the window has no more elements");
            }
            next = slot + 1;
            return (T) block[slot];
        }
    }
}
