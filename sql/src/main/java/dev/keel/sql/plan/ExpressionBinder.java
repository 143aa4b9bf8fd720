package dev.keel.sql.plan;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import dev.keel.sql.exec.AggregateCall;
import dev.keel.sql.exec.ExecutionContext;
import dev.keel.sql.exec.Expression;
import dev.keel.sql.exec.Frame;
import dev.keel.sql.exec.FunctionCall;
import dev.keel.sql.exec.InList;
import dev.keel.sql.exec.Like;
import dev.keel.sql.exec.PlanNode;
import dev.keel.sql.exec.ScalarFunction;
import dev.keel.sql.exec.Subqueries;
import dev.keel.sql.parse.Display;
import dev.keel.sql.parse.Expr;
import dev.keel.sql.parse.Expr.BinaryOp;
import dev.keel.sql.parse.Query;
import dev.keel.sql.value.Affinity;
import dev.keel.sql.value.Arithmetic;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The binder: resolves an expression's names against a {@link Scope} and turns it into an executable
 * {@link Expression}, folding constant subexpressions ({@code 2 * 3 + 1} becomes 7 once, not per row) and planning
 * its subqueries. For every expression it binds it remembers which FROM sources it reads (a bit mask), which the
 * planner uses for predicate pushdown and join keys.
 *
 * <p>Not thread-safe: one per query being planned.
 */
final class ExpressionBinder {

    private static final Frame CONSTANT_FRAME = new Frame(null, new ExecutionContext(new Object[0]));

    private final Scope scope;
    private final QueryPlanner planner;
    private final Map<Expression, Long> masks = new IdentityHashMap<>();
    private @Nullable List<AggregateCall> aggregates;

    ExpressionBinder(Scope scope, QueryPlanner planner) {
        this.scope = scope;
        this.planner = planner;
    }

    /** From now on, aggregate calls are collected into {@code calls} (select list, HAVING, ORDER BY). */
    void collectAggregates(List<AggregateCall> calls) {
        this.aggregates = calls;
    }

    /** The sources {@code e} (bound here) reads, or -1 if unknown (it contains a subquery). */
    long mask(Expression e) {
        Long m = masks.get(e);
        return m == null ? -1L : m;
    }

    Expression bind(Expr expr) {
        long saved = scope.referenced();
        scope.setReferenced(0);
        Expression bound = bindNode(expr);
        long mask = scope.referenced();
        masks.put(bound, containsSubquery(expr) ? -1L : mask);
        scope.setReferenced(saved | mask);
        return bound;
    }

    private static boolean containsSubquery(Expr e) {
        return switch (e) {
            case Expr.InQuery q -> true;
            case Expr.Exists x -> true;
            case Expr.ScalarQuery q -> true;
            case Expr.Unary u -> containsSubquery(u.operand());
            case Expr.Binary b -> containsSubquery(b.left()) || containsSubquery(b.right());
            case Expr.Cast c -> containsSubquery(c.operand());
            default -> false;
        };
    }

    private Expression bindNode(Expr expr) {
        return switch (expr) {
            case Expr.Literal(Object value) -> new Expression.Constant(value);
            case Expr.Parameter(int index) -> new Expression.ParameterValue(index);
            case Expr.ColumnRef ref -> bindColumn(ref);
            case Expr.Unary u ->
                fold(
                        switch (u.op()) {
                            case NEGATE -> new Expression.UnaryOperator(false, bind(u.operand()));
                            case BIT_NOT -> new Expression.UnaryOperator(true, bind(u.operand()));
                            case PLUS -> new Expression.Positive(bind(u.operand()));
                            case NOT -> new Expression.Not(bind(u.operand()));
                        },
                        List.of(u.operand()));
            case Expr.Binary b -> fold(bindBinary(b), List.of(b.left(), b.right()));
            case Expr.IsNull n -> fold(new Expression.IsNull(bind(n.operand()), n.negated()), List.of(n.operand()));
            case Expr.Between b -> {
                Expression operand = bind(b.operand());
                Expression range = new Expression.Logical(
                        true,
                        List.of(
                                Expression.Comparison.of(BinaryOp.GE, operand, bind(b.low())),
                                Expression.Comparison.of(BinaryOp.LE, operand, bind(b.high()))));
                yield fold(b.negated() ? new Expression.Not(range) : range, List.of(b.operand(), b.low(), b.high()));
            }
            case Expr.InList in -> {
                List<Expression> items = new ArrayList<>();
                for (Expr item : in.items()) {
                    items.add(bind(item));
                }
                List<Expr> all = new ArrayList<>(in.items());
                all.add(in.operand());
                yield fold(new InList(bind(in.operand()), List.copyOf(items), in.negated()), all);
            }
            case Expr.InQuery in -> {
                Expression operand = bind(in.operand());
                Planned sub = planSubquery(in.query());
                yield new Subqueries.In(operand, sub.root(), in.negated(), sub.correlated());
            }
            case Expr.Exists x -> {
                Planned sub = planSubquery(x.query(), false);
                yield new Subqueries.Exists(sub.root(), x.negated(), sub.correlated());
            }
            case Expr.ScalarQuery q -> {
                Planned sub = planSubquery(q.query());
                yield new Subqueries.Scalar(sub.root(), sub.correlated());
            }
            case Expr.FunctionCall f -> bindCall(f);
            case Expr.Cast c ->
                fold(
                        new Expression.Cast(bind(c.operand()), Affinity.ofTypeName(c.typeName()), c.typeName()),
                        List.of(c.operand()));
            case Expr.Case c -> bindCase(c);
            case Expr.Like l -> {
                List<Expr> parts = new ArrayList<>(List.of(l.operand(), l.pattern()));
                if (l.escape() != null) {
                    parts.add(l.escape());
                }
                yield fold(
                        new Like(
                                bind(l.operand()),
                                bind(l.pattern()),
                                l.escape() == null ? null : bind(l.escape()),
                                l.negated(),
                                l.glob()),
                        parts);
            }
        };
    }

    private Expression bindColumn(Expr.ColumnRef ref) {
        Expression.ColumnValue column = scope.resolve(ref.table(), ref.column());
        if (column != null) {
            return column;
        }
        if (ref.table() == null) {
            Expr aliased = scope.outputAlias(ref.column());
            if (aliased != null
                    && !(aliased instanceof Expr.ColumnRef c && c.column().equalsIgnoreCase(ref.column()))) {
                return bind(aliased);
            }
        }
        String name = ref.table() == null ? ref.column() : ref.table() + "." + ref.column();
        throw new SqlException(
                SqlError.UNKNOWN_COLUMN,
                "no such column: " + name + " at " + ref.position() + " (columns in scope: " + scope.describeSources()
                        + ")");
    }

    private Expression bindBinary(Expr.Binary b) {
        if (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR) {
            List<Expression> operands = new ArrayList<>();
            flatten(b, b.op(), operands);
            return new Expression.Logical(b.op() == BinaryOp.AND, List.copyOf(operands));
        }
        Expression left = bind(b.left());
        Expression right = bind(b.right());
        return switch (b.op()) {
            case ADD -> new Expression.ArithmeticOperator(Arithmetic.Op.ADD, left, right);
            case SUBTRACT -> new Expression.ArithmeticOperator(Arithmetic.Op.SUBTRACT, left, right);
            case MULTIPLY -> new Expression.ArithmeticOperator(Arithmetic.Op.MULTIPLY, left, right);
            case DIVIDE -> new Expression.ArithmeticOperator(Arithmetic.Op.DIVIDE, left, right);
            case REMAINDER -> new Expression.ArithmeticOperator(Arithmetic.Op.REMAINDER, left, right);
            case CONCAT, BIT_AND, BIT_OR, SHIFT_LEFT, SHIFT_RIGHT ->
                new Expression.TextOrBitOperator(b.op(), left, right);
            case EQ, NE, LT, LE, GT, GE, IS, IS_NOT -> Expression.Comparison.of(b.op(), left, right);
            case AND, OR -> throw new IllegalStateException("handled above");
        };
    }

    private void flatten(Expr e, BinaryOp op, List<Expression> into) {
        if (e instanceof Expr.Binary b && b.op() == op) {
            flatten(b.left(), op, into);
            flatten(b.right(), op, into);
        } else {
            into.add(bind(e));
        }
    }

    private Expression bindCall(Expr.FunctionCall f) {
        AggregateCall.Function aggregate = AggregateCall.Function.named(f.name());
        boolean isAggregate = aggregate != null
                && (f.star()
                        || f.args().size() == 1
                        || (aggregate == AggregateCall.Function.GROUP_CONCAT
                                && f.args().size() == 2));
        if (isAggregate) {
            return bindAggregate(f, aggregate);
        }
        ScalarFunction function = ScalarFunction.named(f.name());
        if (function == null) {
            throw new SqlException(SqlError.UNKNOWN_OBJECT, "no such function: " + f.name() + " at " + f.position());
        }
        if (f.star() || f.distinct()) {
            throw new SqlException(
                    SqlError.INVALID_STATEMENT,
                    f.name() + "() is not an aggregate, so it takes neither * nor DISTINCT");
        }
        function.checkArity(f.args().size());
        List<Expression> args = new ArrayList<>();
        for (Expr arg : f.args()) {
            args.add(bind(arg));
        }
        return fold(new FunctionCall(function, List.copyOf(args)), f.args());
    }

    private Expression bindAggregate(Expr.FunctionCall f, AggregateCall.Function function) {
        if (aggregates == null) {
            throw new SqlException(
                    SqlError.INVALID_STATEMENT,
                    "misuse of aggregate function " + Display.of(f) + " at " + f.position()
                            + " (aggregates are allowed in the select list, HAVING and ORDER BY)");
        }
        if (f.star() && function != AggregateCall.Function.COUNT) {
            throw new SqlException(SqlError.INVALID_STATEMENT, f.name() + "(*) is not allowed; only count(*)");
        }
        if (f.distinct() && f.args().size() != 1) {
            throw new SqlException(
                    SqlError.INVALID_STATEMENT,
                    "DISTINCT aggregates must have exactly one argument: " + Display.of(f) + " at " + f.position());
        }
        List<AggregateCall> calls = aggregates;
        aggregates = null;
        int index;
        try {
            Expression argument = f.star() ? null : bind(f.args().getFirst());
            Expression separator = f.args().size() == 2 ? bind(f.args().get(1)) : null;
            AggregateCall call = new AggregateCall(function, argument, separator, f.distinct());
            index = calls.indexOf(call);
            if (index < 0) {
                calls.add(call);
                index = calls.size() - 1;
            }
        } finally {
            aggregates = calls;
        }
        int slot = scope.width() + index;
        return new Expression.ColumnValue(0, slot, Affinity.BLOB, Display.of(f));
    }

    private Expression bindCase(Expr.Case c) {
        Expression operand = c.operand() == null ? null : bind(c.operand());
        List<Expression> conditions = new ArrayList<>();
        List<Expression> results = new ArrayList<>();
        for (Expr.When w : c.whens()) {
            conditions.add(bind(w.condition()));
            results.add(bind(w.result()));
        }
        Expression otherwise = c.otherwise() == null ? null : bind(c.otherwise());
        return new Expression.Case(operand, List.copyOf(conditions), List.copyOf(results), otherwise);
    }

    private Planned planSubquery(Query query) {
        return planSubquery(query, true);
    }

    private Planned planSubquery(Query query, boolean singleColumn) {
        QueryPlanner.Result result = planner.plan(query, scope);
        if (singleColumn && result.columnNames().size() != 1) {
            throw new SqlException(
                    SqlError.INVALID_STATEMENT,
                    "sub-select returns " + result.columnNames().size() + " columns - expected 1");
        }
        return new Planned(result.root(), result.correlated());
    }

    private record Planned(PlanNode root, boolean correlated) {}

    /**
     * {@code e} as a constant when every operand is one (constant folding); kept as is when evaluating it fails, so
     * the error surfaces only if a row actually evaluates it.
     */
    private Expression fold(Expression e, List<Expr> operands) {
        for (Expr operand : operands) {
            if (!(operand instanceof Expr.Literal)) {
                if (!isFoldedConstant(operand)) {
                    return e;
                }
            }
        }
        try {
            return new Expression.Constant(e.eval(CONSTANT_FRAME));
        } catch (SqlException | ArithmeticException notConstant) {
            return e;
        }
    }

    private static boolean isFoldedConstant(Expr e) {
        return switch (e) {
            case Expr.Literal l -> true;
            case Expr.Unary u -> isFoldedConstant(u.operand());
            case Expr.Binary b -> isFoldedConstant(b.left()) && isFoldedConstant(b.right());
            case Expr.Cast c -> isFoldedConstant(c.operand());
            case Expr.IsNull n -> isFoldedConstant(n.operand());
            case Expr.Between b ->
                isFoldedConstant(b.operand()) && isFoldedConstant(b.low()) && isFoldedConstant(b.high());
            case Expr.InList in ->
                isFoldedConstant(in.operand()) && in.items().stream().allMatch(ExpressionBinder::isFoldedConstant);
            case Expr.FunctionCall f ->
                AggregateCall.Function.named(f.name()) == null
                        && ScalarFunction.named(f.name()) != null
                        && f.args().stream().allMatch(ExpressionBinder::isFoldedConstant);
            default -> false;
        };
    }
}
