package dev.keel.sql.exec;

import dev.keel.sql.value.ValueKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An equi-join: builds a hash table of one side on its key expressions, then probes it with each row of the other,
 * so joining n and m rows costs O(n + m) rather than a nested loop's O(n * m). The planner builds on the side it
 * estimates smaller (a LEFT join always builds on the right, so that unmatched left rows are found as they stream).
 * Rows whose key has a NULL never match (NULL = NULL is not true). The residual holds the join's other conditions.
 *
 * @param left the rows joined so far
 * @param right the new table (or derived table)
 * @param leftKeys key expressions over the left side's slots
 * @param rightKeys key expressions over the right side's slots
 * @param residual further conditions on the joined row, or null
 * @param leftOuter LEFT JOIN
 * @param rightOffset where the right side's slots start
 * @param rightWidth how many slots the right side fills
 */
public record HashJoin(
        PlanNode left,
        PlanNode right,
        List<Expression> leftKeys,
        List<Expression> rightKeys,
        @Nullable Expression residual,
        boolean leftOuter,
        int rightOffset,
        int rightWidth,
        boolean buildLeft)
        implements PlanNode {

    public HashJoin {
        if (buildLeft && leftOuter) {
            throw new IllegalArgumentException("a LEFT join builds on its right side");
        }
    }

    @Override
    public boolean run(Frame outer, RowSink sink) {
        return buildLeft ? buildLeftProbeRight(outer, sink) : buildRightProbeLeft(outer, sink);
    }

    private static Map<ValueKey, List<Object[]>> build(PlanNode side, List<Expression> keys, Frame outer) {
        Map<ValueKey, List<Object[]>> table = new HashMap<>();
        Frame build = Frame.inside(outer);
        side.run(outer, row -> {
            build.row = row;
            ValueKey key = key(keys, build);
            if (key != null) {
                table.computeIfAbsent(key, k -> new ArrayList<>(1)).add(row);
            }
            return true;
        });
        return table;
    }

    private boolean buildLeftProbeRight(Frame outer, RowSink sink) {
        Map<ValueKey, List<Object[]>> table = build(left, leftKeys, outer);
        Frame probe = Frame.inside(outer);
        return right.run(outer, r -> {
            probe.row = r;
            ValueKey key = key(rightKeys, probe);
            List<Object[]> matches = key == null ? null : table.get(key);
            if (matches == null) {
                return true;
            }
            List<Object[]> single = java.util.Collections.singletonList(r);
            for (Object[] l : matches) {
                if (!Joins.emit(l, single, rightOffset, residual, probe, sink, false, rightOffset, rightWidth)) {
                    return false;
                }
            }
            return true;
        });
    }

    private boolean buildRightProbeLeft(Frame outer, RowSink sink) {
        Map<ValueKey, List<Object[]>> table = build(right, rightKeys, outer);
        Frame probe = Frame.inside(outer);
        return left.run(outer, l -> {
            probe.row = l;
            ValueKey key = key(leftKeys, probe);
            List<Object[]> matches = key == null ? null : table.get(key);
            return Joins.emit(l, matches, rightOffset, residual, probe, sink, leftOuter, rightOffset, rightWidth);
        });
    }

    private static @Nullable ValueKey key(List<Expression> keys, Frame frame) {
        Object[] values = new Object[keys.size()];
        for (int i = 0; i < values.length; i++) {
            Object v = keys.get(i).eval(frame);
            if (v == null) {
                return null;
            }
            values[i] = v;
        }
        return new ValueKey(values);
    }

    @Override
    public String describe() {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < leftKeys.size(); i++) {
            pairs.add(leftKeys.get(i).describe() + " = " + rightKeys.get(i).describe());
        }
        return (leftOuter ? "HASH LEFT JOIN ON " : "HASH JOIN ON ")
                + (buildLeft ? "(build left) " : "")
                + String.join(" AND ", pairs)
                + (residual == null ? "" : " WHERE " + residual.describe());
    }

    @Override
    public List<PlanNode> children() {
        return List.of(left, right);
    }
}
