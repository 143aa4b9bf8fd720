package dev.keel.pipeline;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/** The one-in, at-most-one-out operations: map, filter, peek and zipWithIndex. */
final class ElementStages {

    private ElementStages() {}

    static <T, R> Function<Cursor<T>, Cursor<R>> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return upstream -> new MapStage<>(upstream, mapper);
    }

    static <T> Function<Cursor<T>, Cursor<T>> filter(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return upstream -> new FilterStage<>(upstream, predicate, "filter");
    }

    static <T> Function<Cursor<T>, Cursor<T>> peek(Consumer<? super T> observer) {
        Objects.requireNonNull(observer, "observer");
        return upstream -> new PeekStage<>(upstream, observer);
    }

    static final class MapStage<T, R> extends Stage<T, R> {
        private final Function<? super T, ? extends R> mapper;

        MapStage(Cursor<T> upstream, Function<? super T, ? extends R> mapper) {
            super(upstream);
            this.mapper = mapper;
        }

        @Override
        public void accept(T element) {
            R result;
            try {
                result = mapper.apply(element);
            } catch (RuntimeException e) {
                throw PipelineException.at("map", index, e);
            }
            index++;
            downstream.accept(result);
        }
    }

    static final class FilterStage<T> extends Stage<T, T> {
        private final Predicate<? super T> predicate;
        private final String operation;
        private boolean matched;

        FilterStage(Cursor<T> upstream, Predicate<? super T> predicate, String operation) {
            super(upstream);
            this.predicate = predicate;
            this.operation = operation;
        }

        @Override
        boolean tryAdvance(Consumer<? super T> action) {
            downstream = action;
            matched = false;
            while (!matched && upstream.tryAdvance(this)) {
                // pull until one element passes
            }
            return matched;
        }

        @Override
        public void accept(T element) {
            boolean passes;
            try {
                passes = predicate.test(element);
            } catch (RuntimeException e) {
                throw PipelineException.at(operation, index, e);
            }
            index++;
            if (passes) {
                matched = true;
                downstream.accept(element);
            }
        }
    }

    static final class PeekStage<T> extends Stage<T, T> {
        private final Consumer<? super T> observer;

        PeekStage(Cursor<T> upstream, Consumer<? super T> observer) {
            super(upstream);
            this.observer = observer;
        }

        @Override
        public void accept(T element) {
            try {
                observer.accept(element);
            } catch (RuntimeException e) {
                throw PipelineException.at("peek", index, e);
            }
            index++;
            downstream.accept(element);
        }
    }

    static final class IndexStage<T> extends Stage<T, Indexed<T>> {
        IndexStage(Cursor<T> upstream) {
            super(upstream);
        }

        @Override
        public void accept(T element) {
            downstream.accept(new Indexed<>(index++, element));
        }
    }
}
