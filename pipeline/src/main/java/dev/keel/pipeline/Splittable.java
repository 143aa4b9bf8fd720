package dev.keel.pipeline;

import java.util.function.Function;

/**
 * A source that can be cut into independent index ranges, each opened as its own run: what {@link ParallelPipeline}
 * needs. A range, an array and a random-access list are splittable; stateless operations (map, filter, flatMap,
 * mapMulti, peek) keep a pipeline splittable by applying themselves to each part; every other operation needs to see
 * the elements in order and ends splittability.
 */
interface Splittable<T> {

    /** The number of source elements, read when a run starts. */
    long size();

    /** A run over the source elements at {@code from} (inclusive) to {@code to} (exclusive). */
    Cursor<T> open(long from, long to);

    /** This source with {@code stage} applied to each part. */
    default <R> Splittable<R> then(Function<Cursor<T>, Cursor<R>> stage) {
        Splittable<T> base = this;
        return new Splittable<>() {
            @Override
            public long size() {
                return base.size();
            }

            @Override
            public Cursor<R> open(long from, long to) {
                Cursor<T> part = base.open(from, to);
                try {
                    return stage.apply(part);
                } catch (RuntimeException | Error e) {
                    part.close();
                    throw e;
                }
            }
        };
    }
}
