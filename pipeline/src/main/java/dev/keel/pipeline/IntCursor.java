package dev.keel.pipeline;

import java.util.function.IntConsumer;

/** {@link Cursor}'s protocol for {@code int} elements, without boxing. Not thread-safe. */
abstract class IntCursor implements AutoCloseable {

    /** Delivers the next element to {@code action} and returns true, or returns false at the end. */
    abstract boolean tryAdvance(IntConsumer action);

    /** Delivers every remaining element to {@code action}, in order. */
    void forEachRemaining(IntConsumer action) {
        while (tryAdvance(action)) {
            // each call delivers one element
        }
    }

    @Override
    public abstract void close();
}
