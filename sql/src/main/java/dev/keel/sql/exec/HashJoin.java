package dev.keel.sql.exec;

import dev.keel.sql.value.Numbers;
import dev.keel.sql.value.ValueKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An equi-join: builds a hash table of the right side on its key expressions, then probes it with each left row, so
 * joining n and m rows costs O(n + m) rather than a nested loop's O(n * m). Rows whose key has a NULL never match
 * (NULL = NULL is not true). The residual condition holds the join's other conditions.
 *
 * @param left the probe side
 * @param right the build side (one table or derived table)
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
        int rightWidth)
        implements PlanNode {

    @Override
    public boolean run(Frame outer, RowSink sink) {
        Map<ValueKey, List<Object[]>> table = new HashMap<>();
        Frame build = Frame.inside(outer);
        right.run(outer, r -> {
            build.row = r;
            ValueKey key = key(rightKeys, build);
            if (key != null) {
                table.computeIfAbsent(key, k -> new ArrayList<>(1)).add(r);
            }
            return true;
        });
        Frame probe = Frame.inside(outer);
        return left.run(outer, l -> {
            probe.row = l;
            ValueKey key = key(leftKeys, probe);
            List<Object[]> matches = key == null ? null : table.get(key);
            boolean matched = false;
            if (matches != null) {
                for (Object[] r : matches) {
                    Object[] row = Joins.merge(l, r, rightOffset, rightWidth);
                    if (residual != null) {
                        probe.row = row;
                        if (!Boolean.TRUE.equals(Numbers.truth(residual.eval(probe)))) {
                            continue;
                        }
                    }
                    matched = true;
                    if (!sink.accept(row)) {
                        return false;
                    }
                }
            }
            return matched || !leftOuter || sink.accept(l.clone());
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
                + String.join(" AND ", pairs)
                + (residual == null ? "" : " WHERE " + residual.describe());
    }

    @Override
    public List<PlanNode> children() {
        return List.of(left, right);
    }
}
