package dev.keel.sql.exec;

import java.util.List;

/**
 * An operator of a query plan: it pushes its rows to a {@link RowSink} and stops as soon as the sink declines more
 * (LIMIT). Rows are {@code Object[]} in the layout the planner assigned; an operator never changes a row it has
 * passed on, so operators may pass stored rows without copying.
 *
 * <p>Immutable; {@link #run} is thread-confined to the statement's thread, and a plan may run many times (a
 * correlated subquery runs once per outer row).
 */
public interface PlanNode {

    /**
     * Runs the operator.
     *
     * @param outer the frame of the enclosing query (correlated subqueries read it) or the statement's root frame
     * @param sink where rows go
     * @return false if the sink stopped the run early
     */
    boolean run(Frame outer, RowSink sink);

    /** One line for EXPLAIN: the operator and its choices (index, keys, filter). */
    String describe();

    /** The operators this one reads from. */
    List<PlanNode> children();
}
