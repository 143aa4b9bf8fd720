package dev.keel.pipeline;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Gatherer;
import org.jspecify.annotations.Nullable;

/** The operations that make several outputs per input: flatMap, mapMulti and gather (any JDK {@link Gatherer}). */
final class Expanding {

    private Expanding() {}

    /**
     * Each element's inner pipeline, run lazily: one inner run is open at a time, pulled one element at a time, and
     * closed as soon as it ends or the outer run closes (an infinite inner pipeline is fine under a {@code take}).
     */
    static <T, R> Function<Cursor<T>, Cursor<R>> flatMap(
            Function<? super T, ? extends LazyPipeline<? extends R>> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return upstream -> new FlatMapStage<>(upstream, mapper);
    }

    static <T, R> Function<Cursor<T>, Cursor<R>> mapMulti(BiConsumer<? super T, ? super Consumer<R>> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return upstream -> new MapMultiStage<>(upstream, mapper);
    }

    static <T, A, R> Function<Cursor<T>, Cursor<R>> gather(Gatherer<? super T, A, R> gatherer) {
        Objects.requireNonNull(gatherer, "gatherer");
        return upstream -> new GatherStage<>(upstream, gatherer);
    }

    static final class FlatMapStage<T, R> extends Stage<T, R> {
        private final Function<? super T, ? extends LazyPipeline<? extends R>> mapper;
        private @Nullable Cursor<? extends R> inner;

        FlatMapStage(Cursor<T> upstream, Function<? super T, ? extends LazyPipeline<? extends R>> mapper) {
            super(upstream);
            this.mapper = mapper;
        }

        @Override
        boolean tryAdvance(Consumer<? super R> action) {
            while (true) {
                Cursor<? extends R> current = inner;
                if (current != null) {
                    if (current.tryAdvance(action)) {
                        return true;
                    }
                    closeInner();
                }
                if (!upstream.tryAdvance(this)) {
                    return false;
                }
            }
        }

        @Override
        void forEachRemaining(Consumer<? super R> action) {
            Cursor<? extends R> current = inner;
            if (current != null) {
                current.forEachRemaining(action);
                closeInner();
            }
            upstream.forEachRemaining(element -> {
                accept(element);
                Cursor<? extends R> opened = Objects.requireNonNull(inner);
                opened.forEachRemaining(action);
                closeInner();
            });
        }

        @Override
        public void accept(T element) {
            LazyPipeline<? extends R> pipeline;
            try {
                pipeline = Objects.requireNonNull(mapper.apply(element), "flatMap's function returned null");
            } catch (RuntimeException e) {
                throw PipelineException.at("flatMap", index, e);
            }
            index++;
            inner = pipeline.open();
        }

        private void closeInner() {
            Cursor<? extends R> current = inner;
            inner = null;
            if (current != null) {
                current.close();
            }
        }

        @Override
        public void close() {
            try {
                closeInner();
            } finally {
                upstream.close();
            }
        }
    }

    static final class MapMultiStage<T, R> extends BufferedStage<T, R> {
        private final BiConsumer<? super T, ? super Consumer<R>> mapper;
        private final Consumer<R> sink = this::emit;

        MapMultiStage(Cursor<T> upstream, BiConsumer<? super T, ? super Consumer<R>> mapper) {
            super(upstream);
            this.mapper = mapper;
        }

        @Override
        public void accept(T element) {
            try {
                mapper.accept(element, sink);
            } catch (RuntimeException e) {
                throw PipelineException.at("mapMulti", index, e);
            }
            index++;
        }
    }

    /** A JDK gatherer driven by pulls: its downstream is this stage's output, and it never rejects. */
    static final class GatherStage<T, A, R> extends BufferedStage<T, R> implements Gatherer.Downstream<R> {
        private final Gatherer.Integrator<A, ? super T, R> integrator;
        private final BiConsumer<A, Gatherer.Downstream<? super R>> finisher;
        private final A state;

        GatherStage(Cursor<T> upstream, Gatherer<? super T, A, R> gatherer) {
            super(upstream);
            this.integrator = gatherer.integrator();
            this.finisher = gatherer.finisher();
            this.state = gatherer.initializer().get();
        }

        @Override
        public void accept(T element) {
            boolean more;
            try {
                more = integrator.integrate(state, element, this);
            } catch (RuntimeException e) {
                throw PipelineException.at("gather", index, e);
            }
            index++;
            if (!more) {
                stopUpstream();
            }
        }

        @Override
        boolean mayStopUpstream() {
            return true;
        }

        @Override
        void onEnd() {
            try {
                finisher.accept(state, this);
            } catch (RuntimeException e) {
                throw PipelineException.at("gather", index, e);
            }
        }

        @Override
        public boolean push(R element) {
            emit(element);
            return true;
        }

        @Override
        public boolean isRejecting() {
            return false;
        }
    }
}
