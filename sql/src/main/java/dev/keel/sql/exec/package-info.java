/**
 * The executor: bound expressions and the operators of a plan.
 *
 * <p>Reading order: {@link dev.keel.sql.exec.Expression} (and {@link dev.keel.sql.exec.InList},
 * {@link dev.keel.sql.exec.Like}, {@link dev.keel.sql.exec.FunctionCall}, {@link dev.keel.sql.exec.Subqueries});
 * {@link dev.keel.sql.exec.Frame} and {@link dev.keel.sql.exec.ExecutionContext}; {@link dev.keel.sql.exec.PlanNode}
 * and {@link dev.keel.sql.exec.RowSink}; the operators: {@link dev.keel.sql.exec.TableScan} over an
 * {@link dev.keel.sql.exec.AccessPath} (with {@link dev.keel.sql.exec.Coverage} for covering index scans),
 * {@link dev.keel.sql.exec.HashJoin}, {@link dev.keel.sql.exec.IndexNestedLoopJoin},
 * {@link dev.keel.sql.exec.NestedLoopJoin},
 * {@link dev.keel.sql.exec.Aggregate} with {@link dev.keel.sql.exec.AggregateCall},
 * {@link dev.keel.sql.exec.RowOperators}, {@link dev.keel.sql.exec.SetOperation}.
 *
 * <p>Thread safety: plans and expressions are immutable (a {@code Coverage} is filled while its query is planned and
 * only read after); a run is confined to the statement's thread (frames and
 * accumulators are per run). Operators push rows to their consumer, so a LIMIT stops the scans under it.
 */
@NullMarked
package dev.keel.sql.exec;

import org.jspecify.annotations.NullMarked;
