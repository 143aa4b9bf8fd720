package dev.keel.pipeline;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import java.util.stream.Gatherer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A lazy, pull-based pipeline of elements: a source, intermediate operations fused into one pull loop, and a terminal
 * operation that runs it.
 *
 * <pre>{@code
 * List<Integer> result = LazyPipeline.range(1, 100)
 *         .filter(x -> x % 2 == 0)
 *         .map(x -> x * x)
 *         .take(5)
 *         .toList(); // [4, 16, 36, 64, 100]; the source was pulled 10 times
 * }</pre>
 *
 * <p><b>A pipeline is a recipe.</b> Intermediate operations build a new pipeline and compute nothing. Each terminal
 * operation is one <em>run</em>: it opens the source (a file is opened here, not when the pipeline is built), pulls
 * exactly as many elements as its answer needs, and closes the source on completion, on an exception and on early
 * exit. A pipeline over a re-readable source ({@link #of}, {@link #range}, {@link #from(Iterable)}, {@link #iterate},
 * {@link #generate}, {@link #lines}) can therefore be run any number of times, each run starting afresh; one over a
 * one-shot source ({@link #from(Stream)}, {@link #from(Iterator)}) fails a second run with
 * {@link PipelineException.Code#SOURCE_CONSUMED}. {@link #iterator()} and {@link #toStream()} hand the run to the
 * caller, who closes it (or exhausts it); {@link #close()} closes any such run still open and refuses new ones.
 *
 * <p><b>Errors.</b> When a caller's function throws, the run is closed and a {@link PipelineException} names the
 * operation and the index of the failing element in that operation's input, with the function's exception as cause.
 * Elements are never null: sources reject null elements and functions must not return null.
 *
 * <p>Thread safety: a pipeline is immutable and may be run from several threads at once, each run confined to its
 * thread (over a source that allows it: an {@code Iterable} is iterated once per run). Functions run on the thread of
 * the terminal operation, except in {@link #mapConcurrent} and {@link #parallel()}, where they must be thread-safe.
 */
public final class LazyPipeline<T> implements AutoCloseable {

    /** How a run begins: opens a fresh cursor chain. */
    @FunctionalInterface
    interface Opener<T> {
        Cursor<T> open();
    }

    /** Opens a resource that a source reads from, like a file or a database cursor. */
    @FunctionalInterface
    public interface ResourceOpener<R extends AutoCloseable> {
        R open() throws IOException;
    }

    private final Opener<T> opener;
    private final @Nullable Splittable<T> splittable;
    private final OpenRuns runs = new OpenRuns();

    LazyPipeline(Opener<T> opener) {
        this(opener, null);
    }

    private LazyPipeline(Opener<T> opener, @Nullable Splittable<T> splittable) {
        this.opener = opener;
        this.splittable = splittable;
    }

    /** A pipeline over a source that {@link #parallel()} can split into index ranges. */
    private static <T> LazyPipeline<T> splittable(Splittable<T> source) {
        return new LazyPipeline<>(() -> source.open(0, source.size()), source);
    }

    /** The source cut into parts for {@link ParallelPipeline}, or a clear failure when it cannot be. */
    Splittable<T> splittable() {
        if (splittable == null) {
            throw new IllegalStateException("parallel() needs a splittable source (range, of, from(List)) followed"
                    + " only by map, filter, flatMap, mapMulti or peek; this pipeline has another source or an"
                    + " operation that depends on order (take, sorted, distinct, windowed, ...); apply those after"
                    + " parallel().sequential() instead");
        }
        return splittable;
    }

    // ---- Sources ------------------------------------------------------------------------------------------------

    /** The given elements, in order; none may be null. */
    @SafeVarargs
    public static <T> LazyPipeline<T> of(T... elements) {
        Objects.requireNonNull(elements, "elements");
        Object[] copy = new Object[elements.length];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = elements[i];
        }
        return splittable(Sources.nonNull(copy));
    }

    /** No elements. */
    public static <T> LazyPipeline<T> empty() {
        return new LazyPipeline<>(Sources::empty);
    }

    /** The elements of {@code iterable}, which is iterated afresh by each run. */
    public static <T> LazyPipeline<T> from(Iterable<? extends T> iterable) {
        Objects.requireNonNull(iterable, "iterable");
        if (iterable instanceof List<? extends T> list && list instanceof RandomAccess) {
            return splittable(Sources.list(list));
        }
        return new LazyPipeline<>(() -> new Sources.IteratorCursor<>(iterable.iterator(), null));
    }

    /** The elements of {@code stream}: a one-shot source, closed with the run; a second run fails. */
    public static <T> LazyPipeline<T> from(Stream<? extends T> stream) {
        Objects.requireNonNull(stream, "stream");
        return new LazyPipeline<>(
                Sources.oneShot("from(Stream)", () -> new Sources.IteratorCursor<>(stream.iterator(), stream)));
    }

    /** The remaining elements of {@code iterator}: a one-shot source; a second run fails. */
    public static <T> LazyPipeline<T> from(Iterator<? extends T> iterator) {
        Objects.requireNonNull(iterator, "iterator");
        return new LazyPipeline<>(
                Sources.oneShot("from(Iterator)", () -> new Sources.IteratorCursor<>(iterator, null)));
    }

    /** The integers from {@code from} (inclusive) to {@code to} (exclusive); empty when {@code to <= from}. */
    public static LazyPipeline<Integer> range(int from, int to) {
        return splittable(Sources.range(from, to));
    }

    /** The integers from {@code from} to {@code to}, both inclusive. */
    public static LazyPipeline<Integer> rangeClosed(int from, int to) {
        if (to == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rangeClosed: to (" + to + ") must be below Integer.MAX_VALUE");
        }
        return range(from, to + 1);
    }

    /** {@code seed}, {@code next(seed)}, {@code next(next(seed))}, ... without end; each computed when pulled. */
    public static <T> LazyPipeline<T> iterate(T seed, UnaryOperator<T> next) {
        return iterate(seed, element -> true, next);
    }

    /** Like a {@code for} loop: {@code seed}, then {@code next} of the previous element, while {@code hasNext}. */
    public static <T> LazyPipeline<T> iterate(T seed, Predicate<? super T> hasNext, UnaryOperator<T> next) {
        return new LazyPipeline<>(Sources.iterate(seed, hasNext, next));
    }

    /** The values of {@code supplier}, without end. */
    public static <T> LazyPipeline<T> generate(Supplier<? extends T> supplier) {
        return new LazyPipeline<>(Sources.generate(supplier));
    }

    /** The lines of a UTF-8 file, opened by each run and closed when the run ends, however it ends. */
    public static LazyPipeline<String> lines(Path path) {
        return lines(path, StandardCharsets.UTF_8);
    }

    /** The lines of a file in {@code charset}, opened by each run and closed when the run ends. */
    public static LazyPipeline<String> lines(Path path, Charset charset) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(charset, "charset");
        return using(() -> Files.newBufferedReader(path, charset), Sources::lines);
    }

    /**
     * Elements read from a resource that each run opens with {@code opener} and closes exactly once when the run ends:
     * on completion, on an exception (also one thrown by {@code elements}) and on early exit.
     */
    public static <R extends AutoCloseable, T> LazyPipeline<T> using(
            ResourceOpener<? extends R> opener, Function<? super R, ? extends Iterator<? extends T>> elements) {
        return new LazyPipeline<>(Sources.using(opener, elements));
    }

    // ---- Intermediate operations --------------------------------------------------------------------------------

    /** Starts a run of this pipeline; package-private so that operations over other pipelines can open them. */
    Cursor<T> open() {
        runs.ensureOpen();
        return opener.open();
    }

    /** An order-independent operation: a splittable pipeline stays splittable. */
    private <R> LazyPipeline<R> thenStateless(Function<Cursor<T>, Cursor<R>> stage) {
        LazyPipeline<R> next = then(stage);
        Splittable<T> parts = splittable;
        return parts == null ? next : new LazyPipeline<>(next.opener, parts.then(stage));
    }

    private <R> LazyPipeline<R> then(Function<Cursor<T>, Cursor<R>> stage) {
        return new LazyPipeline<>(() -> {
            Cursor<T> upstream = open();
            try {
                return stage.apply(upstream);
            } catch (RuntimeException | Error e) {
                upstream.close();
                throw e;
            }
        });
    }

    /** Each element transformed by {@code mapper}. */
    public <R> LazyPipeline<R> map(Function<? super T, ? extends R> mapper) {
        return thenStateless(ElementStages.map(mapper));
    }

    /** The elements for which {@code predicate} holds. */
    public LazyPipeline<T> filter(Predicate<? super T> predicate) {
        return thenStateless(ElementStages.filter(predicate));
    }

    /** The elements of each element's pipeline, in turn; each inner run is closed when it ends. */
    public <R> LazyPipeline<R> flatMap(Function<? super T, ? extends LazyPipeline<? extends R>> mapper) {
        return thenStateless(Expanding.flatMap(mapper));
    }

    /** Zero or more elements per element, pushed by {@code mapper} to the consumer it is given. */
    public <R> LazyPipeline<R> mapMulti(BiConsumer<? super T, ? super Consumer<R>> mapper) {
        return thenStateless(Expanding.mapMulti(mapper));
    }

    /** The same elements, each shown to {@code observer} as it passes. */
    public LazyPipeline<T> peek(Consumer<? super T> observer) {
        return thenStateless(ElementStages.peek(observer));
    }

    /** The first {@code n} elements; the element after them is never pulled. */
    public LazyPipeline<T> take(long n) {
        return then(Slicing.take(n));
    }

    /** The same as {@link #take}, under the JDK's name. */
    public LazyPipeline<T> limit(long n) {
        return take(n);
    }

    /** All but the first {@code n} elements. */
    public LazyPipeline<T> skip(long n) {
        return then(Slicing.skip(n));
    }

    /** The elements up to (not including) the first for which {@code predicate} fails. */
    public LazyPipeline<T> takeWhile(Predicate<? super T> predicate) {
        return then(Slicing.takeWhile(predicate));
    }

    /** The elements from the first for which {@code predicate} fails. */
    public LazyPipeline<T> dropWhile(Predicate<? super T> predicate) {
        return then(Slicing.dropWhile(predicate));
    }

    /** The elements not equal to an earlier one, first occurrences in order. Remembers every distinct element. */
    public LazyPipeline<T> distinct() {
        return distinctBy(Function.identity());
    }

    /** The elements whose key is not the key of an earlier one. Remembers every distinct key. */
    public <K> LazyPipeline<T> distinctBy(Function<? super T, ? extends K> key) {
        return then(Remembering.distinctBy(key));
    }

    /**
     * The elements in natural order (they must be {@link Comparable}), stably. Needs the whole input: never ends on an
     * infinite source.
     */
    @SuppressWarnings("unchecked")
    public LazyPipeline<T> sorted() {
        return sorted((Comparator<? super T>) Comparator.naturalOrder());
    }

    /** The elements in {@code comparator}'s order, stably. Needs the whole input. */
    public LazyPipeline<T> sorted(Comparator<? super T> comparator) {
        return then(Remembering.sorted(comparator));
    }

    /** The elements in the order of their keys, stably. Needs the whole input. */
    public <K extends Comparable<? super K>> LazyPipeline<T> sortedBy(Function<? super T, ? extends K> key) {
        return sorted(Comparator.comparing(Objects.requireNonNull(key, "key")));
    }

    /** Consecutive lists of {@code size} elements; the last may be shorter. */
    public LazyPipeline<List<T>> chunked(int size) {
        return windowed(size, size, true, "chunked");
    }

    /** Every run of {@code size} consecutive elements (a sliding window moving by one). */
    public LazyPipeline<List<T>> windowed(int size) {
        return windowed(size, 1, false);
    }

    /**
     * Windows of {@code size} elements starting every {@code step} elements; with {@code partial}, the shorter windows
     * at the end too. Each window is a new unmodifiable list.
     */
    public LazyPipeline<List<T>> windowed(int size, int step, boolean partial) {
        return windowed(size, step, partial, "windowed");
    }

    private LazyPipeline<List<T>> windowed(int size, int step, boolean partial, String operation) {
        return then(Windowed.stage(size, step, partial, operation));
    }

    /** Each element with the next: (a, b), (b, c), ... */
    public LazyPipeline<Pair<T, T>> pairwise() {
        return then(Remembering.PairwiseStage::new);
    }

    /** Pairs of this pipeline's and {@code other}'s elements, until either ends. */
    public <U> LazyPipeline<Pair<T, U>> zip(LazyPipeline<? extends U> other) {
        return zip(other, Pair::new);
    }

    /** {@code combiner} applied to this pipeline's and {@code other}'s elements side by side, until either ends. */
    public <U, R> LazyPipeline<R> zip(
            LazyPipeline<? extends U> other, BiFunction<? super T, ? super U, ? extends R> combiner) {
        return then(Combining.zip(other, combiner));
    }

    /** Each element with its zero-based index. */
    public LazyPipeline<Indexed<T>> zipWithIndex() {
        return then(ElementStages.IndexStage::new);
    }

    /** {@code initial}, then each running value of {@code accumulator}: a fold that shows its progress. */
    public <R> LazyPipeline<R> scan(R initial, BiFunction<? super R, ? super T, ? extends R> accumulator) {
        return then(Remembering.scan(initial, accumulator));
    }

    /** Alternately an element of this pipeline and of {@code other}, then the rest of the longer one. */
    public LazyPipeline<T> interleave(LazyPipeline<? extends T> other) {
        return then(Combining.interleave(other));
    }

    /** This pipeline's elements, then {@code other}'s; {@code other} is opened only when this one ends. */
    public LazyPipeline<T> concat(LazyPipeline<? extends T> other) {
        return then(Combining.concat(other));
    }

    /** The elements transformed by a JDK {@link Gatherer} (from {@link java.util.stream.Gatherers} or your own). */
    public <A, R> LazyPipeline<R> gather(Gatherer<? super T, A, R> gatherer) {
        return then(Expanding.gather(gatherer));
    }

    /**
     * Each element transformed by {@code function} on its own virtual thread, at most {@code maxConcurrency} at once,
     * results in input order. At most {@code maxConcurrency} results are held; the first failure cancels the other
     * tasks and is rethrown; when the terminal operation returns, no task is still running. For blocking I/O.
     */
    public <R> LazyPipeline<R> mapConcurrent(int maxConcurrency, Function<? super T, ? extends R> function) {
        return mapConcurrent(maxConcurrency, function, true);
    }

    /** Like {@link #mapConcurrent}, but each result is handed out as soon as it is ready, in completion order. */
    public <R> LazyPipeline<R> mapConcurrentUnordered(int maxConcurrency, Function<? super T, ? extends R> function) {
        return mapConcurrent(maxConcurrency, function, false);
    }

    private <R> LazyPipeline<R> mapConcurrent(
            int maxConcurrency, Function<? super T, ? extends R> function, boolean ordered) {
        return then(MapConcurrent.stage(maxConcurrency, function, ordered));
    }

    /** Each element as an {@code int}, for arithmetic without boxing. */
    public IntPipeline mapToInt(ToIntFunction<? super T> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new IntPipeline(() -> LongCursors.fromObjects(open(), mapper::applyAsInt, "mapToInt"));
    }

    /** Each element as a {@code long}, for arithmetic without boxing. */
    public LongPipeline mapToLong(ToLongFunction<? super T> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new LongPipeline(() -> LongCursors.fromObjects(open(), mapper, "mapToLong"));
    }

    /** This pipeline run in parallel on the common {@link ForkJoinPool}, for CPU-bound work; see the class. */
    public ParallelPipeline<T> parallel() {
        return parallel(ForkJoinPool.commonPool());
    }

    /** This pipeline run in parallel on {@code executor}, for CPU-bound work. */
    public ParallelPipeline<T> parallel(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return new ParallelPipeline<>(this, executor);
    }

    // ---- Terminal operations ------------------------------------------------------------------------------------

    private <R> R run(Function<Cursor<T>, R> terminal) {
        try (Cursor<T> run = open()) {
            return terminal.apply(run);
        }
    }

    /** All elements, in order, as an unmodifiable list. */
    public List<T> toList() {
        return run(Terminals::toList);
    }

    /** The distinct elements in first-seen order, as an unmodifiable set. */
    public Set<T> toSet() {
        return run(Terminals::toSet);
    }

    /** A map from each element's key to its value, in first-seen order; a duplicate key fails. */
    public <K, V> Map<K, V> toMap(Function<? super T, ? extends K> key, Function<? super T, ? extends V> value) {
        return run(Terminals.toMap(key, value, null));
    }

    /** A map from each element's key to its value, values of equal keys combined by {@code merge}. */
    public <K, V> Map<K, V> toMap(
            Function<? super T, ? extends K> key, Function<? super T, ? extends V> value, BinaryOperator<V> merge) {
        return run(Terminals.toMap(key, value, Objects.requireNonNull(merge, "merge")));
    }

    /** The elements grouped by key, keys in first-seen order, each group in input order. */
    public <K> Map<K, List<T>> groupBy(Function<? super T, ? extends K> key) {
        return run(Terminals.groupBy(key));
    }

    /** The elements that match {@code predicate} and the rest. */
    public Partition<T> partition(Predicate<? super T> predicate) {
        return run(Terminals.partition(predicate));
    }

    /** The elements combined left to right by {@code operator}, or empty when there are none. */
    public Optional<T> reduce(BinaryOperator<T> operator) {
        return run(Terminals.reduce(operator));
    }

    /** {@code identity} and the elements combined left to right by {@code operator}. */
    public T reduce(T identity, BinaryOperator<T> operator) {
        return fold(identity, operator);
    }

    /** {@code initial} and the elements combined left to right by {@code accumulator}. */
    public <R> R fold(R initial, BiFunction<? super R, ? super T, ? extends R> accumulator) {
        return run(Terminals.fold(initial, accumulator));
    }

    /** How many elements there are. */
    public long count() {
        return run(Terminals::count);
    }

    /** The least element by {@code comparator} (the first of equals), or empty. */
    public Optional<T> min(Comparator<? super T> comparator) {
        return run(Terminals.minBy(Objects.requireNonNull(comparator, "comparator"), "min"));
    }

    /** The greatest element by {@code comparator} (the first of equals), or empty. */
    public Optional<T> max(Comparator<? super T> comparator) {
        return run(
                Terminals.minBy(Objects.requireNonNull(comparator, "comparator").reversed(), "max"));
    }

    /** The element with the least key (the first of equals), or empty. */
    public <K extends Comparable<? super K>> Optional<T> minBy(Function<? super T, ? extends K> key) {
        return run(Terminals.minBy(Comparator.comparing(Objects.requireNonNull(key, "key")), "minBy"));
    }

    /** The element with the greatest key (the first of equals), or empty. */
    public <K extends Comparable<? super K>> Optional<T> maxBy(Function<? super T, ? extends K> key) {
        return run(Terminals.minBy(
                Comparator.comparing(Objects.requireNonNull(key, "key")).reversed(), "maxBy"));
    }

    /** The first element, or empty; pulls one element. */
    public Optional<T> first() {
        return run(Terminals::first);
    }

    /** The last element, or empty. */
    public Optional<T> last() {
        return run(Terminals::last);
    }

    /** Whether some element matches; stops at the first that does. */
    public boolean anyMatch(Predicate<? super T> predicate) {
        return run(Terminals.anyMatch(predicate, true, "anyMatch"));
    }

    /** Whether every element matches (true when there are none); stops at the first that does not. */
    public boolean allMatch(Predicate<? super T> predicate) {
        return !run(Terminals.anyMatch(predicate, false, "allMatch"));
    }

    /** Whether no element matches; stops at the first that does. */
    public boolean noneMatch(Predicate<? super T> predicate) {
        return !run(Terminals.anyMatch(predicate, true, "noneMatch"));
    }

    /** The elements' {@code toString}s run together. */
    public String joining() {
        return joining("", "", "");
    }

    /** The elements' {@code toString}s separated by {@code separator}. */
    public String joining(CharSequence separator) {
        return joining(separator, "", "");
    }

    /** The elements' {@code toString}s separated by {@code separator}, between {@code prefix} and {@code suffix}. */
    public String joining(CharSequence separator, CharSequence prefix, CharSequence suffix) {
        return collect(Collectors.mapping(String::valueOf, Collectors.joining(separator, prefix, suffix)));
    }

    /** The elements gathered by a JDK {@link Collector}. */
    public <A, R> R collect(Collector<? super T, A, R> collector) {
        return run(Terminals.collect(collector));
    }

    /** Gives each element, in order, to {@code action}. */
    public void forEach(Consumer<? super T> action) {
        run(Terminals.forEach(action));
    }

    /**
     * A run pulled by the caller: it holds the source open until it is exhausted or closed (or this pipeline is
     * closed).
     */
    public PipelineIterator<T> iterator() {
        return runs.iterator(open());
    }

    /** A sequential JDK stream over one run; closing the stream closes the run. */
    public Stream<T> toStream() {
        return runs.stream(open());
    }

    /**
     * Closes every run handed out by {@link #iterator()} or {@link #toStream()} that is still open, and refuses new runs.
     * Runs are confined to their threads: close a pipeline from the thread that uses its iterators, or after they are
     * done; closing it while another thread is inside {@code next()} is a race, as it would be for any iterator.
     */
    @Override
    public void close() {
        runs.close();
    }
}
