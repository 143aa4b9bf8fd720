package dev.keel.pipeline;

import java.util.function.LongBinaryOperator;
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

    /**
     * Folds every remaining element into {@code initial} with {@code operator}, left to right, and returns the result:
     * the bulk path of the reducing terminal operations (sum, count, reduce). A source overrides it with a loop that
     * keeps the accumulator in a local variable, and a stateless stage composes its function into the operator and
     * passes the fold on, so the whole chain becomes one loop over one composed function with no per-element store.
     */
    long fold(long initial, LongBinaryOperator operator) {
        long[] accumulator = {initial};
        forEachRemaining(value -> accumulator[0] = operator.applyAsLong(accumulator[0], value));
        return accumulator[0];
    }

    @Override
    public abstract void close();
}
