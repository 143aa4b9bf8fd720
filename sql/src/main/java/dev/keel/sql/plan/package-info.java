/**
 * The binder and the planner: from a parsed query to a tree of operators.
 *
 * <p>Reading order: {@link dev.keel.sql.plan.QueryPlanner} (the entry point: a query to a plan);
 * {@code Scope} and {@code Source} (the names a SELECT sees); {@code ExpressionBinder} (names to row positions,
 * constant folding, subqueries, aggregates); {@code SelectList}; {@code JoinPlanner} (predicate pushdown, join order,
 * hash joins); {@code AccessPlanner} (rowid and index selection, estimates); {@link dev.keel.sql.plan.Explain}.
 *
 * <p>Thread safety: a planner and everything it creates while planning is confined to the planning thread; it reads
 * the catalog, which the engine's lock keeps still. The plans it produces are immutable.
 */
@NullMarked
package dev.keel.sql.plan;

import org.jspecify.annotations.NullMarked;
