package dev.keel.sql.exec;

import dev.keel.sql.parse.Expr.BinaryOp;
import dev.keel.sql.value.Affinity;
import dev.keel.sql.value.Arithmetic;
import dev.keel.sql.value.Numbers;
import dev.keel.sql.value.ValueOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bound expression: names resolved to row positions, ready to evaluate against a {@link Frame}. Conditions follow
 * SQL's three-valued logic: true is 1, false is 0, unknown is NULL.
 *
 * <p>Immutable; evaluation is thread-confined to the statement's thread.
 */
public interface Expression {

    /** The value of this expression for the frame's row. */
    @Nullable
    Object eval(Frame frame);

    /** The affinity comparisons apply to the other operand (a column's, a CAST's; BLOB means none). */
    default Affinity affinity() {
        return Affinity.BLOB;
    }

    /** SQL text for EXPLAIN. */
    String describe();

    /** Whether the value can change from row to row (or execution to execution). */
    default boolean isConstant() {
        return false;
    }

    /** A truth value as SQL's 1, 0 or NULL. */
    static @Nullable Object truth(@Nullable Boolean b) {
        return b == null ? null : (b ? 1L : 0L);
    }

    /** A constant. */
    record Constant(@Nullable Object value) implements Expression {
        @Override
        public @Nullable Object eval(Frame frame) {
            return value;
        }

        @Override
        public boolean isConstant() {
            return true;
        }

        @Override
        public String describe() {
            return dev.keel.sql.parse.Display.literal(value);
        }
    }

    /** A {@code ?} parameter. */
    record ParameterValue(int index) implements Expression {
        @Override
        public @Nullable Object eval(Frame frame) {
            return frame.context().parameter(index);
        }

        @Override
        public String describe() {
            return "?" + (index + 1);
        }
    }

    /** A column of the current row ({@code depth} 0) or of an enclosing query's row. */
    record ColumnValue(int depth, int index, Affinity affinity, String name) implements Expression {
        @Override
        public @Nullable Object eval(Frame frame) {
            return depth == 0 ? frame.row[index] : frame.up(depth).row[index];
        }

        @Override
        public String describe() {
            return name;
        }
    }

    /** {@code -e}, {@code ~e}. */
    record UnaryOperator(boolean bitNot, Expression operand) implements Expression {
        @Override
        public @Nullable Object eval(Frame frame) {
            Object v = operand.eval(frame);
            if (!bitNot) {
                return Arithmetic.negate(v);
            }
            Object n = Affinity.INTEGER.cast(v);
            return n == null ? null : ~(Long) n;
        }

        @Override
        public String describe() {
            return (bitNot ? "~" : "-") + operand.describe();
        }
    }

    /** {@code +e}: the value unchanged, without the operand's affinity. */
    record Positive(Expression operand) implements Expression {
        @Override
        public @Nullable Object eval(Frame frame) {
            return operand.eval(frame);
        }

        @Override
        public String describe() {
            return "+" + operand.describe();
        }
    }

    /** {@code + - * / %}. */
    record ArithmeticOperator(Arithmetic.Op op, Expression left, Expression right) implements Expression {
        @Override
        public @Nullable Object eval(Frame frame) {
            return Arithmetic.apply(op, left.eval(frame), right.eval(frame));
        }

        @Override
        public String describe() {
            return "(" + left.describe() + " " + op.symbol() + " " + right.describe() + ")";
        }
    }

    /** {@code ||}, {@code &}, {@code |}, {@code <<}, {@code >>}. */
    record TextOrBitOperator(BinaryOp op, Expression left, Expression right) implements Expression {
        @Override
        public @Nullable Object eval(Frame frame) {
            Object l = left.eval(frame);
            Object r = right.eval(frame);
            if (op == BinaryOp.CONCAT) {
                return Arithmetic.concat(l, r);
            }
            Object a = Affinity.INTEGER.cast(l);
            Object b = Affinity.INTEGER.cast(r);
            if (a == null || b == null) {
                return null;
            }
            long x = (Long) a;
            long y = (Long) b;
            return switch (op) {
                case BIT_AND -> x & y;
                case BIT_OR -> x | y;
                case SHIFT_LEFT -> y >= 64 ? 0L : (y <= -64 ? (x < 0 ? -1L : 0L) : (y >= 0 ? x << y : x >> -y));
                case SHIFT_RIGHT -> y >= 64 ? (x < 0 ? -1L : 0L) : (y <= -64 ? 0L : (y >= 0 ? x >> y : x << -y));
                default -> throw new IllegalStateException("not a text or bit operator: " + op);
            };
        }

        @Override
        public String describe() {
            return "(" + left.describe() + " " + op.symbol() + " " + right.describe() + ")";
        }
    }

    /**
     * A comparison, with the conversions SQLite's affinity rules call for: when one side is a column with numeric
     * affinity, numeric text on the other side is compared as a number; when one side has TEXT affinity and the
     * other none, the other is compared as text.
     */
    record Comparison(
            BinaryOp op,
            Expression left,
            Expression right,
            @Nullable Affinity leftConversion,
            @Nullable Affinity rightConversion)
            implements Expression {

        /** A comparison with the conversions the operands' affinities imply. */
        public static Comparison of(BinaryOp op, Expression left, Expression right) {
            Affinity l = left.affinity();
            Affinity r = right.affinity();
            Affinity leftConversion = null;
            Affinity rightConversion = null;
            if (l.isNumeric() && !r.isNumeric()) {
                rightConversion = Affinity.NUMERIC;
            } else if (r.isNumeric() && !l.isNumeric()) {
                leftConversion = Affinity.NUMERIC;
            } else if (l == Affinity.TEXT && r == Affinity.BLOB) {
                rightConversion = Affinity.TEXT;
            } else if (r == Affinity.TEXT && l == Affinity.BLOB) {
                leftConversion = Affinity.TEXT;
            }
            return new Comparison(op, left, right, leftConversion, rightConversion);
        }

        @Override
        public @Nullable Object eval(Frame frame) {
            Object a = left.eval(frame);
            Object b = right.eval(frame);
            if (leftConversion != null) {
                a = leftConversion.apply(a);
            }
            if (rightConversion != null) {
                b = rightConversion.apply(b);
            }
            if (op == BinaryOp.IS || op == BinaryOp.IS_NOT) {
                boolean same = ValueOrder.compareValues(a, b) == 0 && (a == null) == (b == null);
                return (op == BinaryOp.IS) == same ? 1L : 0L;
            }
            if (a == null || b == null) {
                return null;
            }
            int c = ValueOrder.compareValues(a, b);
            boolean result = switch (op) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                default -> throw new IllegalStateException("not a comparison: " + op);
            };
            return result ? 1L : 0L;
        }

        @Override
        public String describe() {
            return left.describe() + " " + op.symbol() + " " + right.describe();
        }
    }

    /** {@code AND} / {@code OR} over any number of operands, with three-valued logic and short-circuiting. */
    record Logical(boolean and, List<Expression> operands) implements Expression {
        @Override
        public @Nullable Object eval(Frame frame) {
            boolean unknown = false;
            for (Expression operand : operands) {
                Boolean b = Numbers.truth(operand.eval(frame));
                if (b == null) {
                    unknown = true;
                } else if (b != and) {
                    return and ? 0L : 1L;
                }
            }
            return unknown ? null : (and ? 1L : 0L);
        }

        @Override
        public String describe() {
            return "("
                    + String.join(
                            and ? " AND " : " OR ",
                            operands.stream().map(Expression::describe).toList()) + ")";
        }
    }

    /** {@code NOT e}. */
    record Not(Expression operand) implements Expression {
        @Override
        public @Nullable Object eval(Frame frame) {
            Boolean b = Numbers.truth(operand.eval(frame));
            return b == null ? null : (b ? 0L : 1L);
        }

        @Override
        public String describe() {
            return "NOT " + operand.describe();
        }
    }

    /** {@code e IS [NOT] NULL}. */
    record IsNull(Expression operand, boolean negated) implements Expression {
        @Override
        public @Nullable Object eval(Frame frame) {
            return (operand.eval(frame) == null) != negated ? 1L : 0L;
        }

        @Override
        public String describe() {
            return operand.describe() + (negated ? " IS NOT NULL" : " IS NULL");
        }
    }

    /** {@code CAST(e AS type)}. */
    record Cast(Expression operand, Affinity target, String typeName) implements Expression {
        @Override
        public @Nullable Object eval(Frame frame) {
            return target.cast(operand.eval(frame));
        }

        @Override
        public Affinity affinity() {
            return target;
        }

        @Override
        public String describe() {
            return "CAST(" + operand.describe() + " AS " + typeName + ")";
        }
    }

    /** {@code CASE}: with an operand, each WHEN is compared to it with {@code =}. */
    record Case(
            @Nullable Expression operand,
            List<Expression> conditions,
            List<Expression> results,
            @Nullable Expression otherwise)
            implements Expression {
        @Override
        public @Nullable Object eval(Frame frame) {
            Object base = operand == null ? null : operand.eval(frame);
            for (int i = 0; i < conditions.size(); i++) {
                Object c = conditions.get(i).eval(frame);
                boolean hit = operand == null
                        ? Boolean.TRUE.equals(Numbers.truth(c))
                        : base != null && c != null && ValueOrder.compareValues(base, c) == 0;
                if (hit) {
                    return results.get(i).eval(frame);
                }
            }
            return otherwise == null ? null : otherwise.eval(frame);
        }

        @Override
        public String describe() {
            return "CASE ... END";
        }
    }
}
