package dev.keel.sql.plan;

import dev.keel.sql.exec.AccessPath;
import dev.keel.sql.exec.Coverage;
import dev.keel.sql.exec.Expression;
import dev.keel.sql.exec.InList;
import dev.keel.sql.parse.Expr.BinaryOp;
import dev.keel.sql.storage.SecondaryIndex;
import dev.keel.sql.storage.TableSchema;
import dev.keel.sql.storage.TableStore;
import dev.keel.sql.value.Affinity;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Chooses how to read one table given the conditions pushed down to it: by rowid (INTEGER PRIMARY KEY) or through a
 * secondary index for {@code =}, {@code IN} and range conditions, or a full scan; and estimates how many rows come
 * out, which orders the joins.
 *
 * <p>How it is designed, and why: rule-based choice in a fixed order of preference, cheapest first: rowid equality or
 * IN; the index with the longest all-equality prefix (a unique index fully covered means at most one row); IN on an
 * index's first column; a rowid range; an index range; a full scan. Estimates are row counts scaled by textbook
 * selectivities (range 1/4, other conditions 1/2 each); an equality on an index's leading column is estimated from the
 * index's distinct-value count (table rows / distinct values; each further key column divides by 10). Histograms for
 * ranges are the known next step; the rules pick the same path for the sqllogictest shapes and the benchmark queries.
 *
 * <p>A condition can use an index only when it compares the bare column (no conversion applied to the column's side)
 * with a value that does not depend on the table's own row.
 */
final class AccessPlanner {

    private AccessPlanner() {}

    /**
     * A chosen path with its estimated output rows.
     *
     * @param path the path
     * @param estimate estimated rows after all of the table's conditions
     */
    record Choice(AccessPath path, double estimate, List<Expression> residual) {
        Choice(AccessPath path, double estimate) {
            this(path, estimate, List.of());
        }

        Choice withResidual(List<Expression> conditions) {
            return new Choice(path, estimate, List.copyOf(conditions));
        }
    }

    /** {@code column op value}, found in condition number {@code condition}. */
    private record Bound(int column, BinaryOp op, Expression value, int condition) {}

    /**
     * The path for {@code table} with the conditions still to check on each row it yields: all of them, except those
     * an index range answers exactly (every part of the condition is one of the range's bounds), which the profile
     * of the range-scan benchmark showed being evaluated again for every row.
     */
    static Choice choose(
            TableStore table,
            Source source,
            List<Expression> conditions,
            ExpressionBinder binder,
            @Nullable Coverage coverage) {
        List<Bound> bounds = new ArrayList<>();
        List<InBound> ins = new ArrayList<>();
        boolean[] complete = new boolean[conditions.size()];
        for (int i = 0; i < conditions.size(); i++) {
            complete[i] = collect(conditions.get(i), i, source, binder, bounds, ins);
        }
        Choice choice = choosePath(table, conditions, bounds, ins, coverage);
        List<Expression> residual = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            if (!(complete[i] && consumed(choice.path(), i, bounds))) {
                residual.add(conditions.get(i));
            }
        }
        return choice.withResidual(residual);
    }

    /** Whether every bound of condition {@code i} is a bound the index range searches by. */
    private static boolean consumed(AccessPath path, int i, List<Bound> bounds) {
        if (!(path instanceof AccessPath.IndexRange r)) {
            return false;
        }
        boolean any = false;
        for (Bound b : bounds) {
            if (b.condition == i) {
                if (b.value != r.low() && b.value != r.high()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static Choice choosePath(
            TableStore table,
            List<Expression> conditions,
            List<Bound> bounds,
            List<InBound> ins,
            @Nullable Coverage coverage) {
        double rows = Math.max(1, table.size());
        double filterFactor = Math.pow(0.5, Math.max(0, conditions.size() - 1));
        TableSchema schema = table.schema();
        int rowidColumn = schema.rowidColumn();
        String rowidName = rowidColumn >= 0 ? schema.columns().get(rowidColumn).name() : "rowid";
        int rowidSlot = schema.width();
        for (Bound b : bounds) {
            if (b.op == BinaryOp.EQ && (b.column == rowidColumn || b.column == rowidSlot)) {
                return new Choice(new AccessPath.RowidIn(rowidName, List.of(b.value)), filterFactor);
            }
        }
        for (InBound in : ins) {
            if (in.column == rowidColumn || in.column == rowidSlot) {
                return new Choice(new AccessPath.RowidIn(rowidName, in.values), in.values.size() * filterFactor);
            }
        }
        Choice best = null;
        for (SecondaryIndex index : table.indexes()) {
            List<Integer> columns = index.schema().columns();
            List<Expression> prefix = new ArrayList<>();
            for (int column : columns) {
                Bound eq = find(bounds, column, BinaryOp.EQ);
                if (eq == null) {
                    break;
                }
                prefix.add(eq.value);
            }
            if (prefix.isEmpty()) {
                continue;
            }
            boolean unique = index.schema().unique() && prefix.size() == columns.size();
            double estimate =
                    unique ? 1 : Math.max(1, index.statistics().rowsPerValue() / Math.pow(10, prefix.size() - 1));
            if (best == null || estimate < best.estimate) {
                best = new Choice(
                        new AccessPath.IndexLookup(
                                index,
                                names(schema, columns.subList(0, prefix.size())),
                                affinities(schema, columns.subList(0, prefix.size())),
                                List.of(List.copyOf(prefix))),
                        estimate);
            }
        }
        if (best != null) {
            return new Choice(best.path(), best.estimate() * filterFactor);
        }
        for (InBound in : ins) {
            for (SecondaryIndex index : table.indexes()) {
                if (index.schema().columns().getFirst() == in.column) {
                    int column = in.column;
                    return new Choice(
                            new AccessPath.IndexLookup(
                                    index,
                                    names(schema, List.of(column)),
                                    affinities(schema, List.of(column)),
                                    in.values.stream().map(List::of).toList()),
                            Math.max(1, in.values.size() * rows / 10) * filterFactor);
                }
            }
        }
        Range rowidRange = range(bounds, rowidColumn >= 0 ? rowidColumn : rowidSlot);
        if (rowidRange != null) {
            return new Choice(
                    new AccessPath.RowidRange(
                            rowidName,
                            rowidRange.low,
                            rowidRange.lowInclusive,
                            rowidRange.high,
                            rowidRange.highInclusive),
                    rowidRange.estimate(rows) * filterFactor);
        }
        for (SecondaryIndex index : table.indexes()) {
            int column = index.schema().columns().getFirst();
            Range r = range(bounds, column);
            if (r != null) {
                return new Choice(
                        new AccessPath.IndexRange(
                                index,
                                schema.columns().get(column).name(),
                                schema.columns().get(column).affinity(),
                                r.low,
                                r.lowInclusive,
                                r.high,
                                r.highInclusive,
                                coverage),
                        r.estimate(rows) * filterFactor);
            }
        }
        return new Choice(new AccessPath.FullScan(), rows * (conditions.isEmpty() ? 1 : 0.5 * filterFactor));
    }

    private record InBound(int column, List<Expression> values) {}

    /**
     * A way to find the rows of a join's new table for one row of what is joined so far.
     *
     * @param path the lookup; its key expression reads the joined-so-far row
     * @param matches estimated rows per lookup
     */
    record Lookup(AccessPath path, double matches) {}

    /**
     * The cheapest lookup of {@code table}'s rows by one of the join's equalities {@code newKeys[k] = joinedKeys[k]}:
     * by rowid when the new side is the INTEGER PRIMARY KEY, else through an index whose first column it is; null when
     * no equality is on such a column. An index lookup is estimated at one row for a unique single-column index,
     * else at the rows per distinct value of its leading column ({@link SecondaryIndex#statistics()}).
     */
    static @Nullable Lookup lookup(
            TableStore table, Source source, List<Expression> joinedKeys, List<Expression> newKeys) {
        TableSchema schema = table.schema();
        int rowidColumn = schema.rowidColumn();
        Lookup best = null;
        for (int k = 0; k < newKeys.size(); k++) {
            int column = column(newKeys.get(k), source);
            Expression key = joinedKeys.get(k);
            if (column < 0 || !usable(newKeys.get(k), key)) {
                continue;
            }
            if (column == rowidColumn || column == schema.width()) {
                String name =
                        rowidColumn >= 0 ? schema.columns().get(rowidColumn).name() : "rowid";
                return new Lookup(new AccessPath.RowidIn(name, List.of(key)), 1);
            }
            for (SecondaryIndex index : table.indexes()) {
                List<Integer> columns = index.schema().columns();
                if (columns.getFirst() != column) {
                    continue;
                }
                double matches = index.schema().unique() && columns.size() == 1
                        ? 1
                        : index.statistics().rowsPerValue();
                if (best == null || matches < best.matches()) {
                    best = new Lookup(
                            new AccessPath.IndexLookup(
                                    index,
                                    names(schema, List.of(column)),
                                    affinities(schema, List.of(column)),
                                    List.of(List.of(key))),
                            matches);
                }
            }
        }
        return best;
    }

    private record Range(
            @Nullable Expression low,
            boolean lowInclusive,
            @Nullable Expression high,
            boolean highInclusive) {
        double estimate(double rows) {
            return Math.max(1, low != null && high != null ? rows / 10 : rows / 4);
        }
    }

    private static @Nullable Range range(List<Bound> bounds, int column) {
        Bound low = null;
        Bound high = null;
        for (Bound b : bounds) {
            if (b.column != column) {
                continue;
            }
            if ((b.op == BinaryOp.GT || b.op == BinaryOp.GE) && low == null) {
                low = b;
            } else if ((b.op == BinaryOp.LT || b.op == BinaryOp.LE) && high == null) {
                high = b;
            }
        }
        if (low == null && high == null) {
            return null;
        }
        return new Range(
                low == null ? null : low.value,
                low != null && low.op == BinaryOp.GE,
                high == null ? null : high.value,
                high != null && high.op == BinaryOp.LE);
    }

    private static @Nullable Bound find(List<Bound> bounds, int column, BinaryOp op) {
        for (Bound b : bounds) {
            if (b.column == column && b.op == op) {
                return b;
            }
        }
        return null;
    }

    private static List<String> names(TableSchema schema, List<Integer> columns) {
        return columns.stream().map(c -> schema.columns().get(c).name()).toList();
    }

    private static List<Affinity> affinities(TableSchema schema, List<Integer> columns) {
        return columns.stream().map(c -> schema.columns().get(c).affinity()).toList();
    }

    /**
     * Finds {@code column op value} conditions (also inside AND and BETWEEN) and IN lists on this table's columns;
     * returns whether all of {@code c} became bounds (nothing else in it to check).
     */
    private static boolean collect(
            Expression c,
            int condition,
            Source source,
            ExpressionBinder binder,
            List<Bound> bounds,
            List<InBound> ins) {
        switch (c) {
            case Expression.Logical l
            when l.and() -> {
                boolean all = true;
                for (Expression operand : l.operands()) {
                    all &= collect(operand, condition, source, binder, bounds, ins);
                }
                return all;
            }
            case Expression.Comparison cmp -> {
                BinaryOp op = cmp.op();
                if (!(op.isComparison()) || op == BinaryOp.NE) {
                    return false;
                }
                int leftColumn = column(cmp.left(), source);
                int rightColumn = column(cmp.right(), source);
                if (leftColumn >= 0
                        && cmp.leftConversion() == null
                        && isFree(cmp.right(), binder)
                        && usable(cmp.left(), cmp.right())) {
                    bounds.add(new Bound(leftColumn, op, cmp.right(), condition));
                    return true;
                } else if (rightColumn >= 0
                        && cmp.rightConversion() == null
                        && isFree(cmp.left(), binder)
                        && usable(cmp.right(), cmp.left())) {
                    bounds.add(new Bound(rightColumn, flip(op), cmp.left(), condition));
                    return true;
                }
                return false;
            }
            case InList in
            when !in.negated() -> {
                int column = column(in.operand(), source);
                if (column >= 0 && in.items().stream().allMatch(i -> isFree(i, binder) && usable(in.operand(), i))) {
                    ins.add(new InBound(column, in.items()));
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /** A lookup converts values with the column's affinity; that matches {@code =} unless the value has its own. */
    private static boolean usable(Expression column, Expression value) {
        Affinity v = value.affinity();
        Affinity c = column.affinity();
        return v == Affinity.BLOB || (c.isNumeric() && v.isNumeric()) || c == v;
    }

    private static BinaryOp flip(BinaryOp op) {
        return switch (op) {
            case LT -> BinaryOp.GT;
            case LE -> BinaryOp.GE;
            case GT -> BinaryOp.LT;
            case GE -> BinaryOp.LE;
            default -> op;
        };
    }

    /** The table column (0-based, or the table's width for the rowid) that {@code e} is, or -1. */
    private static int column(Expression e, Source source) {
        if (e instanceof Expression.ColumnValue c
                && c.depth() == 0
                && c.index() >= source.offset()
                && c.index() < source.offset() + source.width()) {
            return c.index() - source.offset();
        }
        return -1;
    }

    private static boolean isFree(Expression e, ExpressionBinder binder) {
        return binder.mask(e) == 0;
    }
}
