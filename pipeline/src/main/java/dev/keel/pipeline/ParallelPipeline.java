package dev.keel.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A pipeline run in parallel, for CPU-bound work over a splittable source ({@link LazyPipeline#range},
 * {@link LazyPipeline#of}, {@link LazyPipeline#from(Iterable)} over a random-access list), optionally after stateless
 * operations.
 *
 * <p>How it is designed, and why: a run cuts the source's index range into parts ({@link PartPlan}: large ones
 * first, small ones last, so that no thread waits long for the last part to end); the calling thread and the executor's workers claim parts in index order
 * and run the whole fused sequential chain over each; the parts' results are combined <em>in index order</em>: {@link #toList()} is in input order and
 * {@link #reduce} applies its (associative) operator to neighbours only, so the result is the sequential one. Only
 * stateless operations are offered here; for {@code sorted}, {@code distinct}, {@code take} and the rest, go back with
 * {@link #sequential()}: order-dependent operations over parts would need a merge step per operation, which is what
 * {@code java.util.stream} pays for and what CPU-bound maps rarely need. After a failure no new part starts; the
 * terminal operation returns only when every part has ended, and rethrows the first failure in index order.
 *
 * <p>Immutable and thread-safe; the functions given to it run on the executor's threads and must be thread-safe.
 */
public final class ParallelPipeline<T> {

    private final LazyPipeline<T> sequential;
    private final Splittable<T> source;
    private final Executor executor;

    ParallelPipeline(LazyPipeline<T> sequential, Executor executor) {
        this.sequential = sequential;
        this.source = sequential.splittable();
        this.executor = executor;
    }

    /** Each element transformed by {@code mapper}, in parallel. */
    public <R> ParallelPipeline<R> map(Function<? super T, ? extends R> mapper) {
        return new ParallelPipeline<>(sequential.map(mapper), executor);
    }

    /** The elements for which {@code predicate} holds. */
    public ParallelPipeline<T> filter(Predicate<? super T> predicate) {
        return new ParallelPipeline<>(sequential.filter(predicate), executor);
    }

    /** The elements of each element's pipeline. */
    public <R> ParallelPipeline<R> flatMap(Function<? super T, ? extends LazyPipeline<? extends R>> mapper) {
        return new ParallelPipeline<>(sequential.flatMap(mapper), executor);
    }

    /** Zero or more elements per element, pushed by {@code mapper} to the consumer it is given. */
    public <R> ParallelPipeline<R> mapMulti(BiConsumer<? super T, ? super Consumer<R>> mapper) {
        return new ParallelPipeline<>(sequential.mapMulti(mapper), executor);
    }

    /** The same elements, each shown to the thread-safe {@code observer} as it passes, in no particular order. */
    public ParallelPipeline<T> peek(Consumer<? super T> observer) {
        return new ParallelPipeline<>(sequential.peek(observer), executor);
    }

    /** The same pipeline, run sequentially again. */
    public LazyPipeline<T> sequential() {
        return sequential;
    }

    /** All elements, in input order. */
    public List<T> toList() {
        List<List<T>> parts = evaluate(Terminals::toList);
        long total = 0;
        for (List<T> part : parts) {
            total += part.size();
        }
        List<T> all = new ArrayList<>((int) Math.min(total, Integer.MAX_VALUE - 8));
        parts.forEach(all::addAll);
        return Collections.unmodifiableList(all);
    }

    /** The elements combined by the associative {@code operator}, in input order, or empty. */
    public Optional<T> reduce(BinaryOperator<T> operator) {
        return evaluate(Terminals.reduce(operator)).stream()
                .flatMap(Optional::stream)
                .reduce(operator);
    }

    /** {@code identity} and the elements combined by the associative {@code operator}, in input order. */
    public T reduce(T identity, BinaryOperator<T> operator) {
        return reduce(operator).map(value -> operator.apply(identity, value)).orElse(identity);
    }

    /** How many elements there are. */
    public long count() {
        return evaluate(Terminals::count).stream().mapToLong(Long::longValue).sum();
    }

    /** Gives each element to {@code action}, on the executor's threads, in no particular order. */
    public void forEach(Consumer<? super T> action) {
        evaluate(Terminals.forEach(action));
    }

    private int workers() {
        return executor instanceof ForkJoinPool pool
                ? pool.getParallelism()
                : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs {@code terminal} over each part; the parts' results in index order. The calling thread works too: it and
     * up to {@code workers()} tasks on the executor claim parts in index order from one counter until none is left.
     * (Leaving the caller idle would waste a core: on 2 cores the common pool has a parallelism of 1.) After the first
     * failure no new part is started. The caller returns only when every claimed part has ended.
     */
    private <A> List<A> evaluate(Function<Cursor<T>, A> terminal) {
        long size = source.size();
        if (size == 0) {
            return List.of();
        }
        int helpers = Math.max(1, workers());
        long[] bounds = PartPlan.guided(size, helpers + 1);
        int parts = bounds.length - 1;
        PartRun<A> run = new PartRun<>(bounds, terminal);
        for (int i = 0; i < Math.min(helpers, parts - 1); i++) {
            executor.execute(run::work);
        }
        run.work();
        run.awaitAllParts();
        return run.results();
    }

    /** One parallel run: the parts, who has claimed which, their results and the first failure. Thread-safe. */
    private final class PartRun<A> {
        private final long[] bounds;
        private final int parts;
        private final Function<Cursor<T>, A> terminal;
        private final AtomicInteger nextPart = new AtomicInteger();
        private final CountDownLatch ended;
        private final AtomicReferenceArray<A> results;
        private final AtomicReferenceArray<RuntimeException> failures;
        private volatile boolean failed;

        PartRun(long[] bounds, Function<Cursor<T>, A> terminal) {
            this.bounds = bounds;
            this.parts = bounds.length - 1;
            this.terminal = terminal;
            this.ended = new CountDownLatch(parts);
            this.results = new AtomicReferenceArray<>(parts);
            this.failures = new AtomicReferenceArray<>(parts);
        }

        /** Claims and runs parts until none is left; after a failure, claims them only to mark them ended. */
        void work() {
            for (int part = nextPart.getAndIncrement(); part < parts; part = nextPart.getAndIncrement()) {
                try {
                    if (!failed) {
                        results.set(part, runPart(part));
                    }
                } catch (RuntimeException e) {
                    failures.set(part, e);
                    failed = true;
                } catch (Error e) {
                    failures.set(
                            part,
                            new PipelineException(
                                    PipelineException.Code.TASK_FAILED, "a parallel part failed: " + e, null, -1, e));
                    failed = true;
                } finally {
                    ended.countDown();
                }
            }
        }

        private A runPart(int part) {
            try (Cursor<T> cursor = source.open(bounds[part], bounds[part + 1])) {
                return terminal.apply(cursor);
            }
        }

        /** Waits for every part, even when interrupted (the flag is restored): no part outlives the call. */
        void awaitAllParts() {
            boolean interrupted = false;
            while (true) {
                try {
                    ended.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** The results in part order, or the first failure in part order. */
        List<A> results() {
            for (int part = 0; part < parts; part++) {
                RuntimeException failure = failures.get(part);
                if (failure != null) {
                    throw failure;
                }
            }
            List<A> all = new ArrayList<>(parts);
            for (int part = 0; part < parts; part++) {
                all.add(Objects.requireNonNull(results.get(part)));
            }
            return all;
        }
    }
}
