package dev.keel.pipeline;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code windowed(size, step, partial)} and {@code chunked(n)} of {@link IntPipeline} and {@link LongPipeline}: windows
 * of boxed values over unboxed storage.
 *
 * <p>How it is designed, and why: {@link Windowed}'s scheme (write-once blocks, a window is a read-only view of
 * {@code size} consecutive slots, a full block starts the next carrying the last {@code size - 1} values), with the
 * blocks {@code long[]}s that hold the values themselves, not references to boxes. A value is boxed only when the
 * consumer reads it, and a box that the consumer unboxes at once ({@code for (int v : window)}) is one the JIT removes
 * when the reading loop is inlined into the pipeline's loop: neither the source nor the window allocates per value.
 * The alternative, boxing at the source and windowing the boxes ({@code IntPipeline.boxed().windowed(n)}), allocates
 * one {@code Integer} per value and makes every read follow a reference. The price: a value read twice is boxed twice
 * (two equal, not necessarily identical, {@code Integer}s; value-based classes promise no identity), and a window kept
 * by the caller holds its block as in {@link Windowed}.
 *
 * <p>Pulling one window pulls upstream only until that window's last value arrives, and each value completes at most
 * one window, so the pull path holds at most one window; the bulk path hands each window on as it completes.
 * Not thread-safe: one run, one thread.
 */
final class PrimitiveWindows<R> extends Cursor<List<R>> implements LongConsumer {

    private static final int MIN_BLOCK = 1_024;

    private final LongCursor upstream;
    private final boolean ints;
    private final int size;
    private final int step;
    private final boolean partial;
    private final int blockLength;
    private long[] block;
    private int filled;
    /** The input position of {@code block[0]}. */
    private long blockStart;

    private long seen;
    private long nextStart;
    private boolean upstreamEnded;
    /** Where a completed window goes: the consumer in the bulk path, {@link #ready} in the pull path. */
    private @Nullable Consumer<? super List<R>> bulkConsumer;

    private @Nullable List<R> ready;

    private PrimitiveWindows(LongCursor upstream, boolean ints, int size, int step, boolean partial) {
        this.upstream = upstream;
        this.ints = ints;
        this.size = size;
        this.step = step;
        this.partial = partial;
        this.blockLength = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(MIN_BLOCK, 8L * size));
        this.block = new long[Math.min(blockLength, 64)];
    }

    /** Windows of {@code Integer}s over an {@link IntPipeline}'s values; the arguments checked by the caller. */
    static Cursor<List<Integer>> ofInts(LongCursor upstream, int size, int step, boolean partial) {
        return new PrimitiveWindows<>(upstream, true, size, step, partial);
    }

    /** Windows of {@code Long}s over a {@link LongPipeline}'s values; the arguments checked by the caller. */
    static Cursor<List<Long>> ofLongs(LongCursor upstream, int size, int step, boolean partial) {
        return new PrimitiveWindows<>(upstream, false, size, step, partial);
    }

    @Override
    public void accept(long value) {
        if (filled == block.length) {
            grow();
        }
        block[filled++] = value;
        seen++;
        if (seen - nextStart == size) {
            List<R> window = window(nextStart, size);
            nextStart += step;
            Consumer<? super List<R>> consumer = bulkConsumer;
            if (consumer != null) {
                consumer.accept(window);
            } else {
                ready = window;
            }
        }
    }

    /** Doubles a young block, or starts a new full-length one carrying the last {@code size - 1} values. */
    private void grow() {
        if (block.length < blockLength) {
            block = Arrays.copyOf(block, (int) Math.min(blockLength, 2L * block.length));
            return;
        }
        int keep = Math.min(size - 1, filled);
        long[] next = new long[blockLength];
        System.arraycopy(block, filled - keep, next, 0, keep);
        blockStart += filled - keep;
        block = next;
        filled = keep;
    }

    @Override
    boolean tryAdvance(Consumer<? super List<R>> action) {
        while (ready == null) {
            if (upstreamEnded) {
                if (!partial || nextStart >= seen) {
                    return false;
                }
                ready = window(nextStart, (int) (seen - nextStart));
                nextStart += step;
            } else if (!upstream.tryAdvance(this)) {
                upstreamEnded = true;
            }
        }
        List<R> window = ready;
        ready = null;
        action.accept(window);
        return true;
    }

    @Override
    void forEachRemaining(Consumer<? super List<R>> action) {
        if (ready != null) {
            List<R> window = ready;
            ready = null;
            action.accept(window);
        }
        if (!upstreamEnded) {
            bulkConsumer = action;
            upstream.forEachRemaining(this);
            bulkConsumer = null;
            upstreamEnded = true;
        }
        while (partial && nextStart < seen) {
            List<R> window = window(nextStart, (int) (seen - nextStart));
            nextStart += step;
            action.accept(window);
        }
    }

    @SuppressWarnings("unchecked")
    private List<R> window(long start, int length) {
        int offset = (int) (start - blockStart);
        return (List<R>) (ints ? new IntWindow(block, offset, length) : new LongWindow(block, offset, length));
    }

    @Override
    public void close() {
        upstream.close();
    }

    /** An unmodifiable view of slots of a block that are written once and never again. */
    private abstract static class SlotView<T> extends AbstractList<T> implements RandomAccess {
        final long[] block;
        final int offset;
        final int length;

        SlotView(long[] block, int offset, int length) {
            this.block = block;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public final int size() {
            return length;
        }

        final long slot(int index) {
            Objects.checkIndex(index, length);
            return block[offset + index];
        }
    }

    private static final class IntWindow extends SlotView<Integer> {
        IntWindow(long[] block, int offset, int length) {
            super(block, offset, length);
        }

        @Override
        public Integer get(int index) {
            return (int) slot(index);
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Slots<>(block, offset, offset + length) {
                @Override
                Integer box(long value) {
                    return (int) value;
                }
            };
        }
    }

    private static final class LongWindow extends SlotView<Long> {
        LongWindow(long[] block, int offset, int length) {
            super(block, offset, length);
        }

        @Override
        public Long get(int index) {
            return slot(index);
        }

        @Override
        public Iterator<Long> iterator() {
            return new Slots<>(block, offset, offset + length) {
                @Override
                Long box(long value) {
                    return value;
                }
            };
        }
    }

    /** Iterates slots {@code [next, end)} of a block, boxing each value as it is read. */
    private abstract static class Slots<T> implements Iterator<T> {
        private final long[] block;
        private final int end;
        private int next;

        Slots(long[] block, int next, int end) {
            this.block = block;
            this.next = next;
            this.end = end;
        }

        abstract T box(long value);

        @Override
        public final boolean hasNext() {
            return next < end;
        }

        @Override
        public final T next() {
            int slot = next;
            if (slot >= end) {
                throw new NoSuchElementException("the window has no more elements");
            }
            next = slot + 1;
            return box(block[slot]);
        }
    }
}
