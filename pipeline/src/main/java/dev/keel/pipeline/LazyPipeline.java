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
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
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
import java.util.stream.Gatherer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
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
    private final Set<AutoCloseable> openRuns = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

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
            if (copy[i] == null) {
                throw new NullPointerException("of: element " + i + " is null (expected: no null elements)");
            }
        }
        return splittable(Sources.array(copy));
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
        return oneShot("from(Stream)", () -> new Sources.IteratorCursor<>(stream.iterator(), stream));
    }

    /** The remaining elements of {@code iterator}: a one-shot source; a second run fails. */
    public static <T> LazyPipeline<T> from(Iterator<? extends T> iterator) {
        Objects.requireNonNull(iterator, "iterator");
        return oneShot("from(Iterator)", () -> new Sources.IteratorCursor<>(iterator, null));
    }

    private static <T> LazyPipeline<T> oneShot(String source, Opener<T> opener) {
        AtomicBoolean used = new AtomicBoolean();
        return new LazyPipeline<>(() -> {
            if (!used.compareAndSet(false, true)) {
                throw new PipelineException(
                        PipelineException.Code.SOURCE_CONSUMED,
                        source + " is a one-shot source and was already run; build a new pipeline for another run,"
                                + " or start from a re-readable source such as from(Iterable)");
            }
            return opener.open();
        });
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
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(hasNext, "hasNext");
        Objects.requireNonNull(next, "next");
        return new LazyPipeline<>(() -> new Sources.IterateCursor<>(seed, hasNext, next));
    }

    /** The values of {@code supplier}, without end. */
    public static <T> LazyPipeline<T> generate(Supplier<? extends T> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return new LazyPipeline<>(() -> new Sources.GenerateCursor<>(supplier));
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
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(elements, "elements");
        return new LazyPipeline<>(() -> Sources.using(opener, elements));
    }

    // ---- Intermediate operations --------------------------------------------------------------------------------

    /** Starts a run of this pipeline; package-private so that operations over other pipelines can open them. */
    Cursor<T> open() {
        if (closed.get()) {
            throw new PipelineException(PipelineException.Code.CLOSED, "the pipeline is closed; build a new one");
        }
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
        Objects.requireNonNull(mapper, "mapper");
        return thenStateless(upstream -> new ElementStages.MapStage<>(upstream, mapper));
    }

    /** The elements for which {@code predicate} holds. */
    public LazyPipeline<T> filter(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return thenStateless(upstream -> new ElementStages.FilterStage<>(upstream, predicate, "filter"));
    }

    /** The elements of each element's pipeline, in turn; each inner run is closed when it ends. */
    public <R> LazyPipeline<R> flatMap(Function<? super T, ? extends LazyPipeline<? extends R>> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return thenStateless(upstream -> new Expanding.FlatMapStage<>(upstream, mapper));
    }

    /** Zero or more elements per element, pushed by {@code mapper} to the consumer it is given. */
    public <R> LazyPipeline<R> mapMulti(BiConsumer<? super T, ? super Consumer<R>> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return thenStateless(upstream -> new Expanding.MapMultiStage<>(upstream, mapper));
    }

    /** The same elements, each shown to {@code observer} as it passes. */
    public LazyPipeline<T> peek(Consumer<? super T> observer) {
        Objects.requireNonNull(observer, "observer");
        return thenStateless(upstream -> new ElementStages.PeekStage<>(upstream, observer));
    }

    /** The first {@code n} elements; the element after them is never pulled. */
    public LazyPipeline<T> take(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("take: n (" + n + ") must not be negative");
        }
        return then(upstream -> new Slicing.TakeCursor<>(upstream, n));
    }

    /** The same as {@link #take}, under the JDK's name. */
    public LazyPipeline<T> limit(long n) {
        return take(n);
    }

    /** All but the first {@code n} elements. */
    public LazyPipeline<T> skip(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("skip: n (" + n + ") must not be negative");
        }
        return then(upstream -> new Slicing.SkipStage<>(upstream, n));
    }

    /** The elements up to (not including) the first for which {@code predicate} fails. */
    public LazyPipeline<T> takeWhile(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return then(upstream -> new Slicing.TakeWhileStage<>(upstream, predicate));
    }

    /** The elements from the first for which {@code predicate} fails. */
    public LazyPipeline<T> dropWhile(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return then(upstream -> new Slicing.DropWhileStage<>(upstream, predicate));
    }

    /** The elements not equal to an earlier one, first occurrences in order. Remembers every distinct element. */
    public LazyPipeline<T> distinct() {
        return distinctBy(Function.identity());
    }

    /** The elements whose key is not the key of an earlier one. Remembers every distinct key. */
    public <K> LazyPipeline<T> distinctBy(Function<? super T, ? extends K> key) {
        Objects.requireNonNull(key, "key");
        return then(upstream -> new Remembering.DistinctStage<>(upstream, key));
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
        Objects.requireNonNull(comparator, "comparator");
        return then(upstream -> new Remembering.SortedCursor<>(upstream, comparator));
    }

    /** The elements in the order of their keys, stably. Needs the whole input. */
    public <K extends Comparable<? super K>> LazyPipeline<T> sortedBy(Function<? super T, ? extends K> key) {
        Objects.requireNonNull(key, "key");
        return sorted(Comparator.comparing(key));
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
        if (size <= 0) {
            throw new IllegalArgumentException(operation + ": size (" + size + ") must be positive");
        }
        if (step <= 0) {
            throw new IllegalArgumentException(operation + ": step (" + step + ") must be positive");
        }
        return then(upstream -> new Windowed<>(upstream, size, step, partial));
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
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(combiner, "combiner");
        return then(upstream -> new Combining.ZipCursor<T, U, R>(upstream, other.open(), combiner));
    }

    /** Each element with its zero-based index. */
    public LazyPipeline<Indexed<T>> zipWithIndex() {
        return then(ElementStages.IndexStage::new);
    }

    /** {@code initial}, then each running value of {@code accumulator}: a fold that shows its progress. */
    public <R> LazyPipeline<R> scan(R initial, BiFunction<? super R, ? super T, ? extends R> accumulator) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(accumulator, "accumulator");
        return then(upstream -> new Remembering.ScanStage<>(upstream, initial, accumulator));
    }

    /** Alternately an element of this pipeline and of {@code other}, then the rest of the longer one. */
    public LazyPipeline<T> interleave(LazyPipeline<? extends T> other) {
        Objects.requireNonNull(other, "other");
        return then(upstream -> new Combining.InterleaveCursor<>(upstream, other.open()));
    }

    /** This pipeline's elements, then {@code other}'s; {@code other} is opened only when this one ends. */
    public LazyPipeline<T> concat(LazyPipeline<? extends T> other) {
        Objects.requireNonNull(other, "other");
        return then(upstream -> new Combining.ConcatCursor<>(upstream, other));
    }

    /** The elements transformed by a JDK {@link Gatherer} (from {@link java.util.stream.Gatherers} or your own). */
    public <A, R> LazyPipeline<R> gather(Gatherer<? super T, A, R> gatherer) {
        Objects.requireNonNull(gatherer, "gatherer");
        return then(upstream -> new Expanding.GatherStage<>(upstream, gatherer));
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
        if (maxConcurrency <= 0) {
            throw new IllegalArgumentException(
                    "mapConcurrent: maxConcurrency (" + maxConcurrency + ") must be positive");
        }
        Objects.requireNonNull(function, "function");
        return then(upstream -> new MapConcurrent<>(upstream, maxConcurrency, function, ordered));
    }

    /** Each element as an {@code int}, for arithmetic without boxing. */
    public IntPipeline mapToInt(ToIntFunction<? super T> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new IntPipeline(() -> IntCursors.fromObjects(open(), mapper));
    }

    /** Each element as a {@code long}, for arithmetic without boxing. */
    public LongPipeline mapToLong(ToLongFunction<? super T> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new LongPipeline(() -> LongCursors.fromObjects(open(), mapper));
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
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        return run(run -> Terminals.toMap(run, key, value, null));
    }

    /** A map from each element's key to its value, values of equal keys combined by {@code merge}. */
    public <K, V> Map<K, V> toMap(
            Function<? super T, ? extends K> key, Function<? super T, ? extends V> value, BinaryOperator<V> merge) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(merge, "merge");
        return run(run -> Terminals.toMap(run, key, value, merge));
    }

    /** The elements grouped by key, keys in first-seen order, each group in input order. */
    public <K> Map<K, List<T>> groupBy(Function<? super T, ? extends K> key) {
        Objects.requireNonNull(key, "key");
        return run(run -> Terminals.groupBy(run, key));
    }

    /** The elements that match {@code predicate} and the rest. */
    public Partition<T> partition(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return run(run -> Terminals.partition(run, predicate));
    }

    /** The elements combined left to right by {@code operator}, or empty when there are none. */
    public Optional<T> reduce(BinaryOperator<T> operator) {
        Objects.requireNonNull(operator, "operator");
        return run(run -> Terminals.reduce(run, operator));
    }

    /** {@code identity} and the elements combined left to right by {@code operator}. */
    public T reduce(T identity, BinaryOperator<T> operator) {
        return fold(identity, operator);
    }

    /** {@code initial} and the elements combined left to right by {@code accumulator}. */
    public <R> R fold(R initial, BiFunction<? super R, ? super T, ? extends R> accumulator) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(accumulator, "accumulator");
        return run(run -> Terminals.fold(run, initial, accumulator));
    }

    /** How many elements there are. */
    public long count() {
        return run(Terminals::count);
    }

    /** The least element by {@code comparator} (the first of equals), or empty. */
    public Optional<T> min(Comparator<? super T> comparator) {
        Objects.requireNonNull(comparator, "comparator");
        return run(run -> Terminals.minBy(run, comparator, "min"));
    }

    /** The greatest element by {@code comparator} (the first of equals), or empty. */
    public Optional<T> max(Comparator<? super T> comparator) {
        Objects.requireNonNull(comparator, "comparator");
        return run(run -> Terminals.minBy(run, comparator.reversed(), "max"));
    }

    /** The element with the least key (the first of equals), or empty. */
    public <K extends Comparable<? super K>> Optional<T> minBy(Function<? super T, ? extends K> key) {
        Objects.requireNonNull(key, "key");
        return run(run -> Terminals.minBy(run, Comparator.comparing(key), "minBy"));
    }

    /** The element with the greatest key (the first of equals), or empty. */
    public <K extends Comparable<? super K>> Optional<T> maxBy(Function<? super T, ? extends K> key) {
        Objects.requireNonNull(key, "key");
        return run(run -> Terminals.minBy(run, Comparator.comparing(key).reversed(), "maxBy"));
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
        Objects.requireNonNull(predicate, "predicate");
        return run(run -> Terminals.anyMatch(run, predicate, true, "anyMatch"));
    }

    /** Whether every element matches (true when there are none); stops at the first that does not. */
    public boolean allMatch(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return !run(run -> Terminals.anyMatch(run, predicate, false, "allMatch"));
    }

    /** Whether no element matches; stops at the first that does. */
    public boolean noneMatch(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return !run(run -> Terminals.anyMatch(run, predicate, true, "noneMatch"));
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
        Objects.requireNonNull(separator, "separator");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
        return collect(java.util.stream.Collectors.mapping(
                String::valueOf, java.util.stream.Collectors.joining(separator, prefix, suffix)));
    }

    /** The elements gathered by a JDK {@link Collector}. */
    public <A, R> R collect(Collector<? super T, A, R> collector) {
        Objects.requireNonNull(collector, "collector");
        return run(run -> Terminals.collect(run, collector));
    }

    /** Gives each element, in order, to {@code action}. */
    public void forEach(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        run(run -> {
            Terminals.forEach(run, action);
            return null;
        });
    }

    /**
     * A run pulled by the caller: it holds the source open until it is exhausted or closed (or this pipeline is
     * closed).
     */
    public PipelineIterator<T> iterator() {
        return new CursorIterator<>(open(), openRuns);
    }

    /** A sequential JDK stream over one run; closing the stream closes the run. */
    public Stream<T> toStream() {
        PipelineIterator<T> iterator = iterator();
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(iterator::close);
    }

    /** Closes every run handed out by {@link #iterator()} or {@link #toStream()} that is still open; refuses new runs. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RuntimeException failure = null;
        for (AutoCloseable run : List.copyOf(openRuns)) {
            try {
                Resources.closeUnchecked(run);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
