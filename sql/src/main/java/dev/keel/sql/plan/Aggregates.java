package dev.keel.sql.plan;

import dev.keel.sql.exec.AggregateCall;
import dev.keel.sql.parse.Expr;

/** Finds aggregate calls in an expression (not inside its subqueries, which aggregate on their own). */
final class Aggregates {

    private Aggregates() {}

    static boolean contains(Expr e) {
        return switch (e) {
            case Expr.FunctionCall f -> {
                AggregateCall.Function function = AggregateCall.Function.named(f.name());
                boolean aggregate = function != null
                        && (f.star()
                                || f.args().size() == 1
                                || (function == AggregateCall.Function.GROUP_CONCAT
                                        && f.args().size() == 2));
                yield aggregate || f.args().stream().anyMatch(Aggregates::contains);
            }
            case Expr.Unary u -> contains(u.operand());
            case Expr.Binary b -> contains(b.left()) || contains(b.right());
            case Expr.IsNull n -> contains(n.operand());
            case Expr.Between b -> contains(b.operand()) || contains(b.low()) || contains(b.high());
            case Expr.InList in -> contains(in.operand()) || in.items().stream().anyMatch(Aggregates::contains);
            case Expr.InQuery in -> contains(in.operand());
            case Expr.Cast c -> contains(c.operand());
            case Expr.Case c ->
                (c.operand() != null && contains(c.operand()))
                        || c.whens().stream().anyMatch(w -> contains(w.condition()) || contains(w.result()))
                        || (c.otherwise() != null && contains(c.otherwise()));
            case Expr.Like l -> contains(l.operand()) || contains(l.pattern());
            case Expr.Literal l -> false;
            case Expr.Parameter p -> false;
            case Expr.ColumnRef c -> false;
            case Expr.Exists x -> false;
            case Expr.ScalarQuery q -> false;
        };
    }
}
