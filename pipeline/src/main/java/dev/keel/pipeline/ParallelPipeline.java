package dev.keel.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A pipeline run in parallel, for CPU-bound work over a splittable source ({@link LazyPipeline#range},
 * {@link LazyPipeline#of}, {@link LazyPipeline#from(Iterable)} over a random-access list), optionally after stateless
 * operations.
 *
 * <p>How it is designed, and why: a run cuts the source's index range into parts (four per worker, so that a slow part
 * does not leave the other workers idle), runs the whole fused sequential chain over each part as one task on the
 * executor, and combines the parts' results <em>in index order</em>: {@link #toList()} is in input order and
 * {@link #reduce} applies its (associative) operator to neighbours only, so the result is the sequential one. Only
 * stateless operations are offered here; for {@code sorted}, {@code distinct}, {@code take} and the rest, go back with
 * {@link #sequential()}: order-dependent operations over parts would need a merge step per operation, which is what
 * {@code java.util.stream} pays for and what CPU-bound maps rarely need. The terminal operation returns only when
 * every part has ended, failed or not; the first failure in index order is rethrown.
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

    /** The same pipeline, run sequentially again. */
    public LazyPipeline<T> sequential() {
        return sequential;
    }

    /** All elements, in input order. */
    public List<T> toList() {
        List<List<T>> parts = evaluate(Terminals::toList);
        List<T> all = new ArrayList<>();
        parts.forEach(all::addAll);
        return Collections.unmodifiableList(all);
    }

    /** The elements combined by the associative {@code operator}, in input order, or empty. */
    public Optional<T> reduce(BinaryOperator<T> operator) {
        Objects.requireNonNull(operator, "operator");
        return evaluate(run -> Terminals.reduce(run, operator)).stream()
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
        Objects.requireNonNull(action, "action");
        evaluate(run -> {
            Terminals.forEach(run, action);
            return Boolean.TRUE;
        });
    }

    private int workers() {
        return executor instanceof ForkJoinPool pool
                ? pool.getParallelism()
                : Runtime.getRuntime().availableProcessors();
    }

    /** Runs {@code terminal} over each part on the executor; the parts' results in index order. */
    private <A> List<A> evaluate(Function<Cursor<T>, A> terminal) {
        long size = source.size();
        if (size == 0) {
            return List.of();
        }
        long parts = Math.min(size, 4L * Math.max(1, workers()));
        List<CompletableFuture<A>> futures = new ArrayList<>();
        for (long part = 0; part < parts; part++) {
            long from = size * part / parts;
            long to = size * (part + 1) / parts;
            futures.add(CompletableFuture.supplyAsync(
                    () -> {
                        try (Cursor<T> run = source.open(from, to)) {
                            return terminal.apply(run);
                        }
                    },
                    executor));
        }
        List<A> results = new ArrayList<>(futures.size());
        RuntimeException failure = null;
        for (CompletableFuture<A> future : futures) {
            try {
                results.add(future.join());
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException cause
                            ? cause
                            : new PipelineException(
                                    PipelineException.Code.TASK_FAILED,
                                    "a parallel part failed: " + e.getCause(),
                                    null,
                                    -1,
                                    e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }
}
