/**
 * keel's storage layer: a write-ahead log and crash-safe file replacement, with no domain knowledge. The key-value
 * store, the bank and the SQL engine make their state durable through it.
 *
 * <p>Reading order: {@link dev.keel.storage.WriteAheadLog} (open, append, read, truncate, close; how group commit
 * works) with its {@link dev.keel.storage.WalOptions}, {@link dev.keel.storage.SyncPolicy} and
 * {@link dev.keel.storage.RecoveryMode}; {@link dev.keel.storage.LogReader} and {@link dev.keel.storage.LogRecord}
 * (reading back); {@link dev.keel.storage.RecoveryReport} (what opening found); {@code LogFormat} (the on-disk
 * format, as a schema), {@code RecordFramer} and {@code SegmentScanner} (its encoder and decoder);
 * {@code LogRecovery} (how a torn tail is told apart from damage); {@link dev.keel.storage.DurableFiles} (write,
 * force, rename, force the directory); {@link dev.keel.storage.StorageException} (failures with a stable code).
 *
 * <p>Thread safety: {@code WriteAheadLog} is thread-safe (one lock for framing and bookkeeping, I/O outside it by a
 * single leader at a time); a {@code LogReader} is confined to one thread; options, records and reports are immutable;
 * {@code DurableFiles} is stateless.
 */
@NullMarked
package dev.keel.storage;

import org.jspecify.annotations.NullMarked;
