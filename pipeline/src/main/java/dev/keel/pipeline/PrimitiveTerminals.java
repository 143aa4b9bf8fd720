package dev.keel.pipeline;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.LongBinaryOperator;
import java.util.function.LongPredicate;

/**
 * The terminal operations of {@link IntPipeline} and {@link LongPipeline}, over the one primitive core they share: a
 * {@link LongCursor} (an {@code IntPipeline}'s values are {@code int}s carried as {@code long}s). Each takes an open run;
 * the pipeline closes it.
 */
final class PrimitiveTerminals {

    private PrimitiveTerminals() {}

    /** The exact sum; throws {@link ArithmeticException} rather than wrap around. */
    static long sum(LongCursor run) {
        return run.fold(0, Math::addExact);
    }

    static long count(LongCursor run) {
        return run.fold(0, (count, value) -> count + 1);
    }

    static OptionalDouble average(LongCursor run) {
        long[] sumAndCount = {0, 0};
        run.forEachRemaining(value -> {
            sumAndCount[0] = Math.addExact(sumAndCount[0], value);
            sumAndCount[1]++;
        });
        return sumAndCount[1] == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of((double) sumAndCount[0] / sumAndCount[1]);
    }

    static OptionalLong reduce(LongCursor run, LongBinaryOperator operator) {
        long[] acc = {0};
        boolean[] any = {false};
        run.forEachRemaining(value -> {
            acc[0] = any[0] ? operator.applyAsLong(acc[0], value) : value;
            any[0] = true;
        });
        return any[0] ? OptionalLong.of(acc[0]) : OptionalLong.empty();
    }

    static long reduce(LongCursor run, long identity, LongBinaryOperator operator) {
        return run.fold(identity, operator);
    }

    /** The first value; pulls one. */
    static OptionalLong first(LongCursor run) {
        long[] first = {0};
        return run.tryAdvance(value -> first[0] = value) ? OptionalLong.of(first[0]) : OptionalLong.empty();
    }

    /** Whether some value matches; stops at the first that does. */
    static boolean anyMatch(LongCursor run, LongPredicate predicate) {
        boolean[] found = {false};
        while (!found[0] && run.tryAdvance(value -> found[0] = predicate.test(value))) {
            // stop at the first match
        }
        return found[0];
    }

    static long[] toArray(LongCursor run) {
        long[][] buffer = {new long[16]};
        int[] size = {0};
        run.forEachRemaining(value -> {
            if (size[0] == buffer[0].length) {
                buffer[0] = Arrays.copyOf(buffer[0], Math.multiplyExact(size[0], 2));
            }
            buffer[0][size[0]++] = value;
        });
        return Arrays.copyOf(buffer[0], size[0]);
    }
}
