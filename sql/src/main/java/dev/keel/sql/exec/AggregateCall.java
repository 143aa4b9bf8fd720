package dev.keel.sql.exec;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import dev.keel.sql.value.Numbers;
import dev.keel.sql.value.ValueKey;
import dev.keel.sql.value.ValueOrder;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One aggregate in a query: COUNT(*), COUNT, SUM, TOTAL, AVG, MIN, MAX or GROUP_CONCAT, optionally over DISTINCT
 * values.
 *
 * <p>SUM of integers is exact and fails on overflow (as SQLite does); AVG and TOTAL are reals; SUM over no non-NULL
 * value is NULL while TOTAL is 0.0.
 *
 * @param function which aggregate
 * @param argument its argument (null for COUNT(*))
 * @param separator GROUP_CONCAT's separator argument, or null for {@code ','}
 * @param distinct whether duplicates are dropped first
 */
public record AggregateCall(
        Function function,
        @Nullable Expression argument,
        @Nullable Expression separator,
        boolean distinct) {

    /** The aggregate functions. */
    public enum Function {
        COUNT,
        SUM,
        TOTAL,
        AVG,
        MIN,
        MAX,
        GROUP_CONCAT;

        /** The aggregate named {@code name}, or null ({@code string_agg} is GROUP_CONCAT). */
        public static @Nullable Function named(String name) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (upper.equals("STRING_AGG")) {
                return GROUP_CONCAT;
            }
            for (Function f : values()) {
                if (f.name().equals(upper)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** A fresh accumulator for one group. */
    Accumulator start() {
        return new Accumulator(this);
    }

    /** SQL text for EXPLAIN. */
    public String describe() {
        String name = function.name().toLowerCase(Locale.ROOT);
        return argument == null ? name + "(*)" : name + "(" + (distinct ? "DISTINCT " : "") + argument.describe() + ")";
    }

    /** The running state of one aggregate in one group. Not thread-safe. */
    static final class Accumulator {
        private final AggregateCall call;
        private final @Nullable Set<ValueKey> seen;
        private long count;
        private long integerSum;
        private double realSum;
        private boolean real;
        private boolean overflow;
        private @Nullable Object extreme;
        private @Nullable StringBuilder text;

        Accumulator(AggregateCall call) {
            this.call = call;
            this.seen = call.distinct ? new HashSet<>() : null;
        }

        void add(Frame frame) {
            if (call.argument == null) {
                count++;
                return;
            }
            Object v = call.argument.eval(frame);
            if (v == null || (seen != null && !seen.add(ValueKey.of(v)))) {
                return;
            }
            count++;
            switch (call.function) {
                case COUNT -> {}
                case SUM, TOTAL, AVG -> addNumber(v);
                case MIN -> extreme = extreme == null || ValueOrder.compareValues(v, extreme) < 0 ? v : extreme;
                case MAX -> extreme = extreme == null || ValueOrder.compareValues(v, extreme) > 0 ? v : extreme;
                case GROUP_CONCAT -> {
                    String separator = ",";
                    if (call.separator != null) {
                        separator = String.valueOf(Numbers.toText(call.separator.eval(frame)));
                    }
                    if (text == null) {
                        text = new StringBuilder();
                    } else {
                        text.append(separator);
                    }
                    text.append(Numbers.toText(v));
                }
            }
        }

        private void addNumber(Object v) {
            Object n = Numbers.toNumeric(v);
            if (n instanceof Long l && !real) {
                try {
                    integerSum = Math.addExact(integerSum, l);
                } catch (ArithmeticException e) {
                    overflow = true;
                }
                realSum += l;
            } else {
                real = true;
                realSum += Numbers.toDouble(n);
            }
        }

        @Nullable
        Object result() {
            return switch (call.function) {
                case COUNT -> count;
                case SUM -> {
                    if (count == 0) {
                        yield null;
                    }
                    if (overflow) {
                        throw new SqlException(SqlError.NUMERIC_OVERFLOW, "integer overflow in " + call.describe());
                    }
                    yield real ? (Object) realSum : (Object) integerSum;
                }
                case TOTAL -> realSum;
                case AVG -> count == 0 ? null : realSum / count;
                case MIN, MAX -> extreme;
                case GROUP_CONCAT -> text == null ? null : text.toString();
            };
        }
    }
}
