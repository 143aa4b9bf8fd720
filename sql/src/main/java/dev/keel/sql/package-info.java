/**
 * keel's embedded SQL engine: the public API.
 *
 * <p>Reading order: {@link dev.keel.sql.SQLEngine} (the entry point: {@code SQLEngine.inMemory()}, queries,
 * statements, scripts, EXPLAIN); {@link dev.keel.sql.Table} with {@link dev.keel.sql.Column} and
 * {@link dev.keel.sql.ColumnType} (typed access without SQL); {@link dev.keel.sql.QueryResult} and
 * {@link dev.keel.sql.Row}; {@link dev.keel.sql.SqlException} with its stable {@link dev.keel.sql.SqlError} codes
 * (each with a SQLSTATE). Inside: {@code .parse} (SQL to syntax trees), {@code .plan} (binding and planning),
 * {@code .exec} (operators), {@code .storage} (tables, indexes, change log), {@code .engine} (sessions, transactions),
 * {@code .value} (SQL values).
 *
 * <p>Thread safety: {@link dev.keel.sql.SQLEngine} and {@link dev.keel.sql.Table} are thread-safe (one writer or many
 * readers at a time; a transaction belongs to the thread that began it); results, rows and columns are immutable.
 */
@NullMarked
package dev.keel.sql;

import org.jspecify.annotations.NullMarked;
