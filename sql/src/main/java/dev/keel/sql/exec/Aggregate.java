package dev.keel.sql.exec;

import dev.keel.sql.value.ValueKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * GROUP BY and aggregates: one output row per group (one row in all when there is no GROUP BY, even over no input),
 * laid out as a copy of the group's last input row followed by the aggregates' results. Expressions above it read
 * plain columns from the first part (SQLite's "bare columns") and aggregates from the second.
 *
 * <p>Groups are kept in a hash map in first-seen order.
 *
 * @param input the rows to group
 * @param groupKeys the GROUP BY expressions
 * @param aggregates the aggregates to compute per group
 * @param inputWidth the width of an input row
 */
public record Aggregate(PlanNode input, List<Expression> groupKeys, List<AggregateCall> aggregates, int inputWidth)
        implements PlanNode {

    @Override
    public boolean run(Frame outer, RowSink sink) {
        Map<ValueKey, Group> groups = new LinkedHashMap<>();
        Frame frame = Frame.inside(outer);
        input.run(outer, row -> {
            frame.row = row;
            Object[] key = new Object[groupKeys.size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = groupKeys.get(i).eval(frame);
            }
            Group group = groups.computeIfAbsent(new ValueKey(key), k -> new Group(aggregates));
            group.last = row;
            for (AggregateCall.Accumulator accumulator : group.accumulators) {
                accumulator.add(frame);
            }
            return true;
        });
        if (groups.isEmpty() && groupKeys.isEmpty()) {
            groups.put(new ValueKey(new Object[0]), new Group(aggregates));
        }
        for (Group group : groups.values()) {
            Object[] out = new Object[inputWidth + aggregates.size()];
            if (group.last != null) {
                System.arraycopy(group.last, 0, out, 0, Math.min(inputWidth, group.last.length));
            }
            for (int i = 0; i < aggregates.size(); i++) {
                out[inputWidth + i] = group.accumulators.get(i).result();
            }
            if (!sink.accept(out)) {
                return false;
            }
        }
        return true;
    }

    private static final class Group {
        final List<AggregateCall.Accumulator> accumulators;
        Object[] last;

        Group(List<AggregateCall> calls) {
            accumulators = calls.stream().map(AggregateCall::start).toList();
        }
    }

    @Override
    public String describe() {
        String aggs = aggregates.stream().map(AggregateCall::describe).collect(Collectors.joining(", "));
        return groupKeys.isEmpty()
                ? "AGGREGATE " + aggs
                : "GROUP BY " + groupKeys.stream().map(Expression::describe).collect(Collectors.joining(", "))
                        + (aggs.isEmpty() ? "" : " AGGREGATE " + aggs);
    }

    @Override
    public List<PlanNode> children() {
        return List.of(input);
    }
}
