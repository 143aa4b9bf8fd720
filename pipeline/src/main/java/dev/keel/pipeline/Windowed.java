package dev.keel.pipeline;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Sliding and tumbling windows: {@code windowed(size, step, partial)}, and {@code chunked(n)} as
 * {@code windowed(n, n, true)}.
 *
 * <p>How it is designed, and why: the last {@code size} elements live in a ring that is written twice, at
 * {@code i % size} and {@code i % size + size}, so that every window is one contiguous run of the array and is copied
 * out with a single {@code System.arraycopy} into a read-only list that does no further copying. The alternative, a
 * deque copied element by element into a fresh list per window (as {@code Gatherers.windowSliding} does), touches
 * every element again. Windows start at 0, step, 2 step, ...; a window is emitted when its last element arrives, and
 * with {@code partial} the shorter windows still open at the end are emitted too (Kotlin's {@code windowed}).
 * Memory: {@code 2 * size} references, whatever the input length.
 */
final class Windowed<T> extends BufferedStage<T, List<T>> {

    private final int size;
    private final int step;
    private final boolean partial;
    private final Object[] ring;
    private long seen;
    private long nextStart;

    Windowed(Cursor<T> upstream, int size, int step, boolean partial) {
        super(upstream);
        this.size = size;
        this.step = step;
        this.partial = partial;
        this.ring = new Object[2 * size];
    }

    @Override
    public void accept(T element) {
        int slot = (int) (seen % size);
        ring[slot] = element;
        ring[slot + size] = element;
        seen++;
        if (seen - nextStart == size) {
            emit(window(nextStart, size));
            nextStart += step;
        }
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
        int from = (int) (start % size);
        return new ReadOnlyWindow<>(Arrays.copyOfRange(ring, from, from + length));
    }

    /** An unmodifiable list over an array nobody else holds. */
    private static final class ReadOnlyWindow<T> extends AbstractList<T> implements RandomAccess {
        private final Object[] elements;

        ReadOnlyWindow(Object[] elements) {
            this.elements = elements;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            Objects.checkIndex(index, elements.length);
            return (T) elements[index];
        }

        @Override
        public int size() {
            return elements.length;
        }
    }
}
