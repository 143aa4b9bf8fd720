/**
 * keel's banking ledger: double-entry accounts and transfers in the style of TigerBeetle, durable on keel-storage's
 * write-ahead log.
 *
 * <p>Reading order: {@link dev.keel.bank.BankingSystem} (the entry point, and how a request becomes durable) with
 * {@link dev.keel.bank.BankOptions}; the values {@link dev.keel.bank.Money}, {@link dev.keel.bank.AccountFlags},
 * {@link dev.keel.bank.NewAccount}, {@link dev.keel.bank.NewTransfer}, {@link dev.keel.bank.Transfer}; the outcomes
 * {@link dev.keel.bank.TransferResult}, {@link dev.keel.bank.TransferOutcome}, {@link dev.keel.bank.ChainOutcome},
 * {@link dev.keel.bank.AccountResult}; the queries {@link dev.keel.bank.Account}, {@link dev.keel.bank.Balance},
 * {@link dev.keel.bank.Statement}, {@link dev.keel.bank.AuditReport}. Inside: {@code Ledger} (the deterministic state
 * machine: every rule of the books, with {@code TransferRules}) over {@code Books} (the state, and how each event
 * changes it) and {@code AccountState}; {@code Audit}; {@code Event} (a state change) and
 * {@code EventCodec}; {@code Sequencer} (the single writer that batches requests into one log record) and
 * its {@code Commits}: {@code InlineCommits} (the default: the sequencer forces each record itself) or
 * {@code CommitPipeline} (forces sealed records on its own thread while the next batch runs), either answering a batch
 * only once it is durable;
 * {@code LedgerLog} (the log records and their hash chain); {@code LedgerSnapshot}, encoded from a
 * {@code LedgerView} (captured between batches, read through {@code AppendOnlyList} prefixes) on the thread of
 * {@code SnapshotCommits}; {@code Recovery}.
 *
 * <p>Thread safety: {@code BankingSystem} and {@code Account} are thread-safe; every request runs on the sequencer's
 * one thread, so the {@code Ledger} is confined to it and needs no locks; a commit pipeline's thread, when
 * one is configured, touches only the log; the snapshot thread reads only an immutable {@code LedgerView} and the
 * files. Values and outcomes are immutable.
 */
@NullMarked
package dev.keel.bank;

import org.jspecify.annotations.NullMarked;
