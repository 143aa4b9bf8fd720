package dev.keel.sql.exec;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Joins every left row with every right row that satisfies the condition (a cross join when there is none); the
 * right side is read once per run and kept. A LEFT join emits a left row with NULLs on the right when nothing matched.
 * Used only when no equality links the two sides (otherwise {@link HashJoin}).
 *
 * @param left the outer side
 * @param right the inner side (one table or derived table)
 * @param condition the join condition, or null
 * @param leftOuter LEFT JOIN
 * @param rightOffset where the right side's slots start
 * @param rightWidth how many slots the right side fills
 */
public record NestedLoopJoin(
        PlanNode left,
        PlanNode right,
        @Nullable Expression condition,
        boolean leftOuter,
        int rightOffset,
        int rightWidth)
        implements PlanNode {

    @Override
    public boolean run(Frame outer, RowSink sink) {
        List<Object[]> inner = new ArrayList<>();
        right.run(outer, row -> inner.add(row) || true);
        Frame frame = Frame.inside(outer);
        return left.run(
                outer,
                l -> Joins.emit(l, inner, rightOffset, condition, frame, sink, leftOuter, rightOffset, rightWidth));
    }

    @Override
    public String describe() {
        return (leftOuter ? "NESTED LOOP LEFT JOIN" : "NESTED LOOP JOIN")
                + (condition == null ? "" : " ON " + condition.describe());
    }

    @Override
    public List<PlanNode> children() {
        return List.of(left, right);
    }
}
