package dev.keel.sql.parse;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** An expression as written, before names are resolved: the parser's output, the binder's input. */
public sealed interface Expr {

    /** A constant: null, {@code Long}, {@code Double} or {@code String}. */
    record Literal(@Nullable Object value) implements Expr {}

    /** A {@code ?} parameter, 0-based. */
    record Parameter(int index) implements Expr {}

    /** {@code [table.]column}. */
    record ColumnRef(@Nullable String table, String column, Position position) implements Expr {}

    /** A unary operator. */
    record Unary(UnaryOp op, Expr operand) implements Expr {}

    /** A binary operator. */
    record Binary(BinaryOp op, Expr left, Expr right) implements Expr {}

    /** {@code e IS [NOT] NULL}. */
    record IsNull(Expr operand, boolean negated) implements Expr {}

    /** {@code e [NOT] BETWEEN low AND high}. */
    record Between(Expr operand, Expr low, Expr high, boolean negated) implements Expr {}

    /** {@code e [NOT] IN (items...)}. */
    record InList(Expr operand, List<Expr> items, boolean negated) implements Expr {}

    /** {@code e [NOT] IN (SELECT ...)}, also {@code e IN table}. */
    record InQuery(Expr operand, Query query, boolean negated) implements Expr {}

    /** {@code [NOT] EXISTS (SELECT ...)}. */
    record Exists(Query query, boolean negated) implements Expr {}

    /** {@code (SELECT ...)} as a value. */
    record ScalarQuery(Query query) implements Expr {}

    /** {@code name([DISTINCT] args)} or {@code name(*)}. */
    record FunctionCall(String name, List<Expr> args, boolean distinct, boolean star, Position position)
            implements Expr {}

    /** {@code CAST(e AS type)}. */
    record Cast(Expr operand, String typeName) implements Expr {}

    /** {@code CASE [operand] WHEN ... THEN ... [ELSE ...] END}. */
    record Case(
            @Nullable Expr operand,
            List<When> whens,
            @Nullable Expr otherwise) implements Expr {}

    /** One {@code WHEN condition THEN result} arm. */
    record When(Expr condition, Expr result) {}

    /** {@code e [NOT] LIKE pattern [ESCAPE c]}, or GLOB. */
    record Like(Expr operand, Expr pattern, @Nullable Expr escape, boolean negated, boolean glob) implements Expr {}

    /** Unary operators. */
    enum UnaryOp {
        NEGATE,
        PLUS,
        NOT,
        BIT_NOT
    }

    /** Binary operators, from arithmetic to logic. */
    enum BinaryOp {
        ADD("+"),
        SUBTRACT("-"),
        MULTIPLY("*"),
        DIVIDE("/"),
        REMAINDER("%"),
        CONCAT("||"),
        EQ("="),
        NE("<>"),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">="),
        IS("IS"),
        IS_NOT("IS NOT"),
        AND("AND"),
        OR("OR"),
        BIT_AND("&"),
        BIT_OR("|"),
        SHIFT_LEFT("<<"),
        SHIFT_RIGHT(">>");

        private final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written. */
        public String symbol() {
            return symbol;
        }

        /** Whether this is one of the six comparisons. */
        public boolean isComparison() {
            return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal();
        }
    }
}
