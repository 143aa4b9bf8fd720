/**
 * Storage: streams of entries in time-bounded, compressed blocks, a write-ahead log for the open ones, and the
 * indexes a query prunes with.
 *
 * <p>Reading order: {@link dev.keel.logs.store.LogStore} (ingestion, sealing, recovery: how a write becomes durable),
 * {@code OpenBlock} (an open block's columns) and {@code Stream}; {@code BlockSealer} (the background thread that
 * seals frozen blocks, and its backpressure); {@link dev.keel.logs.store.BlockCodec} (the block format, encoded from
 * {@code BlockRows}) with {@code MessagePage} (a page's template or plain layout, its template ids from {@code TemplateIds})
 * and {@link dev.keel.logs.store.BodyCompression} (Zstandard for KLB4 blocks, DEFLATE to read KLB3 ones),
 * {@link dev.keel.logs.store.BlockMeta} and {@link dev.keel.logs.store.NgramBloom} (the full-text filter);
 * {@code BlockList} (binary search over blocks that may overlap in time); {@code StreamRegistry} (the label index);
 * {@link dev.keel.logs.store.StoreSnapshot} (how queries read, and stop early under a limit);
 * {@link dev.keel.logs.store.EntryCodec} (the log record format); {@code StoreRecovery}, {@code Retention},
 * {@code Watermarks}; {@code FileBlockStore}, {@code MemoryBlockStore}, {@code BlockReader} (the block cache).
 *
 * <p>Thread safety: {@code LogStore} is thread-safe (one write lock; snapshots read without it); block metadata,
 * block lists, snapshots and codecs are immutable or stateless; open blocks and streams' mutable fields are guarded
 * by the store's lock; the sealer thread encodes and writes a frozen block (never written to again) without the lock
 * and takes it to publish.
 */
@NullMarked
package dev.keel.logs.store;

import org.jspecify.annotations.NullMarked;
