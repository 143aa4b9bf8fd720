package dev.keel.sql.exec;

import dev.keel.sql.parse.Query.SetOp;
import dev.keel.sql.value.ValueKey;
import dev.keel.sql.value.ValueOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * UNION, UNION ALL, EXCEPT and INTERSECT of two queries with the same number of columns. All but UNION ALL remove
 * duplicate rows, comparing values as {@code =} does except that NULLs are equal to each other, and (as SQLite's
 * sort-based implementation does) return their rows in sorted order.
 *
 * @param op the operator
 * @param left the first query
 * @param right the second query
 */
public record SetOperation(SetOp op, PlanNode left, PlanNode right) implements PlanNode {

    @Override
    public boolean run(Frame outer, RowSink sink) {
        if (op == SetOp.UNION_ALL) {
            return left.run(outer, sink) && right.run(outer, sink);
        }
        Set<ValueKey> leftRows = new LinkedHashSet<>();
        left.run(outer, row -> leftRows.add(new ValueKey(row)) || true);
        Set<ValueKey> rightRows = new LinkedHashSet<>();
        right.run(outer, row -> rightRows.add(new ValueKey(row)) || true);
        List<Object[]> result = new ArrayList<>();
        if (op == SetOp.UNION) {
            leftRows.addAll(rightRows);
            leftRows.forEach(k -> result.add(k.values()));
        } else {
            for (ValueKey key : leftRows) {
                if (rightRows.contains(key) == (op == SetOp.INTERSECT)) {
                    result.add(key.values());
                }
            }
        }
        result.sort(SetOperation::compareRows);
        for (Object[] row : result) {
            if (!sink.accept(row)) {
                return false;
            }
        }
        return true;
    }

    private static int compareRows(Object[] a, Object[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = ValueOrder.compareValues(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    @Override
    public String describe() {
        return "COMPOUND " + op.name().replace('_', ' ');
    }

    @Override
    public List<PlanNode> children() {
        return List.of(left, right);
    }
}
