package dev.keel.pipeline;

import java.util.function.Consumer;

/**
 * One run of a pipeline stage: the pull protocol every operation implements.
 *
 * <p>How the pull loop is designed, and why: a terminal operation asks the last stage for elements, and each stage
 * asks the one before it, so nothing is computed before it is needed. {@link #tryAdvance} delivers exactly one element
 * (or reports the end), which makes short-circuiting exact: a {@code take(5)} after a {@code filter} pulls from the
 * source only until the fifth match. {@link #forEachRemaining} is the bulk path that terminal operations use when they
 * will consume everything: a stage overrides it to push its whole input through its function in one loop, with no
 * per-element virtual hand-off (the fusion of {@code java.util.Spliterator}). A stage is its own upstream consumer,
 * so neither path allocates per element.
 *
 * <p>A stage that needs a bounded amount of lookahead (windowed, gather, flatMap) buffers only what one output
 * element needs. {@link #close} releases the source's resources; every stage forwards it upstream, every source does
 * it once.
 *
 * <p>Not thread-safe: a run is confined to the thread of its terminal operation (concurrent operations hand work to
 * their own threads and bring results back).
 */
abstract class Cursor<T> implements AutoCloseable {

    /** Delivers the next element to {@code action} and returns true, or returns false at the end. */
    abstract boolean tryAdvance(Consumer<? super T> action);

    /** Delivers every remaining element to {@code action}, in order. */
    void forEachRemaining(Consumer<? super T> action) {
        while (tryAdvance(action)) {
            // each call delivers one element
        }
    }

    /** Releases what this run holds; idempotent. */
    @Override
    public abstract void close();
}
