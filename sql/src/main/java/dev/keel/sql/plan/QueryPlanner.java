package dev.keel.sql.plan;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import dev.keel.sql.exec.Aggregate;
import dev.keel.sql.exec.AggregateCall;
import dev.keel.sql.exec.Expression;
import dev.keel.sql.exec.PlanNode;
import dev.keel.sql.exec.RowOperators;
import dev.keel.sql.exec.SetOperation;
import dev.keel.sql.parse.Expr;
import dev.keel.sql.parse.Query;
import dev.keel.sql.parse.Query.FromItem;
import dev.keel.sql.storage.Catalog;
import dev.keel.sql.storage.ColumnSchema;
import dev.keel.sql.storage.TableStore;
import dev.keel.sql.storage.ViewDefinition;
import dev.keel.sql.value.Affinity;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Plans a query: binds each SELECT's names ({@link ExpressionBinder}), plans its FROM and WHERE as joins over access
 * paths ({@link JoinPlanner}), then stacks aggregation, HAVING, projection, DISTINCT, ORDER BY and LIMIT on top;
 * compound queries combine their parts with a {@link SetOperation}.
 *
 * <p>Not thread-safe: one per statement being planned; it reads the catalog, which the caller keeps still.
 */
public final class QueryPlanner {

    private final Catalog catalog;
    private int viewDepth;

    /** A planner over {@code catalog}. */
    public QueryPlanner(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * A planned query.
     *
     * @param root the plan's root operator; its rows are the query's result rows
     * @param columnNames the result's column names
     * @param affinities the result columns' affinities (a view's column keeps its table column's)
     * @param correlated whether it reads an enclosing query's row
     */
    public record Result(PlanNode root, List<String> columnNames, List<Affinity> affinities, boolean correlated) {}

    /**
     * A plan that reads the rows of one table matching {@code where}, each the stored row itself (columns then
     * rowid), with {@code expressions} bound over that row: what UPDATE and DELETE run.
     *
     * @param scan the rows to change
     * @param expressions the bound expressions, in the order given
     */
    public record TableRows(PlanNode scan, List<Expression> expressions) {}

    /** Plans the rows of {@code table} that {@code where} selects, for UPDATE and DELETE. */
    public TableRows planTableRows(TableStore table, @Nullable Expr where, List<Expr> expressions) {
        Scope scope = new Scope(null);
        List<ColumnSchema> columns = table.schema().columns();
        scope.addTable(
                table.schema().name(),
                columns.stream().map(ColumnSchema::name).toList(),
                columns.stream().map(ColumnSchema::affinity).toList(),
                table,
                null);
        ExpressionBinder binder = new ExpressionBinder(scope, this);
        PlanNode scan = new JoinPlanner(scope, binder)
                .plan(List.of(new JoinPlanner.Leaf(0, Query.JoinKind.INNER, null)), where);
        List<Expression> bound = new ArrayList<>();
        for (Expr e : expressions) {
            bound.add(binder.bind(e));
        }
        return new TableRows(scan, List.copyOf(bound));
    }

    /** {@code e} bound with no tables in scope (a DEFAULT value, a LIMIT). */
    public Expression bindConstant(Expr e) {
        return new ExpressionBinder(new Scope(null), this).bind(e);
    }

    /** Plans a top-level query. */
    public Result plan(Query query) {
        return plan(query, null);
    }

    Result plan(Query query, @Nullable Scope parent) {
        if (query.body() instanceof Query.SelectCore core) {
            return planCore(core, query, parent);
        }
        Result body = planBody(query.body(), parent);
        PlanNode node = body.root();
        if (!query.orderBy().isEmpty()) {
            List<Integer> keys = new ArrayList<>();
            List<Boolean> descending = new ArrayList<>();
            for (Query.OrderItem item : query.orderBy()) {
                keys.add(compoundOrderKey(item.expr(), body.columnNames()));
                descending.add(item.descending());
            }
            node = new RowOperators.Sort(node, List.copyOf(keys), List.copyOf(descending));
        }
        node = limit(node, query, parent);
        return new Result(node, body.columnNames(), body.affinities(), body.correlated());
    }

    private Result planBody(Query.QueryBody body, @Nullable Scope parent) {
        return switch (body) {
            case Query.SelectCore core -> planCore(core, new Query(core, List.of(), null, null), parent);
            case Query.Values values -> planValues(values, parent);
            case Query.Compound c -> {
                Result left = planBody(c.left(), parent);
                Result right = planBody(c.right(), parent);
                if (left.columnNames().size() != right.columnNames().size()) {
                    throw new SqlException(
                            SqlError.INVALID_STATEMENT,
                            "SELECTs to the left and right of "
                                    + c.op().name().replace('_', ' ')
                                    + " do not have the same number of result columns ("
                                    + left.columnNames().size() + " and "
                                    + right.columnNames().size() + ")");
                }
                yield new Result(
                        new SetOperation(c.op(), left.root(), right.root()),
                        left.columnNames(),
                        left.affinities(),
                        left.correlated() || right.correlated());
            }
        };
    }

    private Result planValues(Query.Values values, @Nullable Scope parent) {
        Scope scope = new Scope(parent);
        ExpressionBinder binder = new ExpressionBinder(scope, this);
        List<List<Expression>> rows = new ArrayList<>();
        int width = values.rows().getFirst().size();
        for (List<Expr> row : values.rows()) {
            if (row.size() != width) {
                throw new SqlException(
                        SqlError.INVALID_STATEMENT,
                        "all VALUES must have the same number of terms (" + width + " and " + row.size() + ")");
            }
            rows.add(row.stream().map(binder::bind).toList());
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
            names.add("column" + i);
        }
        return new Result(
                new RowOperators.ValuesScan(List.copyOf(rows)),
                List.copyOf(names),
                names.stream().map(n -> Affinity.BLOB).toList(),
                scope.correlated());
    }

    private int compoundOrderKey(Expr e, List<String> names) {
        if (e instanceof Expr.Literal(Long ordinal)) {
            if (ordinal < 1 || ordinal > names.size()) {
                throw orderOutOfRange(ordinal, names.size());
            }
            return (int) (ordinal - 1);
        }
        if (e instanceof Expr.ColumnRef ref) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(ref.column())) {
                    return i;
                }
            }
        }
        throw new SqlException(
                SqlError.INVALID_STATEMENT,
                "ORDER BY term " + dev.keel.sql.parse.Display.of(e)
                        + " does not match any column in the result set (columns: " + String.join(", ", names) + ")");
    }

    private static SqlException orderOutOfRange(long ordinal, int columns) {
        return new SqlException(
                SqlError.INVALID_STATEMENT,
                "ORDER BY term " + ordinal + " out of range - should be between 1 and " + columns);
    }

    private Result planCore(Query.SelectCore core, Query query, @Nullable Scope parent) {
        Scope scope = new Scope(parent);
        scope.allowCoveringScans();
        List<JoinPlanner.Leaf> leaves = new ArrayList<>();
        if (core.from() != null) {
            addSources(core.from(), scope, leaves, Query.JoinKind.INNER, null);
        }
        ExpressionBinder binder = new ExpressionBinder(scope, this);
        SelectList select = SelectList.expand(core.items(), scope);
        boolean aggregate = !core.groupBy().isEmpty()
                || core.having() != null
                || select.expressions().stream().anyMatch(Aggregates::contains)
                || query.orderBy().stream().anyMatch(o -> Aggregates.contains(o.expr()));
        PlanNode node = leaves.isEmpty()
                ? filtered(new RowOperators.SingleRow(scope.width()), core.where(), binder)
                : new JoinPlanner(scope, binder).plan(leaves, core.where());
        List<AggregateCall> calls = new ArrayList<>();
        List<Expression> groupKeys = new ArrayList<>();
        if (aggregate) {
            for (Expr key : core.groupBy()) {
                groupKeys.add(binder.bind(select.ordinal(key)));
            }
            binder.collectAggregates(calls);
        }
        List<Expression> outputs = new ArrayList<>();
        for (Expr e : select.expressions()) {
            outputs.add(binder.bind(e));
        }
        Expression having = core.having() == null ? null : binder.bind(core.having());
        int visible = outputs.size();
        List<Integer> sortKeys = new ArrayList<>();
        List<Boolean> descending = new ArrayList<>();
        for (Query.OrderItem item : query.orderBy()) {
            int key = select.orderKey(item.expr());
            if (key < 0) {
                outputs.add(binder.bind(item.expr()));
                key = outputs.size() - 1;
            }
            sortKeys.add(key);
            descending.add(item.descending());
        }
        if (aggregate) {
            node = new Aggregate(node, List.copyOf(groupKeys), List.copyOf(calls), scope.width());
            if (having != null) {
                node = new RowOperators.Filter(node, having);
            }
        }
        node = new RowOperators.Project(node, List.copyOf(outputs));
        if (core.distinct()) {
            node = new RowOperators.Distinct(node, visible);
        }
        if (!sortKeys.isEmpty()) {
            node = new RowOperators.Sort(node, List.copyOf(sortKeys), List.copyOf(descending));
        }
        node = limit(node, query, parent);
        if (outputs.size() > visible) {
            node = new RowOperators.Trim(node, visible);
        }
        List<Affinity> affinities =
                outputs.subList(0, visible).stream().map(Expression::affinity).toList();
        return new Result(node, select.names(), affinities, scope.correlated());
    }

    private PlanNode filtered(PlanNode node, @Nullable Expr where, ExpressionBinder binder) {
        return where == null ? node : new RowOperators.Filter(node, binder.bind(where));
    }

    private PlanNode limit(PlanNode node, Query query, @Nullable Scope parent) {
        if (query.limit() == null) {
            return node;
        }
        ExpressionBinder binder = new ExpressionBinder(new Scope(parent), this);
        return new RowOperators.Limit(
                node, binder.bind(query.limit()), query.offset() == null ? null : binder.bind(query.offset()));
    }

    private void addSources(
            FromItem item, Scope scope, List<JoinPlanner.Leaf> leaves, Query.JoinKind kind, @Nullable Expr on) {
        switch (item) {
            case Query.Join join -> {
                addSources(join.left(), scope, leaves, kind, on);
                Expr condition = join.on();
                if (!join.using().isEmpty()) {
                    condition = usingCondition(join, scope);
                }
                addSources(join.right(), scope, leaves, join.kind(), condition);
            }
            case Query.TableRef ref -> {
                String alias = ref.alias() == null ? ref.name() : ref.alias();
                TableStore table = catalog.table(ref.name());
                if (table != null) {
                    List<ColumnSchema> columns = table.schema().columns();
                    scope.addTable(
                            alias,
                            columns.stream().map(ColumnSchema::name).toList(),
                            columns.stream().map(ColumnSchema::affinity).toList(),
                            table,
                            null);
                } else {
                    ViewDefinition view = catalog.view(ref.name());
                    if (view == null) {
                        throw new SqlException(
                                SqlError.UNKNOWN_TABLE,
                                "no such table: " + ref.name() + " at " + ref.position() + catalog.describeTables());
                    }
                    addView(view, alias, scope);
                }
                leaves.add(new JoinPlanner.Leaf(scope.sources().size() - 1, kind, on));
            }
            case Query.DerivedTable derived -> {
                Result sub = plan(derived.query(), scope.parent());
                String alias = derived.alias() == null
                        ? "(subquery-" + (scope.sources().size() + 1) + ")"
                        : derived.alias();
                scope.addTable(alias, sub.columnNames(), sub.affinities(), null, sub.root());
                leaves.add(new JoinPlanner.Leaf(scope.sources().size() - 1, kind, on));
            }
        }
    }

    private void addView(ViewDefinition view, String alias, Scope scope) {
        if (++viewDepth > 32) {
            throw new SqlException(
                    SqlError.INVALID_STATEMENT, "view " + view.name() + " refers to itself (or nests over 32 deep)");
        }
        try {
            Result sub = plan(view.query(), null);
            List<String> names = view.columnNames().isEmpty() ? sub.columnNames() : view.columnNames();
            if (names.size() != sub.columnNames().size()) {
                throw new SqlException(
                        SqlError.INVALID_STATEMENT,
                        "view " + view.name() + " names " + names.size() + " columns but its query returns "
                                + sub.columnNames().size());
            }
            scope.addTable(alias, names, sub.affinities(), null, sub.root());
        } finally {
            viewDepth--;
        }
    }

    private static Expr usingCondition(Query.Join join, Scope scope) {
        String rightAlias = switch (join.right()) {
            case Query.TableRef ref -> ref.alias() == null ? ref.name() : ref.alias();
            case Query.DerivedTable d -> d.alias();
            case Query.Join j -> null;
        };
        if (rightAlias == null) {
            throw new SqlException(SqlError.INVALID_STATEMENT, "USING needs a named table on its right");
        }
        Expr condition = null;
        for (String column : join.using()) {
            String leftAlias = null;
            for (Source s : scope.sources()) {
                if (s.columns().stream().anyMatch(column::equalsIgnoreCase)) {
                    leftAlias = s.alias();
                    break;
                }
            }
            if (leftAlias == null) {
                throw new SqlException(
                        SqlError.UNKNOWN_COLUMN,
                        "cannot join using column " + column + " - column not present in both tables");
            }
            Expr eq = new Expr.Binary(
                    Expr.BinaryOp.EQ,
                    new Expr.ColumnRef(leftAlias, column, new dev.keel.sql.parse.Position(0, 0)),
                    new Expr.ColumnRef(rightAlias, column, new dev.keel.sql.parse.Position(0, 0)));
            condition = condition == null ? eq : new Expr.Binary(Expr.BinaryOp.AND, condition, eq);
        }
        return condition;
    }
}
