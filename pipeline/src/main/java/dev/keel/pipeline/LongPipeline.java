package dev.keel.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.LongBinaryOperator;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * A lazy pipeline of {@code long}s: {@link LazyPipeline}'s model (a recipe; each terminal operation is one run that
 * pulls only what it needs) without boxing, for ranges and numeric chains. Sums are exact: {@link #sum()} is a
 * {@code long} and throws {@link ArithmeticException} rather than wrap around.
 *
 * <p>Errors: a failing function is reported as a {@link PipelineException} naming the operation and the position of
 * the element in the source (a range or an array; -1 behind {@code mapToInt}/{@code mapToLong}). Unlike
 * {@link LazyPipeline}, the stages keep no count of their own: two counters per element cost the primitive chain half
 * its speed (measured), and the source knows the position for free.
 *
 * <p>Immutable and thread-safe; each run is confined to the thread of its terminal operation.
 */
public final class LongPipeline {

    @FunctionalInterface
    interface Opener {
        LongCursor open();
    }

    private final Opener opener;

    LongPipeline(Opener opener) {
        this.opener = opener;
    }

    /** The integers from {@code from} (inclusive) to {@code to} (exclusive); empty when {@code to <= from}. */
    public static LongPipeline range(long from, long to) {
        return new LongPipeline(() -> new LongCursors.Range(from, to));
    }

    /** The integers from {@code from} to {@code to}, both inclusive. */
    public static LongPipeline rangeClosed(long from, long to) {
        if (to == Long.MAX_VALUE) {
            throw new IllegalArgumentException("rangeClosed: to (" + to + ") must be below Long.MAX_VALUE");
        }
        return range(from, to + 1);
    }

    /** The given values, in order. */
    public static LongPipeline of(long... values) {
        Objects.requireNonNull(values, "values");
        long[] copy = values.clone();
        return new LongPipeline(() -> new LongCursors.Array(copy));
    }

    LongCursor open() {
        return opener.open();
    }

    private LongPipeline then(UnaryOperator<LongCursor> stage) {
        return new LongPipeline(() -> stage.apply(open()));
    }

    /** Each value transformed by {@code mapper}. */
    public LongPipeline map(LongUnaryOperator mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new LongPipeline(() -> new LongCursors.Map(open(), mapper));
    }

    /** The values for which {@code predicate} holds. */
    public LongPipeline filter(LongPredicate predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return new LongPipeline(() -> new LongCursors.Filter(open(), predicate));
    }

    /** The same values, each shown to {@code observer} as it passes. */
    public LongPipeline peek(LongConsumer observer) {
        Objects.requireNonNull(observer, "observer");
        return new LongPipeline(() -> new LongCursors.Peek(open(), observer));
    }

    /** The first {@code n} values; the value after them is never pulled. */
    public LongPipeline take(long n) {
        return then(LongCursors.take(n));
    }

    /** All but the first {@code n} values. */
    public LongPipeline skip(long n) {
        return then(LongCursors.skip(n));
    }

    /** Every run of {@code size} consecutive values (a sliding window moving by one), as read-only lists. */
    public LazyPipeline<List<Long>> windowed(int size) {
        return windowed(size, 1, false, "windowed");
    }

    /**
     * Windows of {@code size} values starting every {@code step} values; with {@code partial}, the shorter windows
     * at the end too. A window is a read-only view of unboxed storage: no value is boxed until it is read, so a
     * consumer that unboxes what it reads allocates nothing per value.
     */
    public LazyPipeline<List<Long>> windowed(int size, int step, boolean partial) {
        return windowed(size, step, partial, "windowed");
    }

    /** Consecutive lists of {@code size} values; the last may be shorter. */
    public LazyPipeline<List<Long>> chunked(int size) {
        return windowed(size, size, true, "chunked");
    }

    private LazyPipeline<List<Long>> windowed(int size, int step, boolean partial, String operation) {
        Windowed.checkArguments(size, step, operation);
        return new LazyPipeline<>(() -> PrimitiveWindows.ofLongs(open(), size, step, partial));
    }

    /** Each value turned into an object. */
    public <R> LazyPipeline<R> mapToObj(LongFunction<? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new LazyPipeline<>(() -> LongCursors.toObjects(open(), mapper));
    }

    /** The values boxed. */
    public LazyPipeline<Long> boxed() {
        return mapToObj(Long::valueOf);
    }

    private <R> R run(Function<LongCursor, R> terminal) {
        try (LongCursor run = open()) {
            return terminal.apply(run);
        }
    }

    /** The exact sum, as a {@code long}; throws {@link ArithmeticException} if it would overflow. */
    public long sum() {
        return run(PrimitiveTerminals::sum);
    }

    /** How many values there are. */
    public long count() {
        return run(PrimitiveTerminals::count);
    }

    /** The arithmetic mean, or empty when there are no values. */
    public OptionalDouble average() {
        return run(PrimitiveTerminals::average);
    }

    /** The values combined left to right by {@code operator}, or empty. */
    public OptionalLong reduce(LongBinaryOperator operator) {
        Objects.requireNonNull(operator, "operator");
        return run(run -> PrimitiveTerminals.reduce(run, operator));
    }

    /** {@code identity} and the values combined left to right by {@code operator}. */
    public long reduce(long identity, LongBinaryOperator operator) {
        Objects.requireNonNull(operator, "operator");
        return run(run -> PrimitiveTerminals.reduce(run, identity, operator));
    }

    /** The least value, or empty. */
    public OptionalLong min() {
        return reduce(Math::min);
    }

    /** The greatest value, or empty. */
    public OptionalLong max() {
        return reduce(Math::max);
    }

    /** The first value, or empty; pulls one value. */
    public OptionalLong first() {
        return run(PrimitiveTerminals::first);
    }

    /** Whether some value matches; stops at the first that does. */
    public boolean anyMatch(LongPredicate predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return run(run -> PrimitiveTerminals.anyMatch(run, predicate));
    }

    /** Whether every value matches; stops at the first that does not. */
    public boolean allMatch(LongPredicate predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return !anyMatch(predicate.negate());
    }

    /** Whether no value matches; stops at the first that does. */
    public boolean noneMatch(LongPredicate predicate) {
        return !anyMatch(predicate);
    }

    /** Gives each value, in order, to {@code action}. */
    public void forEach(LongConsumer action) {
        Objects.requireNonNull(action, "action");
        run(run -> {
            run.forEachRemaining(action);
            return null;
        });
    }

    /** All values as a new array. */
    public long[] toArray() {
        return run(PrimitiveTerminals::toArray);
    }

    /** All values, boxed, as an unmodifiable list. */
    public List<Long> toList() {
        List<Long> list = new ArrayList<>();
        forEach(list::add);
        return Collections.unmodifiableList(list);
    }
}
