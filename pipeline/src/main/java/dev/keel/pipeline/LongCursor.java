package dev.keel.pipeline;

import java.util.function.LongConsumer;

/** {@link Cursor}'s protocol for {@code long} elements, without boxing. Not thread-safe. */
abstract class LongCursor implements AutoCloseable {

    /** Delivers the next element to {@code action} and returns true, or returns false at the end. */
    abstract boolean tryAdvance(LongConsumer action);

    /** Delivers every remaining element to {@code action}, in order. */
    void forEachRemaining(LongConsumer action) {
        while (tryAdvance(action)) {
            // each call delivers one element
        }
    }

    @Override
    public abstract void close();
}
