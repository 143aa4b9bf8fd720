package dev.keel.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.IntBinaryOperator;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * A lazy pipeline of {@code int}s: {@link LazyPipeline}'s model (a recipe; each terminal operation is one run that
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
public final class IntPipeline {

    @FunctionalInterface
    interface Opener {
        IntCursor open();
    }

    private final Opener opener;

    IntPipeline(Opener opener) {
        this.opener = opener;
    }

    /** The integers from {@code from} (inclusive) to {@code to} (exclusive); empty when {@code to <= from}. */
    public static IntPipeline range(int from, int to) {
        return new IntPipeline(() -> new IntCursors.Range(from, to));
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
        int[] copy = values.clone();
        return new IntPipeline(() -> new IntCursors.Array(copy));
    }

    IntCursor open() {
        return opener.open();
    }

    /** Each value transformed by {@code mapper}. */
    public IntPipeline map(IntUnaryOperator mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new IntPipeline(() -> new IntCursors.Map(open(), mapper));
    }

    /** The values for which {@code predicate} holds. */
    public IntPipeline filter(IntPredicate predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return new IntPipeline(() -> new IntCursors.Filter(open(), predicate));
    }

    /** The same values, each shown to {@code observer} as it passes. */
    public IntPipeline peek(IntConsumer observer) {
        Objects.requireNonNull(observer, "observer");
        return new IntPipeline(() -> new IntCursors.Peek(open(), observer));
    }

    /** The first {@code n} values; the value after them is never pulled. */
    public IntPipeline take(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("take: n (" + n + ") must not be negative");
        }
        return new IntPipeline(() -> new IntCursors.Take(open(), n));
    }

    /** All but the first {@code n} values. */
    public IntPipeline skip(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("skip: n (" + n + ") must not be negative");
        }
        return new IntPipeline(() -> new IntCursors.Skip(open(), n));
    }

    /** Each value turned into an object. */
    public <R> LazyPipeline<R> mapToObj(IntFunction<? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new LazyPipeline<>(() -> IntCursors.toObjects(open(), mapper));
    }

    /** The values boxed. */
    public LazyPipeline<Integer> boxed() {
        return mapToObj(Integer::valueOf);
    }

    /** The values widened to {@code long}. */
    public LongPipeline asLongPipeline() {
        return new LongPipeline(() -> LongCursors.fromInts(open()));
    }

    private interface IntTerminal<R> {
        R apply(IntCursor run);
    }

    private <R> R run(IntTerminal<R> terminal) {
        try (IntCursor run = open()) {
            return terminal.apply(run);
        }
    }

    /** The exact sum, as a {@code long}; throws {@link ArithmeticException} if it would overflow. */
    public long sum() {
        return run(run -> {
            long[] sum = {0};
            run.forEachRemaining(value -> sum[0] = Math.addExact(sum[0], value));
            return sum[0];
        });
    }

    /** How many values there are. */
    public long count() {
        return run(run -> {
            long[] count = {0};
            run.forEachRemaining(value -> count[0]++);
            return count[0];
        });
    }

    /** The arithmetic mean, or empty when there are no values. */
    public OptionalDouble average() {
        return run(run -> {
            long[] sumAndCount = {0, 0};
            run.forEachRemaining(value -> {
                sumAndCount[0] = Math.addExact(sumAndCount[0], value);
                sumAndCount[1]++;
            });
            return sumAndCount[1] == 0
                    ? OptionalDouble.empty()
                    : OptionalDouble.of((double) sumAndCount[0] / sumAndCount[1]);
        });
    }

    /** The values combined left to right by {@code operator}, or empty. */
    public OptionalInt reduce(IntBinaryOperator operator) {
        Objects.requireNonNull(operator, "operator");
        return run(run -> {
            int[] acc = {0};
            boolean[] any = {false};
            run.forEachRemaining(value -> {
                acc[0] = any[0] ? operator.applyAsInt(acc[0], value) : value;
                any[0] = true;
            });
            return any[0] ? OptionalInt.of(acc[0]) : OptionalInt.empty();
        });
    }

    /** {@code identity} and the values combined left to right by {@code operator}. */
    public int reduce(int identity, IntBinaryOperator operator) {
        Objects.requireNonNull(operator, "operator");
        return run(run -> {
            int[] acc = {identity};
            run.forEachRemaining(value -> acc[0] = operator.applyAsInt(acc[0], value));
            return acc[0];
        });
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
        return run(run -> {
            int[] first = {0};
            return run.tryAdvance(value -> first[0] = value) ? OptionalInt.of(first[0]) : OptionalInt.empty();
        });
    }

    /** Whether some value matches; stops at the first that does. */
    public boolean anyMatch(IntPredicate predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return run(run -> {
            boolean[] found = {false};
            while (!found[0] && run.tryAdvance(value -> found[0] = predicate.test(value))) {
                // stop at the first match
            }
            return found[0];
        });
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
            run.forEachRemaining(action);
            return null;
        });
    }

    /** All values as a new array. */
    public int[] toArray() {
        return run(run -> {
            int[][] buffer = {new int[16]};
            int[] size = {0};
            run.forEachRemaining(value -> {
                if (size[0] == buffer[0].length) {
                    buffer[0] = Arrays.copyOf(buffer[0], size[0] * 2);
                }
                buffer[0][size[0]++] = value;
            });
            return Arrays.copyOf(buffer[0], size[0]);
        });
    }

    /** All values, boxed, as an unmodifiable list. */
    public List<Integer> toList() {
        List<Integer> list = new ArrayList<>();
        forEach(list::add);
        return Collections.unmodifiableList(list);
    }
}
