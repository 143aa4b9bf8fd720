package dev.keel.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** The cursors that start a run: arrays, ranges, iterators (with the resource they hold), iterate and generate. */
final class Sources {

    private Sources() {}

    /** The elements of an array, in order. */
    static final class ArrayCursor<T> extends Cursor<T> {
        private final Object[] elements;
        private final int end;
        private int next;

        ArrayCursor(Object[] elements, int from, int to) {
            this.elements = elements;
            this.next = from;
            this.end = to;
        }

        @Override
        boolean tryAdvance(Consumer<? super T> action) {
            if (next >= end) {
                return false;
            }
            action.accept(element(next++));
            return true;
        }

        /** Consumes the rest: the position is not kept per element, since a failure ends the run anyway. */
        @Override
        void forEachRemaining(Consumer<? super T> action) {
            int from = next;
            next = end;
            for (int i = from; i < end; i++) {
                action.accept(element(i));
            }
        }

        /** Only {@code of(T...)} makes these arrays, from elements of type {@code T}. */
        @SuppressWarnings("unchecked")
        private T element(int i) {
            return (T) elements[i];
        }

        @Override
        public void close() {
            next = end;
        }
    }

    /** The integers from {@code from} (inclusive) to {@code to} (exclusive), boxed. */
    static final class IntRangeCursor extends Cursor<Integer> {
        private final int to;
        private int next;

        IntRangeCursor(int from, int to) {
            this.next = from;
            this.to = to;
        }

        @Override
        boolean tryAdvance(Consumer<? super Integer> action) {
            if (next >= to) {
                return false;
            }
            action.accept(next++);
            return true;
        }

        /** Consumes the rest: the position is not kept per element, since a failure ends the run anyway. */
        @Override
        void forEachRemaining(Consumer<? super Integer> action) {
            int end = to;
            int from = next;
            next = end;
            for (int i = from; i < end; i++) {
                action.accept(i);
            }
        }

        @Override
        public void close() {
            next = to;
        }
    }

    /**
     * The elements of an iterator, closing {@code resource} (when there is one) exactly once: at the end, on close,
     * or when the iterator throws.
     */
    static final class IteratorCursor<T> extends Cursor<T> {
        private final Iterator<? extends T> iterator;
        private @Nullable AutoCloseable resource;

        IteratorCursor(Iterator<? extends T> iterator, @Nullable AutoCloseable resource) {
            this.iterator = iterator;
            this.resource = resource;
        }

        @Override
        boolean tryAdvance(Consumer<? super T> action) {
            if (!iterator.hasNext()) {
                return false;
            }
            action.accept(Objects.requireNonNull(iterator.next(), "the source produced a null element"));
            return true;
        }

        @Override
        void forEachRemaining(Consumer<? super T> action) {
            while (iterator.hasNext()) {
                action.accept(Objects.requireNonNull(iterator.next(), "the source produced a null element"));
            }
        }

        @Override
        public void close() {
            AutoCloseable held = resource;
            resource = null;
            if (held != null) {
                Resources.closeUnchecked(held);
            }
        }
    }

    /** {@code seed}, then {@code next} applied to the previous element, while {@code hasNext} holds. */
    static final class IterateCursor<T> extends Cursor<T> {
        private final Predicate<? super T> hasNext;
        private final UnaryOperator<T> next;
        private @Nullable T current;
        private boolean started;
        private boolean finished;
        private long index;

        IterateCursor(T seed, Predicate<? super T> hasNext, UnaryOperator<T> next) {
            this.current = seed;
            this.hasNext = hasNext;
            this.next = next;
        }

        @Override
        boolean tryAdvance(Consumer<? super T> action) {
            if (finished) {
                return false;
            }
            T value = Objects.requireNonNull(current);
            if (started) {
                try {
                    value = Objects.requireNonNull(next.apply(value), "iterate's function returned null");
                } catch (RuntimeException e) {
                    throw PipelineException.at("iterate", index, e);
                }
            }
            boolean more;
            try {
                more = hasNext.test(value);
            } catch (RuntimeException e) {
                throw PipelineException.at("iterate", index, e);
            }
            if (!more) {
                finished = true;
                current = null;
                return false;
            }
            started = true;
            current = value;
            index++;
            action.accept(value);
            return true;
        }

        @Override
        public void close() {
            finished = true;
            current = null;
        }
    }

    /** The values of a supplier, without end. */
    static final class GenerateCursor<T> extends Cursor<T> {
        private final Supplier<? extends T> supplier;
        private long index;
        private boolean closed;

        GenerateCursor(Supplier<? extends T> supplier) {
            this.supplier = supplier;
        }

        @Override
        boolean tryAdvance(Consumer<? super T> action) {
            if (closed) {
                return false;
            }
            T value;
            try {
                value = Objects.requireNonNull(supplier.get(), "generate's supplier returned null");
            } catch (RuntimeException e) {
                throw PipelineException.at("generate", index, e);
            }
            index++;
            action.accept(value);
            return true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A cursor over nothing. */
    static <T> Cursor<T> empty() {
        return new Cursor<>() {
            @Override
            boolean tryAdvance(Consumer<? super T> action) {
                return false;
            }

            @Override
            public void close() {
                // holds nothing
            }
        };
    }

    /** Throws the iterator protocol's exception for an exhausted iterator. */
    static NoSuchElementException exhausted() {
        return new NoSuchElementException("the pipeline has no more elements");
    }

    /** {@code of(...)}'s (copied) elements as a splittable source, once they are checked for null. */
    static <T> Splittable<T> nonNull(Object[] elements) {
        for (int i = 0; i < elements.length; i++) {
            if (elements[i] == null) {
                throw new NullPointerException("of: element " + i + " is null (expected: no null elements)");
            }
        }
        return array(elements);
    }

    /** A source that can be run once: a second run fails with {@code SOURCE_CONSUMED} instead of yielding nothing. */
    static <T> LazyPipeline.Opener<T> oneShot(String source, LazyPipeline.Opener<T> opener) {
        AtomicBoolean used = new AtomicBoolean();
        return () -> {
            if (!used.compareAndSet(false, true)) {
                throw new PipelineException(
                        PipelineException.Code.SOURCE_CONSUMED,
                        source + " is a one-shot source and was already run; build a new pipeline for another run,"
                                + " or start from a re-readable source such as from(Iterable)");
            }
            return opener.open();
        };
    }

    /** The elements of an array as a splittable source ({@code of(...)}). */
    static <T> Splittable<T> array(Object[] elements) {
        return new Splittable<>() {
            @Override
            public long size() {
                return elements.length;
            }

            @Override
            public Cursor<T> open(long from, long to) {
                return new ArrayCursor<>(elements, (int) from, (int) to);
            }
        };
    }

    /** A random-access list as a splittable source, its size read when a run starts. */
    static <T> Splittable<T> list(List<? extends T> list) {
        return new Splittable<>() {
            @Override
            public long size() {
                return list.size();
            }

            @Override
            public Cursor<T> open(long from, long to) {
                return new IteratorCursor<>(list.subList((int) from, (int) to).iterator(), null);
            }
        };
    }

    /** The integers from {@code from} (inclusive) to {@code to} (exclusive) as a splittable source. */
    static Splittable<Integer> range(int from, int to) {
        long size = Math.max(0, (long) to - from);
        return new Splittable<>() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public Cursor<Integer> open(long start, long end) {
                return new IntRangeCursor((int) (from + start), (int) (from + end));
            }
        };
    }

    static <T> LazyPipeline.Opener<T> iterate(T seed, Predicate<? super T> hasNext, UnaryOperator<T> next) {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(hasNext, "hasNext");
        Objects.requireNonNull(next, "next");
        return () -> new IterateCursor<>(seed, hasNext, next);
    }

    static <T> LazyPipeline.Opener<T> generate(Supplier<? extends T> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return () -> new GenerateCursor<>(supplier);
    }

    /** Runs over a resource that each run opens and closes. */
    static <R extends AutoCloseable, T> LazyPipeline.Opener<T> using(
            LazyPipeline.ResourceOpener<? extends R> opener,
            Function<? super R, ? extends Iterator<? extends T>> elements) {
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(elements, "elements");
        return () -> open(opener, elements);
    }

    /** One run over a resource: opened here, closed by the cursor, or here if building the iterator fails. */
    private static <R extends AutoCloseable, T> Cursor<T> open(
            LazyPipeline.ResourceOpener<? extends R> opener,
            Function<? super R, ? extends Iterator<? extends T>> elements) {
        R resource;
        try {
            resource = Objects.requireNonNull(opener.open(), "using: the opener returned null");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new IteratorCursor<>(
                    Objects.requireNonNull(elements.apply(resource), "using: elements returned null"), resource);
        } catch (RuntimeException | Error e) {
            try {
                Resources.closeUnchecked(resource);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The lines of a reader; an I/O error is the JDK's {@link UncheckedIOException}. */
    static Iterator<String> lines(BufferedReader reader) {
        return new Iterator<>() {
            private String next = "";
            private boolean ready;

            @Override
            public boolean hasNext() {
                if (!ready) {
                    try {
                        String line = reader.readLine();
                        if (line == null) {
                            return false;
                        }
                        next = line;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    ready = true;
                }
                return true;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw exhausted();
                }
                ready = false;
                return next;
            }
        };
    }
}
