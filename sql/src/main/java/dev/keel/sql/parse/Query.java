package dev.keel.sql.parse;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A query: a body (one SELECT or a compound of several) with ORDER BY and LIMIT. */
public record Query(
        QueryBody body,
        List<OrderItem> orderBy,
        @Nullable Expr limit,
        @Nullable Expr offset) {

    /** The part of a query before ORDER BY. */
    public sealed interface QueryBody {}

    /** One {@code SELECT ... FROM ... WHERE ... GROUP BY ... HAVING ...}. */
    public record SelectCore(
            boolean distinct,
            List<SelectItem> items,
            @Nullable FromItem from,
            @Nullable Expr where,
            List<Expr> groupBy,
            @Nullable Expr having)
            implements QueryBody {}

    /** {@code VALUES (...), (...)}. */
    public record Values(List<List<Expr>> rows) implements QueryBody {}

    /** {@code left UNION|UNION ALL|EXCEPT|INTERSECT right}. */
    public record Compound(SetOp op, QueryBody left, QueryBody right) implements QueryBody {}

    /** Set operators. */
    public enum SetOp {
        UNION,
        UNION_ALL,
        EXCEPT,
        INTERSECT
    }

    /** An item of the select list. */
    public sealed interface SelectItem {}

    /** {@code *} or {@code table.*}. */
    public record Star(@Nullable String table) implements SelectItem {}

    /** {@code expression [AS alias]}. */
    public record ExprItem(Expr expr, @Nullable String alias, String text) implements SelectItem {}

    /** {@code expression [ASC|DESC]}. */
    public record OrderItem(Expr expr, boolean descending) {}

    /** An item of the FROM clause. */
    public sealed interface FromItem {}

    /** A table or view by name. */
    public record TableRef(String name, @Nullable String alias, Position position) implements FromItem {}

    /** {@code (SELECT ...) [AS] alias}. */
    public record DerivedTable(Query query, @Nullable String alias) implements FromItem {}

    /** A join of two FROM items ({@code a, b} is an inner join without a condition). */
    public record Join(
            FromItem left,
            FromItem right,
            JoinKind kind,
            @Nullable Expr on,
            List<String> using) implements FromItem {}

    /** Join kinds. */
    public enum JoinKind {
        INNER,
        LEFT,
        CROSS
    }
}
