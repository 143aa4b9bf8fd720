package dev.keel.pipeline;

import java.util.function.Consumer;
import java.util.function.LongBinaryOperator;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * The primitive core of {@link IntPipeline} and {@link LongPipeline}: the range and array sources, map, filter, peek,
 * take, skip, and the bridges to and from objects, all over {@code long}s.
 *
 * <p>How it is designed, and why: one core for both widths instead of an {@code int} copy of every cursor. An
 * {@code IntPipeline}'s values travel as {@code long}s that always hold an {@code int}: its functions are adapted at
 * the edge ({@code v -> f.applyAsInt((int) v)}), where the JIT folds the widening and narrowing into the loop, and its
 * ranges run with an {@code int} loop counter. The alternative, a generated or hand-kept {@code int} twin of each class,
 * doubled the code that must stay identical (it had: the two files differed only in types) for no measured gain.
 */
final class LongCursors {

    private LongCursors() {}

    /** The first {@code n} values; checked when the pipeline is built. */
    static UnaryOperator<LongCursor> take(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("take: n (" + n + ") must not be negative");
        }
        return upstream -> new Take(upstream, n);
    }

    /** All but the first {@code n} values; checked when the pipeline is built. */
    static UnaryOperator<LongCursor> skip(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("skip: n (" + n + ") must not be negative");
        }
        return upstream -> new Skip(upstream, n);
    }

    /** The integers from {@code from} (inclusive) to {@code to} (exclusive). */
    static final class Range extends LongCursor {
        private final long from;
        private final long to;
        private long next;

        Range(long from, long to) {
            this.from = from;
            this.next = from;
            this.to = to;
        }

        @Override
        boolean tryAdvance(LongConsumer action) {
            if (next >= to) {
                return false;
            }
            long value = next++;
            try {
                action.accept(value);
            } catch (PipelineException e) {
                throw e.atSourcePosition(value - from);
            }
            return true;
        }

        @Override
        void forEachRemaining(LongConsumer action) {
            long end = to;
            long start = next;
            next = end;
            if (start >= Integer.MIN_VALUE && end <= Integer.MAX_VALUE) {
                forEachInt((int) start, (int) end, action);
                return;
            }
            long i = start;
            try {
                for (; i < end; i++) {
                    action.accept(i);
                }
            } catch (PipelineException e) {
                throw e.atSourcePosition(i - from);
            }
        }

        /**
         * The same loop with an {@code int} counter, for every {@code IntPipeline} range and small long ones: C2
         * unrolls and strip-mines an int-counted loop as it does {@code IntStream.range}'s, which a long counter would
         * not get as fully.
         */
        private void forEachInt(int start, int end, LongConsumer action) {
            int i = start;
            try {
                for (; i < end; i++) {
                    action.accept(i);
                }
            } catch (PipelineException e) {
                throw e.atSourcePosition(i - from);
            }
        }

        /**
         * Ranges that fit the {@code int} counter fold with the accumulator in a local; a range beyond it pushes, as
         * {@link #forEachRemaining} does (correct, one store per element more).
         */
        @Override
        long fold(long initial, LongBinaryOperator operator) {
            long start = next;
            long end = to;
            if (start >= Integer.MIN_VALUE && end <= Integer.MAX_VALUE) {
                next = end;
                return foldInt((int) start, (int) end, initial, operator);
            }
            return super.fold(initial, operator);
        }

        /** {@link #fold} with an {@code int} loop counter, as {@link #forEachInt}. */
        private long foldInt(int start, int end, long initial, LongBinaryOperator operator) {
            long accumulator = initial;
            int i = start;
            try {
                for (; i < end; i++) {
                    accumulator = operator.applyAsLong(accumulator, i);
                }
            } catch (PipelineException e) {
                throw e.atSourcePosition(i - from);
            }
            return accumulator;
        }

        @Override
        public void close() {
            next = to;
        }
    }

    static final class Array extends LongCursor {
        private final long[] elements;
        private int next;

        Array(long[] elements) {
            this.elements = elements;
        }

        @Override
        boolean tryAdvance(LongConsumer action) {
            if (next >= elements.length) {
                return false;
            }
            int position = next++;
            try {
                action.accept(elements[position]);
            } catch (PipelineException e) {
                throw e.atSourcePosition(position);
            }
            return true;
        }

        @Override
        public void close() {
            next = elements.length;
        }
    }

    /** A stage between an {@code long} upstream and an {@code long} consumer, counting its inputs for errors. */
    abstract static class Stage extends LongCursor implements LongConsumer {
        final LongCursor upstream;
        LongConsumer downstream = element -> {
            throw new IllegalStateException("a stage received an element outside a pull: " + element);
        };
        long index;

        Stage(LongCursor upstream) {
            this.upstream = upstream;
        }

        @Override
        boolean tryAdvance(LongConsumer action) {
            downstream = action;
            return upstream.tryAdvance(this);
        }

        @Override
        void forEachRemaining(LongConsumer action) {
            downstream = action;
            upstream.forEachRemaining(this);
        }

        @Override
        public void close() {
            upstream.close();
        }
    }

    static final class Map extends Stage {
        private final LongUnaryOperator mapper;

        Map(LongCursor upstream, LongUnaryOperator mapper) {
            super(upstream);
            this.mapper = mapper;
        }

        @Override
        public void accept(long element) {
            downstream.accept(apply(element));
        }

        @Override
        long fold(long initial, LongBinaryOperator operator) {
            return upstream.fold(initial, (accumulator, element) -> operator.applyAsLong(accumulator, apply(element)));
        }

        private long apply(long element) {
            try {
                return mapper.applyAsLong(element);
            } catch (RuntimeException e) {
                throw PipelineException.inPrimitive("map", e);
            }
        }
    }

    static final class Filter extends Stage {
        private final LongPredicate predicate;
        private boolean matched;

        Filter(LongCursor upstream, LongPredicate predicate) {
            super(upstream);
            this.predicate = predicate;
        }

        @Override
        boolean tryAdvance(LongConsumer action) {
            downstream = action;
            matched = false;
            while (!matched && upstream.tryAdvance(this)) {
                // pull until one element passes
            }
            return matched;
        }

        @Override
        public void accept(long element) {
            if (passes(element)) {
                matched = true;
                downstream.accept(element);
            }
        }

        @Override
        long fold(long initial, LongBinaryOperator operator) {
            return upstream.fold(
                    initial,
                    (accumulator, element) ->
                            passes(element) ? operator.applyAsLong(accumulator, element) : accumulator);
        }

        private boolean passes(long element) {
            try {
                return predicate.test(element);
            } catch (RuntimeException e) {
                throw PipelineException.inPrimitive("filter", e);
            }
        }
    }

    static final class Peek extends Stage {
        private final LongConsumer observer;

        Peek(LongCursor upstream, LongConsumer observer) {
            super(upstream);
            this.observer = observer;
        }

        @Override
        public void accept(long element) {
            observe(element);
            downstream.accept(element);
        }

        @Override
        long fold(long initial, LongBinaryOperator operator) {
            return upstream.fold(initial, (accumulator, element) -> {
                observe(element);
                return operator.applyAsLong(accumulator, element);
            });
        }

        private void observe(long element) {
            try {
                observer.accept(element);
            } catch (RuntimeException e) {
                throw PipelineException.inPrimitive("peek", e);
            }
        }
    }

    static final class Take extends LongCursor {
        private final LongCursor upstream;
        private final long limit;
        private long taken;

        Take(LongCursor upstream, long limit) {
            this.upstream = upstream;
            this.limit = limit;
        }

        @Override
        boolean tryAdvance(LongConsumer action) {
            if (taken >= limit || !upstream.tryAdvance(action)) {
                return false;
            }
            taken++;
            return true;
        }

        @Override
        public void close() {
            upstream.close();
        }
    }

    static final class Skip extends Stage {
        private final long count;

        Skip(LongCursor upstream, long count) {
            super(upstream);
            this.count = count;
        }

        @Override
        boolean tryAdvance(LongConsumer action) {
            skip();
            return upstream.tryAdvance(action);
        }

        @Override
        void forEachRemaining(LongConsumer action) {
            skip();
            upstream.forEachRemaining(action);
        }

        private void skip() {
            while (index < count && upstream.tryAdvance(this)) {
                // accept counts the skipped elements
            }
        }

        @Override
        public void accept(long element) {
            index++;
        }
    }

    /** Objects turned into {@code long}s by a function ({@code mapToLong}, or {@code mapToInt} widened). */
    static <T> LongCursor fromObjects(Cursor<T> upstream, ToLongFunction<? super T> mapper, String operation) {
        return new LongCursor() {
            private long index;

            private Consumer<T> bridge(LongConsumer action) {
                return element -> {
                    long value;
                    try {
                        value = mapper.applyAsLong(element);
                    } catch (RuntimeException e) {
                        throw PipelineException.at(operation, index, e);
                    }
                    index++;
                    action.accept(value);
                };
            }

            @Override
            boolean tryAdvance(LongConsumer action) {
                return upstream.tryAdvance(bridge(action));
            }

            @Override
            void forEachRemaining(LongConsumer action) {
                upstream.forEachRemaining(bridge(action));
            }

            @Override
            public void close() {
                upstream.close();
            }
        };
    }

    /** {@code long}s turned into objects by a function. */
    static <R> Cursor<R> toObjects(LongCursor upstream, LongFunction<? extends R> mapper) {
        return new Cursor<>() {
            private long index;

            private LongConsumer bridge(Consumer<? super R> action) {
                return element -> {
                    R value;
                    try {
                        value = mapper.apply(element);
                    } catch (RuntimeException e) {
                        throw PipelineException.at("mapToObj", index, e);
                    }
                    index++;
                    action.accept(value);
                };
            }

            @Override
            boolean tryAdvance(Consumer<? super R> action) {
                return upstream.tryAdvance(bridge(action));
            }

            @Override
            void forEachRemaining(Consumer<? super R> action) {
                upstream.forEachRemaining(bridge(action));
            }

            @Override
            public void close() {
                upstream.close();
            }
        };
    }
}
