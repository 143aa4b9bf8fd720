/**
 * The query language, a small LogQL: stream selectors, line filters, level and JSON-field filters, and metric
 * queries (count_over_time, count by, topk).
 *
 * <p>Reading order: {@link dev.keel.logs.query.QueryParser} (the grammar) over {@code QueryLexer} and
 * {@code Token}; {@link dev.keel.logs.query.Query} (the syntax tree); {@link dev.keel.logs.query.QueryFilter} (a log
 * query compiled into the store's three levels of pruning) with {@code FieldTest};
 * {@link dev.keel.logs.query.MetricEvaluator}.
 *
 * <p>Thread safety: parsers are confined to one call; queries, filters and the evaluator are immutable or stateless.
 */
@NullMarked
package dev.keel.logs.query;

import org.jspecify.annotations.NullMarked;
