package dev.keel.pipeline;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The operations that cut a run short or skip its start: take, skip, takeWhile, dropWhile. {@code take} never pulls
 * the element after its last one; that is what makes short-circuiting exact.
 */
final class Slicing {

    private Slicing() {}

    static <T> Function<Cursor<T>, Cursor<T>> take(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("take: n (" + n + ") must not be negative");
        }
        return upstream -> new TakeCursor<>(upstream, n);
    }

    static <T> Function<Cursor<T>, Cursor<T>> skip(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("skip: n (" + n + ") must not be negative");
        }
        return upstream -> new SkipStage<>(upstream, n);
    }

    static <T> Function<Cursor<T>, Cursor<T>> takeWhile(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return upstream -> new TakeWhileStage<>(upstream, predicate);
    }

    static <T> Function<Cursor<T>, Cursor<T>> dropWhile(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return upstream -> new DropWhileStage<>(upstream, predicate);
    }

    static final class TakeCursor<T> extends Cursor<T> {
        private final Cursor<T> upstream;
        private final long limit;
        private long taken;

        TakeCursor(Cursor<T> upstream, long limit) {
            this.upstream = upstream;
            this.limit = limit;
        }

        @Override
        boolean tryAdvance(Consumer<? super T> action) {
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

    static final class SkipStage<T> extends Stage<T, T> {
        private final long count;

        SkipStage(Cursor<T> upstream, long count) {
            super(upstream);
            this.count = count;
        }

        @Override
        boolean tryAdvance(Consumer<? super T> action) {
            skip();
            return upstream.tryAdvance(action);
        }

        @Override
        void forEachRemaining(Consumer<? super T> action) {
            skip();
            upstream.forEachRemaining(action);
        }

        private void skip() {
            while (index < count && upstream.tryAdvance(this)) {
                // accept counts the skipped elements
            }
        }

        @Override
        public void accept(T element) {
            index++;
        }
    }

    static final class TakeWhileStage<T> extends Stage<T, T> {
        private final Predicate<? super T> predicate;
        private boolean done;
        private boolean delivered;

        TakeWhileStage(Cursor<T> upstream, Predicate<? super T> predicate) {
            super(upstream);
            this.predicate = predicate;
        }

        @Override
        boolean tryAdvance(Consumer<? super T> action) {
            if (done) {
                return false;
            }
            downstream = action;
            delivered = false;
            if (!upstream.tryAdvance(this)) {
                done = true;
            }
            return delivered;
        }

        @Override
        void forEachRemaining(Consumer<? super T> action) {
            while (tryAdvance(action)) {
                // stops at the first element that fails the predicate
            }
        }

        @Override
        public void accept(T element) {
            boolean keep;
            try {
                keep = predicate.test(element);
            } catch (RuntimeException e) {
                throw PipelineException.at("takeWhile", index, e);
            }
            index++;
            if (keep) {
                delivered = true;
                downstream.accept(element);
            } else {
                done = true;
            }
        }
    }

    static final class DropWhileStage<T> extends Stage<T, T> {
        private final Predicate<? super T> predicate;
        private boolean dropping = true;
        private boolean delivered;

        DropWhileStage(Cursor<T> upstream, Predicate<? super T> predicate) {
            super(upstream);
            this.predicate = predicate;
        }

        @Override
        boolean tryAdvance(Consumer<? super T> action) {
            if (!dropping) {
                return upstream.tryAdvance(action);
            }
            downstream = action;
            delivered = false;
            while (!delivered && upstream.tryAdvance(this)) {
                // drop until the predicate first fails
            }
            return delivered;
        }

        @Override
        void forEachRemaining(Consumer<? super T> action) {
            if (tryAdvance(action)) {
                upstream.forEachRemaining(action);
            }
        }

        @Override
        public void accept(T element) {
            boolean drop;
            try {
                drop = predicate.test(element);
            } catch (RuntimeException e) {
                throw PipelineException.at("dropWhile", index, e);
            }
            index++;
            if (!drop) {
                dropping = false;
                delivered = true;
                downstream.accept(element);
            }
        }
    }
}
