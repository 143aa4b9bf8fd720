package dev.keel.pipeline;

import java.util.function.Consumer;

/**
 * An operation between an upstream cursor and its consumer: it receives upstream elements through
 * {@link #accept} and passes what it makes of them to {@link #downstream}, which the pull methods set before pulling.
 * Subclasses count the elements they receive in {@link #index} for error messages.
 */
abstract class Stage<I, O> extends Cursor<O> implements Consumer<I> {

    final Cursor<I> upstream;
    Consumer<? super O> downstream = Stage::notPulling;
    long index;

    Stage(Cursor<I> upstream) {
        this.upstream = upstream;
    }

    private static void notPulling(Object element) {
        throw new IllegalStateException("a stage received an element outside a pull: " + element);
    }

    @Override
    boolean tryAdvance(Consumer<? super O> action) {
        downstream = action;
        return upstream.tryAdvance(this);
    }

    @Override
    void forEachRemaining(Consumer<? super O> action) {
        downstream = action;
        upstream.forEachRemaining(this);
    }

    @Override
    public void close() {
        upstream.close();
    }
}
