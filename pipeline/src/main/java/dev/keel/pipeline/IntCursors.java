package dev.keel.pipeline;

import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.function.ToIntFunction;

/** The {@code int} cursors: the range source, map, filter, peek, take, skip, and the bridges to and from objects. */
final class IntCursors {

    private IntCursors() {}

    /** The integers from {@code from} (inclusive) to {@code to} (exclusive). */
    static final class Range extends IntCursor {
        private final int from;
        private final int to;
        private int next;

        Range(int from, int to) {
            this.from = from;
            this.next = from;
            this.to = to;
        }

        @Override
        boolean tryAdvance(IntConsumer action) {
            if (next >= to) {
                return false;
            }
            int value = next++;
            try {
                action.accept(value);
            } catch (PipelineException e) {
                throw e.atSourcePosition((long) value - from);
            }
            return true;
        }

        @Override
        void forEachRemaining(IntConsumer action) {
            int end = to;
            int i = next;
            next = end;
            try {
                for (; i < end; i++) {
                    action.accept(i);
                }
            } catch (PipelineException e) {
                throw e.atSourcePosition((long) i - from);
            }
        }

        @Override
        public void close() {
            next = to;
        }
    }

    static final class Array extends IntCursor {
        private final int[] elements;
        private int next;

        Array(int[] elements) {
            this.elements = elements;
        }

        @Override
        boolean tryAdvance(IntConsumer action) {
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

    /** A stage between an {@code int} upstream and an {@code int} consumer, counting its inputs for errors. */
    abstract static class Stage extends IntCursor implements IntConsumer {
        final IntCursor upstream;
        IntConsumer downstream = element -> {
            throw new IllegalStateException("a stage received an element outside a pull: " + element);
        };
        long index;

        Stage(IntCursor upstream) {
            this.upstream = upstream;
        }

        @Override
        boolean tryAdvance(IntConsumer action) {
            downstream = action;
            return upstream.tryAdvance(this);
        }

        @Override
        void forEachRemaining(IntConsumer action) {
            downstream = action;
            upstream.forEachRemaining(this);
        }

        @Override
        public void close() {
            upstream.close();
        }
    }

    static final class Map extends Stage {
        private final IntUnaryOperator mapper;

        Map(IntCursor upstream, IntUnaryOperator mapper) {
            super(upstream);
            this.mapper = mapper;
        }

        @Override
        public void accept(int element) {
            int result;
            try {
                result = mapper.applyAsInt(element);
            } catch (RuntimeException e) {
                throw PipelineException.inPrimitive("map", e);
            }
            downstream.accept(result);
        }
    }

    static final class Filter extends Stage {
        private final IntPredicate predicate;
        private boolean matched;

        Filter(IntCursor upstream, IntPredicate predicate) {
            super(upstream);
            this.predicate = predicate;
        }

        @Override
        boolean tryAdvance(IntConsumer action) {
            downstream = action;
            matched = false;
            while (!matched && upstream.tryAdvance(this)) {
                // pull until one element passes
            }
            return matched;
        }

        @Override
        public void accept(int element) {
            boolean passes;
            try {
                passes = predicate.test(element);
            } catch (RuntimeException e) {
                throw PipelineException.inPrimitive("filter", e);
            }
            if (passes) {
                matched = true;
                downstream.accept(element);
            }
        }
    }

    static final class Peek extends Stage {
        private final IntConsumer observer;

        Peek(IntCursor upstream, IntConsumer observer) {
            super(upstream);
            this.observer = observer;
        }

        @Override
        public void accept(int element) {
            try {
                observer.accept(element);
            } catch (RuntimeException e) {
                throw PipelineException.inPrimitive("peek", e);
            }
            downstream.accept(element);
        }
    }

    static final class Take extends IntCursor {
        private final IntCursor upstream;
        private final long limit;
        private long taken;

        Take(IntCursor upstream, long limit) {
            this.upstream = upstream;
            this.limit = limit;
        }

        @Override
        boolean tryAdvance(IntConsumer action) {
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

        Skip(IntCursor upstream, long count) {
            super(upstream);
            this.count = count;
        }

        @Override
        boolean tryAdvance(IntConsumer action) {
            skip();
            return upstream.tryAdvance(action);
        }

        @Override
        void forEachRemaining(IntConsumer action) {
            skip();
            upstream.forEachRemaining(action);
        }

        private void skip() {
            while (index < count && upstream.tryAdvance(this)) {
                // accept counts the skipped elements
            }
        }

        @Override
        public void accept(int element) {
            index++;
        }
    }

    /** Objects turned into {@code int}s by a function. */
    static <T> IntCursor fromObjects(Cursor<T> upstream, ToIntFunction<? super T> mapper) {
        return new IntCursor() {
            private long index;

            private Consumer<T> bridge(IntConsumer action) {
                return element -> {
                    int value;
                    try {
                        value = mapper.applyAsInt(element);
                    } catch (RuntimeException e) {
                        throw PipelineException.at("mapToInt", index, e);
                    }
                    index++;
                    action.accept(value);
                };
            }

            @Override
            boolean tryAdvance(IntConsumer action) {
                return upstream.tryAdvance(bridge(action));
            }

            @Override
            void forEachRemaining(IntConsumer action) {
                upstream.forEachRemaining(bridge(action));
            }

            @Override
            public void close() {
                upstream.close();
            }
        };
    }

    /** {@code int}s turned into objects by a function. */
    static <R> Cursor<R> toObjects(IntCursor upstream, IntFunction<? extends R> mapper) {
        return new Cursor<>() {
            private long index;

            private IntConsumer bridge(Consumer<? super R> action) {
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
