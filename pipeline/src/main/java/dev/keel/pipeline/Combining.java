package dev.keel.pipeline;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The operations over two pipelines: concat (the second opened only when the first ends), zip (pairs until either
 * ends) and interleave (alternating, then the rest of the longer one). Closing closes both runs.
 */
final class Combining {

    private Combining() {}

    static <T> Function<Cursor<T>, Cursor<T>> concat(LazyPipeline<? extends T> other) {
        Objects.requireNonNull(other, "other");
        return upstream -> new ConcatCursor<>(upstream, other);
    }

    /** Opens {@code other} with each run of the first pipeline, closing the first if that fails. */
    static <A, B, R> Function<Cursor<A>, Cursor<R>> zip(
            LazyPipeline<? extends B> other, BiFunction<? super A, ? super B, ? extends R> combiner) {
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(combiner, "combiner");
        return upstream -> new ZipCursor<A, B, R>(upstream, other.open(), combiner);
    }

    static <T> Function<Cursor<T>, Cursor<T>> interleave(LazyPipeline<? extends T> other) {
        Objects.requireNonNull(other, "other");
        return upstream -> new InterleaveCursor<>(upstream, other.open());
    }

    static final class ConcatCursor<T> extends Cursor<T> {
        private final Cursor<? extends T> first;
        private final LazyPipeline<? extends T> secondPipeline;
        private @Nullable Cursor<? extends T> second;
        private boolean firstDone;

        ConcatCursor(Cursor<? extends T> first, LazyPipeline<? extends T> second) {
            this.first = first;
            this.secondPipeline = second;
        }

        @Override
        boolean tryAdvance(Consumer<? super T> action) {
            if (!firstDone) {
                if (first.tryAdvance(action)) {
                    return true;
                }
                firstDone = true;
            }
            return secondRun().tryAdvance(action);
        }

        @Override
        void forEachRemaining(Consumer<? super T> action) {
            if (!firstDone) {
                first.forEachRemaining(action);
                firstDone = true;
            }
            secondRun().forEachRemaining(action);
        }

        private Cursor<? extends T> secondRun() {
            Cursor<? extends T> run = second;
            if (run == null) {
                run = secondPipeline.open();
                second = run;
            }
            return run;
        }

        @Override
        public void close() {
            try {
                first.close();
            } finally {
                Cursor<? extends T> run = second;
                if (run != null) {
                    run.close();
                }
            }
        }
    }

    /** Pulls the first, then the second: when the second has ended, one element of the first was pulled in vain. */
    static final class ZipCursor<A, B, R> extends Cursor<R> {
        private final Cursor<A> first;
        private final Cursor<? extends B> second;
        private final BiFunction<? super A, ? super B, ? extends R> combiner;
        private final Holder<A> a = new Holder<>();
        private final Holder<B> b = new Holder<>();
        private long index;

        ZipCursor(Cursor<A> first, Cursor<? extends B> second, BiFunction<? super A, ? super B, ? extends R> combiner) {
            this.first = first;
            this.second = second;
            this.combiner = combiner;
        }

        @Override
        boolean tryAdvance(Consumer<? super R> action) {
            if (!first.tryAdvance(a) || !second.tryAdvance(b)) {
                return false;
            }
            R combined;
            try {
                combined = combiner.apply(a.take(), b.take());
            } catch (RuntimeException e) {
                throw PipelineException.at("zip", index, e);
            }
            index++;
            action.accept(combined);
            return true;
        }

        @Override
        public void close() {
            try {
                first.close();
            } finally {
                second.close();
            }
        }
    }

    static final class InterleaveCursor<T> extends Cursor<T> {
        private final Cursor<? extends T> first;
        private final Cursor<? extends T> second;
        private boolean firstsTurn = true;
        private boolean firstDone;
        private boolean secondDone;

        InterleaveCursor(Cursor<? extends T> first, Cursor<? extends T> second) {
            this.first = first;
            this.second = second;
        }

        @Override
        boolean tryAdvance(Consumer<? super T> action) {
            for (int attempt = 0; attempt < 2; attempt++) {
                boolean useFirst = firstsTurn ? !firstDone : secondDone;
                firstsTurn = !firstsTurn;
                if (useFirst && !firstDone) {
                    if (first.tryAdvance(action)) {
                        return true;
                    }
                    firstDone = true;
                } else if (!useFirst && !secondDone) {
                    if (second.tryAdvance(action)) {
                        return true;
                    }
                    secondDone = true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            try {
                first.close();
            } finally {
                second.close();
            }
        }
    }

    /** One element handed over by a pull. */
    static final class Holder<T> implements Consumer<T> {
        private @Nullable T value;

        @Override
        public void accept(T element) {
            value = element;
        }

        T take() {
            T taken = value;
            value = null;
            return taken;
        }
    }
}
