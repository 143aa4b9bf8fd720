/**
 * Statement execution: sessions, transactions, the lock that serialises writers, and the log and checkpoints that
 * make a file database durable.
 *
 * <p>Reading order: {@link dev.keel.sql.engine.Database} (catalog, lock, log; checkpoint and replay on open);
 * {@link dev.keel.sql.engine.Session} (one connection: autocommit, BEGIN/COMMIT/ROLLBACK, statement atomicity, logging
 * committed transactions); {@code CommitLog} (the record format on keel-storage's write-ahead log); {@code Checkpointer} (when and in what
 * order a checkpoint is written and the log truncated) and {@code CheckpointFile} (its format), over
 * {@code ValueCodec};
 * {@code StatementRunner} (DDL) and {@code DmlExecutor}; {@code PlanCache}; {@link dev.keel.sql.engine.StatementResult}.
 *
 * <p>Thread safety: a {@link dev.keel.sql.engine.Database} is thread-safe: statements take its read lock (queries) or
 * write lock (everything else); an explicit transaction holds the write lock from BEGIN to COMMIT or ROLLBACK, which
 * makes transactions serializable. A {@link dev.keel.sql.engine.Session} is not thread-safe: one per connection, used by
 * one thread at a time, and a transaction must end on the thread that began it. A checkpoint holds the read lock:
 * queries go on, commits wait.
 */
@NullMarked
package dev.keel.sql.engine;

import org.jspecify.annotations.NullMarked;
