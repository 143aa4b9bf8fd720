/**
 * Benchmarks of keel's SQL engine against H2 and SQLite, all in memory through JDBC:
 * {@link dev.keel.bench.sql.SqlQueryBenchmark} (point select, indexed range scan, filtered GROUP BY, equi-join) and
 * {@link dev.keel.bench.sql.BulkInsertBenchmark}; {@link dev.keel.bench.sql.SqlLogicTestRunHarness} (the whole
 * sqllogictest sample, keel against SQLite); {@link dev.keel.bench.sql.Engines} opens the engines and loads the
 * shared data set.
 *
 * <p>Thread safety: JMH state, confined to the benchmark thread.
 */
@NullMarked
package dev.keel.bench.sql;

import org.jspecify.annotations.NullMarked;
