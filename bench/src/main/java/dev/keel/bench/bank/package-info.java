/**
 * Benchmarks of the banking ledger against PostgreSQL, pgbench and SQLite, and of its two concurrency designs against
 * each other.
 *
 * <p>Reading order: {@link dev.keel.bench.bank.BankHarness} (the questions, the command, the report), with
 * {@code TransferLoad} (the closed-loop load generator, one histogram per client thread) and the targets it drives
 * through {@code TransferTarget}: {@code KeelTarget} (the ledger as shipped: the batching sequencer),
 * {@code LockOrderingLedger} (the rejected design: a lock per account, taken in id order, held across the fsync),
 * {@code JdbcTarget} (the same double-entry transfer in SQL, on PostgreSQL or SQLite) and {@code PostgresCluster} (a
 * private PostgreSQL cluster in a scratch directory, and pgbench against it).
 *
 * <p>Thread safety: the harness runs on one thread; each client thread owns its {@code TransferTarget.Client}.
 */
@NullMarked
package dev.keel.bench.bank;

import org.jspecify.annotations.NullMarked;
