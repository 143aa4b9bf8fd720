package dev.keel.sql.value;

import org.jspecify.annotations.Nullable;

/**
 * SQL arithmetic with SQLite's rules: NULL in, NULL out; text operands are read for their numeric prefix; two
 * integers give an integer (division truncates toward zero, an overflowing result becomes a real, division or
 * remainder by zero is NULL); any real operand makes the result real.
 */
public final class Arithmetic {

    private Arithmetic() {}

    /** The arithmetic operators. */
    public enum Op {
        ADD("+"),
        SUBTRACT("-"),
        MULTIPLY("*"),
        DIVIDE("/"),
        REMAINDER("%");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in SQL. */
        public String symbol() {
            return symbol;
        }
    }

    /** {@code a op b}. */
    public static @Nullable Object apply(Op op, @Nullable Object a, @Nullable Object b) {
        Object x = Numbers.toNumeric(a);
        Object y = Numbers.toNumeric(b);
        if (x == null || y == null) {
            return null;
        }
        if (x instanceof Long l && y instanceof Long r) {
            return integers(op, l, r);
        }
        double l = Numbers.toDouble(x);
        double r = Numbers.toDouble(y);
        return switch (op) {
            case ADD -> l + r;
            case SUBTRACT -> l - r;
            case MULTIPLY -> l * r;
            case DIVIDE -> r == 0 ? null : l / r;
            case REMAINDER -> {
                long li = (long) l;
                long ri = (long) r;
                yield ri == 0 ? null : (double) (li % ri);
            }
        };
    }

    private static @Nullable Object integers(Op op, long l, long r) {
        return switch (op) {
            case ADD -> {
                long s = l + r;
                yield ((l ^ s) & (r ^ s)) < 0 ? (Object) ((double) l + (double) r) : (Object) s;
            }
            case SUBTRACT -> {
                long s = l - r;
                yield ((l ^ r) & (l ^ s)) < 0 ? (Object) ((double) l - (double) r) : (Object) s;
            }
            case MULTIPLY -> {
                long hi = Math.multiplyHigh(l, r);
                long lo = l * r;
                yield (hi == 0 && lo >= 0) || (hi == -1 && lo < 0) ? (Object) lo : (Object) ((double) l * (double) r);
            }
            case DIVIDE -> {
                if (r == 0) {
                    yield null;
                }
                if (l == Long.MIN_VALUE && r == -1) {
                    yield (Object) (-(double) l);
                }
                yield l / r;
            }
            case REMAINDER -> {
                if (r == 0) {
                    yield null;
                }
                yield r == -1 ? 0L : l % r;
            }
        };
    }

    /** {@code -a}. */
    public static @Nullable Object negate(@Nullable Object a) {
        Object x = Numbers.toNumeric(a);
        return switch (x) {
            case null -> null;
            case Long l -> l == Long.MIN_VALUE ? (Object) (-(double) l) : (Object) (-l);
            case Double d -> -d;
            default -> throw new IllegalStateException("not numeric: " + x);
        };
    }

    /** {@code a || b}: both as text, NULL if either is NULL. */
    public static @Nullable Object concat(@Nullable Object a, @Nullable Object b) {
        if (a == null || b == null) {
            return null;
        }
        return Numbers.toText(a) + Numbers.toText(b);
    }
}
