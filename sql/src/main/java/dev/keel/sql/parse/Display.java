package dev.keel.sql.parse;

import dev.keel.sql.value.Numbers;
import java.util.stream.Collectors;

/** Expressions back as SQL text: the name of an unaliased result column and the text of EXPLAIN. */
public final class Display {

    private Display() {}

    /** {@code e} as SQL. */
    public static String of(Expr e) {
        return switch (e) {
            case Expr.Literal(Object v) -> literal(v);
            case Expr.Parameter p -> "?" + (p.index() + 1);
            case Expr.ColumnRef c -> c.table() == null ? c.column() : c.table() + "." + c.column();
            case Expr.Unary u ->
                switch (u.op()) {
                    case NEGATE -> "-" + of(u.operand());
                    case PLUS -> "+" + of(u.operand());
                    case NOT -> "NOT " + of(u.operand());
                    case BIT_NOT -> "~" + of(u.operand());
                };
            case Expr.Binary b -> of(b.left()) + " " + b.op().symbol() + " " + of(b.right());
            case Expr.IsNull n -> of(n.operand()) + (n.negated() ? " IS NOT NULL" : " IS NULL");
            case Expr.Between b ->
                of(b.operand()) + (b.negated() ? " NOT" : "") + " BETWEEN " + of(b.low()) + " AND " + of(b.high());
            case Expr.InList in ->
                of(in.operand()) + (in.negated() ? " NOT" : "") + " IN ("
                        + in.items().stream().map(Display::of).collect(Collectors.joining(", ")) + ")";
            case Expr.InQuery in -> of(in.operand()) + (in.negated() ? " NOT" : "") + " IN (SELECT ...)";
            case Expr.Exists x -> (x.negated() ? "NOT " : "") + "EXISTS (SELECT ...)";
            case Expr.ScalarQuery q -> "(SELECT ...)";
            case Expr.FunctionCall f ->
                f.name() + "("
                        + (f.star()
                                ? "*"
                                : (f.distinct() ? "DISTINCT " : "")
                                        + f.args().stream().map(Display::of).collect(Collectors.joining(", ")))
                        + ")";
            case Expr.Cast c -> "CAST(" + of(c.operand()) + " AS " + c.typeName() + ")";
            case Expr.Case c -> "CASE ... END";
            case Expr.Like l ->
                of(l.operand()) + (l.negated() ? " NOT" : "") + (l.glob() ? " GLOB " : " LIKE ") + of(l.pattern());
        };
    }

    /** A value as a SQL literal. */
    public static String literal(@org.jspecify.annotations.Nullable Object v) {
        return switch (v) {
            case null -> "NULL";
            case String s -> "'" + s.replace("'", "''") + "'";
            case dev.keel.sql.value.Blob b -> b.toString();
            default -> Numbers.toText(v);
        };
    }
}
