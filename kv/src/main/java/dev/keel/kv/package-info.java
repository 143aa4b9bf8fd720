/**
 * keel's key-value store: durable, ordered, with snapshots, TTLs and lists, on keel-storage's write-ahead log.
 *
 * <p>Reading order: {@link dev.keel.kv.KeyValueStore} (the API, and how a write works) with
 * {@link dev.keel.kv.KvOptions}; {@link dev.keel.kv.WriteBatch}, {@link dev.keel.kv.KvSnapshot},
 * {@link dev.keel.kv.KvIterator} and {@link dev.keel.kv.KvEntry}; {@link dev.keel.kv.KvLists} (lists with Redis's
 * semantics) and {@link dev.keel.kv.ValueType}; {@link dev.keel.kv.KvStats}; {@link dev.keel.kv.KvException}. Inside:
 * {@code KvRecord} (the record format in the log), {@code Keyspace} and {@code KeyDirectory} (the in-memory sorted
 * indexes of keys to log positions: user keys, and list elements under {@code ElementKey}s, with each list's
 * {@code ListHead}), {@code WriteLocks} (stripe locks and the snapshot gate), {@code ValueReader} (reads and caches
 * values), {@code StoreRecovery} and {@code DirectoryCheckpoint} (opening), {@code Compaction}, {@code Version} and
 * {@code VersionChains} (the versions open snapshots keep alive), {@code Maintenance} (background compaction and
 * checkpoints), {@code Key}.
 *
 * <p>Thread safety: {@code KeyValueStore}, {@code KvLists} and {@code KvSnapshot} are thread-safe; a
 * {@code KvIterator} and a {@code WriteBatch} are confined to one thread; options, entries, stats and records are
 * immutable.
 */
@NullMarked
package dev.keel.kv;

import org.jspecify.annotations.NullMarked;
