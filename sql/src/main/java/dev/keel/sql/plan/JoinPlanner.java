package dev.keel.sql.plan;

import dev.keel.sql.exec.Expression;
import dev.keel.sql.exec.HashJoin;
import dev.keel.sql.exec.IndexNestedLoopJoin;
import dev.keel.sql.exec.NestedLoopJoin;
import dev.keel.sql.exec.PlanNode;
import dev.keel.sql.exec.RowOperators;
import dev.keel.sql.exec.TableScan;
import dev.keel.sql.parse.Expr;
import dev.keel.sql.parse.Query.JoinKind;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Plans a FROM clause with its WHERE: pushes each condition down to the first point where every table it reads is
 * available, picks each table's access path ({@link AccessPlanner}), orders the joins, and joins on equalities with
 * hash joins.
 *
 * <p>How it is designed, and why: the WHERE (and the ON conditions of inner joins) is split into conjuncts, each
 * tagged with the set of FROM sources it reads (a 64-bit mask, so at most 64 tables, SQLite's limit too). Conditions
 * on one table go into that table's scan, where they can select an index. Join order is greedy on cardinality
 * estimates: start from the table with the fewest estimated rows, then repeatedly join the smallest table linked to
 * what is joined so far by an equality, falling back to the smallest table
 * overall (a nested loop) only when nothing is linked. For select5-style queries that join dozens of small tables on
 * equalities, this keeps every intermediate result small, where a FROM-order nested loop would multiply them out.
 * Exhaustive dynamic programming over join orders (System R) was rejected: exponential in the table count, and the
 * greedy order is what SQLite's own N-nearest-neighbour search approximates for large joins.
 *
 * <p>An equality joins by one of two methods, chosen by cost: a {@code HashJoin} (scan the new table, build on the
 * smaller side, probe with the other) or, when the new table's side of an equality is its rowid or leads an index,
 * an {@code IndexNestedLoopJoin} that looks up each joined-so-far row's matches. The lookup wins when the rows joined
 * so far, times a tree descent and the matches, cost less than scanning the new table: a filtered handful of
 * customers against a million orders indexed by customer. With no usable equality it is a nested loop.
 *
 * <p>LEFT JOINs keep their FROM order (reordering across an outer join changes the result); their ON conditions join
 * only that table, and a WHERE condition on a LEFT-joined table is applied after the join, never pushed into its scan.
 *
 * <p>Not thread-safe: one per query being planned.
 */
final class JoinPlanner {

    /**
     * A FROM source with how it joins to what comes before it.
     *
     * @param source the source's index in the scope
     * @param kind INNER (also a comma), CROSS or LEFT
     * @param on its ON condition, or null
     */
    record Leaf(int source, JoinKind kind, @Nullable Expr on) {}

    private static final class Conjunct {
        final Expression expression;
        final long mask;
        boolean used;

        Conjunct(Expression expression, long mask) {
            this.expression = expression;
            this.mask = mask;
        }
    }

    private final Scope scope;
    private final ExpressionBinder binder;

    JoinPlanner(Scope scope, ExpressionBinder binder) {
        this.scope = scope;
        this.binder = binder;
    }

    PlanNode plan(List<Leaf> leaves, @Nullable Expr where) {
        boolean hasLeftJoin = leaves.stream().anyMatch(l -> l.kind() == JoinKind.LEFT);
        List<Conjunct> pool = new ArrayList<>();
        List<List<Conjunct>> onConditions = new ArrayList<>();
        for (Leaf leaf : leaves) {
            List<Conjunct> own = new ArrayList<>();
            if (leaf.on() != null) {
                (leaf.kind() == JoinKind.LEFT ? own : pool).addAll(conjuncts(leaf.on()));
            }
            onConditions.add(own);
        }
        if (where != null) {
            pool.addAll(conjuncts(where));
        }
        double[] estimates = new double[leaves.size()];
        double[] costs = new double[leaves.size()];
        List<List<Expression>> locals = new ArrayList<>();
        List<PlanNode> scans = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            Leaf leaf = leaves.get(i);
            long bit = 1L << leaf.source();
            List<Conjunct> local = new ArrayList<>();
            for (Conjunct c : onConditions.get(i)) {
                if (c.mask == bit) {
                    local.add(c);
                    c.used = true;
                }
            }
            if (leaf.kind() != JoinKind.LEFT) {
                for (Conjunct c : pool) {
                    if (c.mask == bit && !c.used) {
                        local.add(c);
                        c.used = true;
                    }
                }
            }
            Scanned scanned = scan(scope.sources().get(leaf.source()), local);
            scans.add(scanned.node);
            estimates[i] = scanned.estimate;
            costs[i] = scanned.cost;
            locals.add(local.stream().map(c -> c.expression).toList());
        }
        List<Integer> order = hasLeftJoin ? fromOrder(leaves.size()) : greedyOrder(leaves, pool, estimates);
        return build(order, leaves, new Scans(scans, estimates, costs, locals), pool, onConditions);
    }

    private List<Conjunct> conjuncts(Expr e) {
        List<Conjunct> out = new ArrayList<>();
        split(e, out);
        return out;
    }

    private void split(Expr e, List<Conjunct> out) {
        if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.AND) {
            split(b.left(), out);
            split(b.right(), out);
            return;
        }
        Expression bound = binder.bind(e);
        out.add(new Conjunct(bound, binder.mask(bound)));
    }

    /** What reading a source costs: its plan, estimated output rows and rows it touches. */
    private record Scanned(PlanNode node, double estimate, double cost) {}

    /** Every source's scan, by leaf, with the conditions pushed into it. */
    private record Scans(List<PlanNode> nodes, double[] estimates, double[] costs, List<List<Expression>> locals) {}

    /**
     * What one index or rowid lookup costs relative to probing a hash table with one row: a tree descent of a few
     * comparisons. An index nested-loop join wins when outer rows times (this + matches) is below what the hash join
     * pays to scan the new table and probe.
     */
    private static final double LOOKUP_COST = 3;

    private Scanned scan(Source source, List<Conjunct> local) {
        List<Expression> conditions = local.stream().map(c -> c.expression).toList();
        Expression filter = and(conditions);
        if (source.table() != null) {
            AccessPlanner.Choice choice =
                    AccessPlanner.choose(source.table(), source, conditions, binder, scope.coverage(source));
            double cost = choice.path() instanceof dev.keel.sql.exec.AccessPath.FullScan
                    ? source.table().size()
                    : choice.estimate();
            return new Scanned(
                    new TableScan(
                            source.table(),
                            source.alias(),
                            choice.path(),
                            and(choice.residual()),
                            source.offset(),
                            scope.width()),
                    choice.estimate(),
                    cost);
        }
        PlanNode node = new RowOperators.DerivedScan(source.derived(), source.alias(), source.offset(), scope.width());
        return new Scanned(filter == null ? node : new RowOperators.Filter(node, filter), 1000, 1000);
    }

    private static List<Integer> fromOrder(int n) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        return order;
    }

    private List<Integer> greedyOrder(List<Leaf> leaves, List<Conjunct> pool, double[] estimates) {
        int n = leaves.size();
        boolean[] done = new boolean[n];
        List<Integer> order = new ArrayList<>();
        long joined = 0;
        for (int step = 0; step < n; step++) {
            int best = -1;
            boolean bestLinked = false;
            for (int i = 0; i < n; i++) {
                if (done[i]) {
                    continue;
                }
                boolean linked =
                        step > 0 && linked(pool, joined, 1L << leaves.get(i).source());
                boolean better =
                        best < 0 || (linked && !bestLinked) || (linked == bestLinked && estimates[i] < estimates[best]);
                if (better) {
                    best = i;
                    bestLinked = linked;
                }
            }
            done[best] = true;
            order.add(best);
            joined |= 1L << leaves.get(best).source();
        }
        return order;
    }

    private boolean linked(List<Conjunct> pool, long joined, long bit) {
        for (Conjunct c : pool) {
            if (!c.used && equiKey(c.expression, joined, bit) != null) {
                return true;
            }
        }
        return false;
    }

    /** The (joined side, new side) keys if {@code e} is {@code a = b} linking the two, else null. */
    private Expression @Nullable [] equiKey(Expression e, long joined, long bit) {
        if (!(e instanceof Expression.Comparison cmp)
                || cmp.op() != Expr.BinaryOp.EQ
                || cmp.leftConversion() != null
                || cmp.rightConversion() != null) {
            return null;
        }
        long l = binder.mask(cmp.left());
        long r = binder.mask(cmp.right());
        if (l <= 0 || r <= 0) {
            return null;
        }
        if ((l & ~joined) == 0 && r == bit) {
            return new Expression[] {cmp.left(), cmp.right()};
        }
        if ((r & ~joined) == 0 && l == bit) {
            return new Expression[] {cmp.right(), cmp.left()};
        }
        return null;
    }

    private PlanNode build(
            List<Integer> order, List<Leaf> leaves, Scans all, List<Conjunct> pool, List<List<Conjunct>> onConditions) {
        List<PlanNode> scans = all.nodes();
        double[] estimates = all.estimates();
        int first = order.getFirst();
        PlanNode node = scans.get(first);
        double estimate = estimates[first];
        long joined = 1L << leaves.get(first).source();
        List<Expression> constant = new ArrayList<>();
        for (Conjunct c : pool) {
            if (!c.used && c.mask == 0) {
                constant.add(c.expression);
                c.used = true;
            }
        }
        if (!constant.isEmpty()) {
            node = new RowOperators.Filter(node, and(constant));
        }
        for (int k = 1; k < order.size(); k++) {
            int i = order.get(k);
            Leaf leaf = leaves.get(i);
            long bit = 1L << leaf.source();
            boolean left = leaf.kind() == JoinKind.LEFT;
            List<Conjunct> conditions = new ArrayList<>();
            for (Conjunct c : left ? onConditions.get(i) : pool) {
                if (!c.used && (c.mask & ~(joined | bit)) == 0) {
                    conditions.add(c);
                    c.used = true;
                }
            }
            List<Expression> leftKeys = new ArrayList<>();
            List<Expression> rightKeys = new ArrayList<>();
            List<Expression> residual = new ArrayList<>();
            for (Conjunct c : conditions) {
                Expression[] key = equiKey(c.expression, joined, bit);
                if (key != null) {
                    leftKeys.add(key[0]);
                    rightKeys.add(key[1]);
                } else {
                    residual.add(c.expression);
                }
            }
            Source source = scope.sources().get(leaf.source());
            boolean buildLeft = !left && estimate < estimates[i];
            AccessPlanner.Lookup lookup = leftKeys.isEmpty() || source.table() == null
                    ? null
                    : AccessPlanner.lookup(source.table(), source, leftKeys, rightKeys);
            if (lookup != null && estimate * (LOOKUP_COST + lookup.matches()) < all.costs()[i] + estimate) {
                List<Expression> checks = new ArrayList<>(all.locals().get(i));
                conditions.forEach(c -> checks.add(c.expression));
                node = new IndexNestedLoopJoin(
                        node, source.table(), source.alias(), lookup.path(), and(checks), left, source.offset());
            } else if (leftKeys.isEmpty()) {
                node = new NestedLoopJoin(node, scans.get(i), and(residual), left, source.offset(), source.width());
            } else {
                node = new HashJoin(
                        node,
                        scans.get(i),
                        List.copyOf(leftKeys),
                        List.copyOf(rightKeys),
                        and(residual),
                        left,
                        source.offset(),
                        source.width(),
                        buildLeft);
            }
            estimate = leftKeys.isEmpty() ? estimate * estimates[i] : Math.max(estimate, estimates[i]);
            joined |= bit;
            if (left) {
                List<Expression> after = new ArrayList<>();
                for (Conjunct c : pool) {
                    if (!c.used && (c.mask & ~joined) == 0) {
                        after.add(c.expression);
                        c.used = true;
                    }
                }
                if (!after.isEmpty()) {
                    node = new RowOperators.Filter(node, and(after));
                }
            }
        }
        List<Expression> rest = new ArrayList<>();
        for (Conjunct c : pool) {
            if (!c.used) {
                rest.add(c.expression);
            }
        }
        return rest.isEmpty() ? node : new RowOperators.Filter(node, and(rest));
    }

    private static @Nullable Expression and(List<Expression> conditions) {
        if (conditions.isEmpty()) {
            return null;
        }
        return conditions.size() == 1 ? conditions.getFirst() : new Expression.Logical(true, List.copyOf(conditions));
    }
}
