package dev.keel.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * A lazy pipeline of {@code int}s: {@link LazyPipeline}'s model (a recipe; each terminal operation is one run that
 * pulls only what it needs) without boxing, for ranges and numeric chains. Sums are exact: {@link #sum()} is a
 * {@code long} and throws {@link ArithmeticException} rather than wrap around.
 *
 * <p>It shares its cursors with {@link LongPipeline} (see {@code LongCursors}): values travel as {@code long}s that
 * always hold an {@code int}, and this class adapts the caller's {@code int} functions at the edge.
 *
 * <p>Errors: a failing function is reported as a {@link PipelineException} naming the operation and the position of
 * the element in the source (a range or an array; -1 behind {@code mapToInt}/{@code mapToLong}). Unlike
 * {@link LazyPipeline}, the stages keep no count of their own: two counters per element cost the primitive chain half
 * its speed (measured), and the source knows the position for free.
 *
 * <p>Immutable and thread-safe; each run is confined to the thread of its terminal operation.
 */
public final class IntPipeline {

    private final LongPipeline.Opener opener;

    IntPipeline(LongPipeline.Opener opener) {
        this.opener = opener;
    }

    /** The integers from {@code from} (inclusive) to {@code to} (exclusive); empty when {@code to <= from}. */
    public static IntPipeline range(int from, int to) {
        return new IntPipeline(() -> new LongCursors.Range(from, to));
    }

    /** The integers from {@code from} to {@code to}, both inclusive. */
    public static IntPipeline rangeClosed(int from, int to) {
        if (to == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rangeClosed: to (" + to + ") must be below Integer.MAX_VALUE");
        }
        return range(from, to + 1);
    }

    /** The given values, in order. */
    public static IntPipeline of(int... values) {
        Objects.requireNonNull(values, "values");
        long[] copy = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i];
        }
        return new IntPipeline(() -> new LongCursors.Array(copy));
    }

    LongCursor open() {
        return opener.open();
    }

    private IntPipeline then(UnaryOperator<LongCursor> stage) {
        return new IntPipeline(() -> stage.apply(open()));
    }

    /** Each value transformed by {@code mapper}. */
    public IntPipeline map(IntUnaryOperator mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new IntPipeline(() -> new LongCursors.Map(open(), value -> mapper.applyAsInt((int) value)));
    }

    /** The values for which {@code predicate} holds. */
    public IntPipeline filter(IntPredicate predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return new IntPipeline(() -> new LongCursors.Filter(open(), value -> predicate.test((int) value)));
    }

    /** The same values, each shown to {@code observer} as it passes. */
    public IntPipeline peek(IntConsumer observer) {
        Objects.requireNonNull(observer, "observer");
        return new IntPipeline(() -> new LongCursors.Peek(open(), value -> observer.accept((int) value)));
    }

    /** The first {@code n} values; the value after them is never pulled. */
    public IntPipeline take(long n) {
        return then(LongCursors.take(n));
    }

    /** All but the first {@code n} values. */
    public IntPipeline skip(long n) {
        return then(LongCursors.skip(n));
    }

    /** Every run of {@code size} consecutive values (a sliding window moving by one), as read-only lists. */
    public LazyPipeline<List<Integer>> windowed(int size) {
        return windowed(size, 1, false, "windowed");
    }

    /**
     * Windows of {@code size} values starting every {@code step} values; with {@code partial}, the shorter windows
     * at the end too. A window is a read-only view of unboxed storage: no value is boxed until it is read, so a
     * consumer that unboxes what it reads allocates nothing per value.
     */
    public LazyPipeline<List<Integer>> windowed(int size, int step, boolean partial) {
        return windowed(size, step, partial, "windowed");
    }

    /** Consecutive lists of {@code size} values; the last may be shorter. */
    public LazyPipeline<List<Integer>> chunked(int size) {
        return windowed(size, size, true, "chunked");
    }

    private LazyPipeline<List<Integer>> windowed(int size, int step, boolean partial, String operation) {
        Windowed.checkArguments(size, step, operation);
        return new LazyPipeline<>(() -> PrimitiveWindows.ofInts(open(), size, step, partial));
    }

    /** Each value turned into an object. */
    public <R> LazyPipeline<R> mapToObj(IntFunction<? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new LazyPipeline<>(() -> LongCursors.toObjects(open(), value -> mapper.apply((int) value)));
    }

    /** The values boxed. */
    public LazyPipeline<Integer> boxed() {
        return mapToObj(Integer::valueOf);
    }

    /** The values widened to {@code long}. */
    public LongPipeline asLongPipeline() {
        return new LongPipeline(opener);
    }

    private <R> R run(Function<LongCursor, R> terminal) {
        try (LongCursor run = open()) {
            return terminal.apply(run);
        }
    }

    private static OptionalInt narrow(OptionalLong value) {
        return value.isPresent() ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
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
    public OptionalInt reduce(IntBinaryOperator operator) {
        Objects.requireNonNull(operator, "operator");
        return narrow(run(run -> PrimitiveTerminals.reduce(run, (a, b) -> operator.applyAsInt((int) a, (int) b))));
    }

    /** {@code identity} and the values combined left to right by {@code operator}. */
    public int reduce(int identity, IntBinaryOperator operator) {
        Objects.requireNonNull(operator, "operator");
        return (int) (long) run(
                run -> PrimitiveTerminals.reduce(run, identity, (a, b) -> operator.applyAsInt((int) a, (int) b)));
    }

    /** The least value, or empty. */
    public OptionalInt min() {
        return reduce(Math::min);
    }

    /** The greatest value, or empty. */
    public OptionalInt max() {
        return reduce(Math::max);
    }

    /** The first value, or empty; pulls one value. */
    public OptionalInt first() {
        return narrow(run(PrimitiveTerminals::first));
    }

    /** Whether some value matches; stops at the first that does. */
    public boolean anyMatch(IntPredicate predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return run(run -> PrimitiveTerminals.anyMatch(run, value -> predicate.test((int) value)));
    }

    /** Whether every value matches; stops at the first that does not. */
    public boolean allMatch(IntPredicate predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return !anyMatch(predicate.negate());
    }

    /** Whether no value matches; stops at the first that does. */
    public boolean noneMatch(IntPredicate predicate) {
        return !anyMatch(predicate);
    }

    /** Gives each value, in order, to {@code action}. */
    public void forEach(IntConsumer action) {
        Objects.requireNonNull(action, "action");
        run(run -> {
            run.forEachRemaining(value -> action.accept((int) value));
            return null;
        });
    }

    /** All values as a new array. */
    public int[] toArray() {
        long[] values = run(PrimitiveTerminals::toArray);
        int[] narrowed = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            narrowed[i] = (int) values[i];
        }
        return narrowed;
    }

    /** All values, boxed, as an unmodifiable list. */
    public List<Integer> toList() {
        List<Integer> list = new ArrayList<>();
        forEach(list::add);
        return Collections.unmodifiableList(list);
    }
}
