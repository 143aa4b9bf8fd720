/**
 * keel's key-value store: durable, ordered, with snapshots and TTLs, on keel-storage's write-ahead log.
 *
 * <p>Reading order: {@link dev.keel.kv.KeyValueStore} (the API, and how a write works) with
 * {@link dev.keel.kv.KvOptions}; {@link dev.keel.kv.WriteBatch}, {@link dev.keel.kv.KvSnapshot},
 * {@link dev.keel.kv.KvIterator} and {@link dev.keel.kv.KvEntry}; {@link dev.keel.kv.KvStats};
 * {@link dev.keel.kv.KvException}. Inside: {@code KvRecord} (the record format in the log), {@code KeyDirectory} (the
 * in-memory sorted index of keys to log positions), {@code Version} and {@code VersionChains} (the versions open
 * snapshots keep alive), {@code Key}.
 *
 * <p>Thread safety: {@code KeyValueStore} and {@code KvSnapshot} are thread-safe; a {@code KvIterator} and a
 * {@code WriteBatch} are confined to one thread; options, entries, stats and records are immutable.
 */
@NullMarked
package dev.keel.kv;

import org.jspecify.annotations.NullMarked;
