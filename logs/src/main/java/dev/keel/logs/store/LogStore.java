package dev.keel.logs.store;

import dev.keel.logs.IngestResult;
import dev.keel.logs.LogEntry;
import dev.keel.logs.LogsException;
import dev.keel.logs.LogsOptions;
import dev.keel.logs.LogsStats;
import dev.keel.storage.SyncPolicy;
import dev.keel.storage.WalOptions;
import dev.keel.storage.WriteAheadLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The storage engine: streams of entries, each filled into an open block in memory and sealed into compressed,
 * time-bounded blocks at rest; a write-ahead log (keel-storage) that makes open blocks survive a crash.
 *
 * <p>How ingestion is designed, and why: a batch is checked against each stream's out-of-order window, then, under
 * one lock, appended to the log as one record (one {@code write}, no force) and added to the streams' open blocks,
 * so open blocks receive entries in log order. The caller then forces the log <em>outside</em> the lock
 * ({@link WriteAheadLog#sync()}): one force covers every batch written before it started, so concurrent ingesters
 * share forces (group commit) while the lock is held only for memory work and a write. An ingest returns, and is
 * acknowledged, after that force. Readers may see a batch slightly before it is durable (as Loki's ingesters do);
 * a crash in between loses only unacknowledged entries.
 *
 * <p>Sealing: a stream's open block is frozen when it reaches {@code maxBlockEntries} or {@code maxBlockBytes}; the
 * oldest open blocks are frozen when the log exceeds {@code maxWalBytes} or all open blocks exceed
 * {@code maxOpenBytes}, which bounds memory and restart time whatever the volume. Freezing is a pointer swap under
 * the lock; the {@link BlockSealer} thread then sorts the entries, writes the block crash-safely (after forcing the
 * log through its last record, so a block never covers log positions a crash could reuse), and publishes it under
 * the lock, recording in the block the log position it covers for its stream and deleting log segments that no open
 * or frozen block needs. Ingesters wait only when the sealer is {@code maxPendingSeals} blocks behind. Recovery reads
 * block headers, then replays the log, skipping each stream's entries at or below the position its blocks cover:
 * every acknowledged entry comes back exactly once.
 *
 * <p>Thread-safe: writes under one lock; queries work on a {@link StoreSnapshot} taken under it.
 */
public final class LogStore implements AutoCloseable {

    private final LogsOptions options;
    private final BlockStore blocks;
    private final @Nullable WriteAheadLog wal;
    private final @Nullable Watermarks watermarks;
    private final StreamRegistry streams = new StreamRegistry();
    private final BlockReader reader;
    private final ReentrantLock lock = new ReentrantLock();
    private final BlockSealer sealer;
    // @GuardedBy("lock")
    private long nextBlockId = 1;
    // @GuardedBy("lock")
    private long openBytes;
    // @GuardedBy("lock")
    private long nextMemoryLsn;
    // @GuardedBy("lock")
    private boolean closed;
    // @GuardedBy("lock")
    private final StoreCounters counters = new StoreCounters();

    private LogStore(
            LogsOptions options, BlockStore blocks, @Nullable WriteAheadLog wal, @Nullable Watermarks watermarks) {
        this.options = options;
        this.blocks = blocks;
        this.wal = wal;
        this.watermarks = watermarks;
        this.reader = new BlockReader(blocks, options.blockCacheBytes());
        this.sealer = new BlockSealer(
                lock,
                new BlockSealer.Work() {
                    @Override
                    public BlockCodec.Encoded seal(BlockSealer.Task task) throws IOException {
                        return encodeAndWrite(task);
                    }

                    @Override
                    public void publishLocked(BlockSealer.Task task, BlockCodec.Encoded block) throws IOException {
                        LogStore.this.publishLocked(task, block);
                    }
                },
                options.maxPendingSeals(),
                options.maxOpenBytes(),
                "keel-logs-sealer");
        sealer.start();
    }

    /** A store that keeps everything in memory (blocks compressed on the heap); nothing survives the process. */
    public static LogStore inMemory(LogsOptions options) {
        return new LogStore(options, new MemoryBlockStore(), null, null);
    }

    /** Opens (or creates) the store in {@code directory}, recovering every acknowledged entry. */
    public static LogStore open(Path directory, LogsOptions options) throws IOException {
        return open(directory, options, UnaryOperator.identity());
    }

    /** As {@link #open(Path, LogsOptions)}, with the block store wrapped by {@code decorate} (fault injection). */
    static LogStore open(Path directory, LogsOptions options, UnaryOperator<BlockStore> decorate) throws IOException {
        BlockStore blockStore = decorate.apply(new FileBlockStore(directory.resolve("blocks")));
        Watermarks marks = new Watermarks(directory.resolve("watermarks"));
        long segment = Math.clamp(options.maxWalBytes() / 8, 1L << 20, 64L << 20);
        WriteAheadLog log = WriteAheadLog.open(
                directory.resolve("wal"),
                WalOptions.builder()
                        .syncPolicy(SyncPolicy.NONE)
                        .segmentSize(segment)
                        .maxRecordSize(64 << 20)
                        .build());
        LogStore store = new LogStore(options, blockStore, log, marks);
        try {
            store.recover();
            return store;
        } catch (IOException | RuntimeException e) {
            store.sealer.close();
            try {
                log.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void recover() throws IOException {
        lock.lock();
        try {
            StoreRecovery.Result result = StoreRecovery.recover(blocks, wal, watermarks, streams, this::replay);
            nextBlockId = result.nextBlockId();
            counters.recovered(result.replayedEntries(), result.skippedEntries());
            sealIfOverLimitsLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Adds a replayed entry to its stream's open block. Caller holds the lock (recovery). */
    private void replay(Stream stream, LogEntry entry, long lsn) {
        addLocked(stream, entry, lsn);
    }

    /**
     * Ingests {@code batch}: entries outside their stream's out-of-order window are rejected, the rest stored and, under
     * {@link LogsOptions.Durability#SYNC}, durable when this returns.
     */
    public IngestResult ingest(List<LogEntry> batch) {
        List<IngestResult.Rejection> rejected = new ArrayList<>();
        List<LogEntry> accepted = new ArrayList<>(batch.size());
        long windowNanos = options.outOfOrderWindow().toNanos();
        lock.lock();
        try {
            checkOpenLocked();
            sealer.awaitCapacityLocked();
            checkOpenLocked(); // the wait released the lock: the store may have been closed meanwhile
            List<Stream> targets = new ArrayList<>(batch.size());
            // Newest timestamps as they would be after this batch: a batch is checked in its own order.
            java.util.Map<Stream, Long> newest = new java.util.HashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                LogEntry entry = batch.get(i);
                Stream stream = streams.getOrCreate(StreamKey.of(entry));
                long nanos = entry.epochNanos();
                long streamNewest = newest.getOrDefault(stream, stream.newestNanos());
                if (streamNewest != Long.MIN_VALUE && nanos < streamNewest - windowNanos) {
                    rejected.add(new IngestResult.Rejection(
                            i,
                            entry,
                            "entry at " + entry.timestamp()
                                    + " is too far out of order for stream " + stream.key()
                                    + ": its newest entry is at "
                                    + LogEntry.instantOf(streamNewest) + " and the out-of-order window is "
                                    + options.outOfOrderWindow() + " (expected: at or after "
                                    + LogEntry.instantOf(streamNewest - windowNanos) + ")"));
                    continue;
                }
                newest.put(stream, Math.max(streamNewest, nanos));
                accepted.add(entry);
                targets.add(stream);
            }
            counters.rejected(rejected.size());
            if (accepted.isEmpty()) {
                return new IngestResult(0, rejected);
            }
            long lsn = appendLocked(accepted, targets);
            for (int i = 0; i < accepted.size(); i++) {
                addLocked(targets.get(i), accepted.get(i), lsn);
            }
            counters.ingested(accepted.size());
            sealFullLocked(new HashSet<>(targets));
            sealIfOverLimitsLocked();
        } catch (IOException e) {
            throw new LogsException(LogsException.Code.STORAGE_FAILED, "ingest failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
        if (wal != null && options.durability() == LogsOptions.Durability.SYNC) {
            try {
                wal.sync();
            } catch (IOException e) {
                throw new LogsException(
                        LogsException.Code.STORAGE_FAILED, "forcing the log failed: " + e.getMessage(), e);
            }
        }
        return new IngestResult(accepted.size(), rejected);
    }

    private long appendLocked(List<LogEntry> accepted, List<Stream> targets) throws IOException {
        if (wal == null) {
            return nextMemoryLsn++;
        }
        List<StreamKey> keys = new ArrayList<>(targets.size());
        for (Stream stream : targets) {
            keys.add(stream.key());
        }
        return wal.append(EntryCodec.encodeBatch(accepted, keys));
    }

    private void addLocked(Stream stream, LogEntry entry, long lsn) {
        int size = OpenBlock.estimateBytes(entry);
        stream.open().add(entry, lsn, size);
        stream.observe(entry.epochNanos());
        openBytes += size;
    }

    private void sealFullLocked(Set<Stream> touched) throws IOException {
        for (Stream stream : touched) {
            OpenBlock open = stream.open();
            if (open.size() >= options.maxBlockEntries() || open.bytes() >= options.maxBlockBytes()) {
                sealLocked(stream);
            }
        }
    }

    /** Seals the oldest open blocks while the log or the open blocks exceed their bounds. */
    private void sealIfOverLimitsLocked() throws IOException {
        if (wal != null && wal.endLsn() - wal.firstLsn() > options.maxWalBytes()) {
            long keepFrom = wal.endLsn() - options.maxWalBytes() / 2;
            for (Stream stream : streams.all()) {
                if (!stream.open().isEmpty() && stream.open().firstLsn() < keepFrom) {
                    sealLocked(stream);
                }
            }
        }
        while (openBytes > options.maxOpenBytes()) {
            Stream largest = null;
            for (Stream stream : streams.all()) {
                if (largest == null || stream.open().bytes() > largest.open().bytes()) {
                    largest = stream;
                }
            }
            if (largest == null || largest.open().isEmpty()) {
                break;
            }
            sealLocked(largest);
        }
    }

    /** Freezes the stream's open block and queues it for the sealer: a pointer swap, no I/O. */
    private void sealLocked(Stream stream) {
        OpenBlock open = stream.open();
        if (open.isEmpty()) {
            return;
        }
        stream.freezeOpen();
        openBytes -= open.bytes();
        sealer.submitLocked(new BlockSealer.Task(stream, open, nextBlockId++));
    }

    /** On the sealer thread, without the lock: the frozen block is never written to again. */
    private BlockCodec.Encoded encodeAndWrite(BlockSealer.Task task) throws IOException {
        OpenBlock open = task.block();
        if (wal != null) {
            wal.sync(); // the block may claim log positions only once they cannot be reused after a crash
        }
        BlockCodec.Encoded block = BlockCodec.encode(
                task.blockId(), task.stream().key(), open.rows().inTimeOrder(), open.lastLsn());
        blocks.write(block);
        return block;
    }

    /** On the sealer thread, under the lock: the block replaces the frozen entries in one step for readers. */
    private void publishLocked(BlockSealer.Task task, BlockCodec.Encoded block) throws IOException {
        Stream stream = task.stream();
        stream.setBlocks(stream.blocks().with(block.meta()));
        stream.sealedThrough(task.block().lastLsn());
        stream.sealed(task.block());
        counters.sealed(block.meta());
        if (!closed) {
            truncateLogLocked();
        }
        Retention.applyLocked(options, streams, blocks, reader, watermarks, counters);
    }

    private void truncateLogLocked() throws IOException {
        if (wal == null) {
            return;
        }
        long keepFrom = wal.endLsn();
        for (Stream stream : streams.all()) {
            if (!stream.open().isEmpty()) {
                keepFrom = Math.min(keepFrom, stream.open().firstLsn());
            }
            for (OpenBlock frozen : stream.sealing()) {
                keepFrom = Math.min(keepFrom, frozen.firstLsn());
            }
        }
        wal.truncateBefore(keepFrom);
    }

    /** Seals every open block and waits for the sealer (a checkpoint: restart then replays nothing). */
    public void flush() {
        lock.lock();
        try {
            checkOpenLocked();
            sealer.checkHealthyLocked();
            for (Stream stream : streams.all()) {
                sealLocked(stream);
            }
            sealer.drainLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Deletes the blocks retention no longer keeps; returns how many. */
    public int applyRetention() {
        lock.lock();
        try {
            checkOpenLocked();
            return Retention.applyLocked(options, streams, blocks, reader, watermarks, counters);
        } catch (IOException e) {
            throw new LogsException(LogsException.Code.STORAGE_FAILED, "retention failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** A consistent view for queries: every stream's sealed blocks and the entries of its open block. */
    public StoreSnapshot snapshot() {
        lock.lock();
        try {
            checkOpenLocked();
            List<StoreSnapshot.StreamView> views = new ArrayList<>(streams.size());
            for (Stream stream : streams.all()) {
                OpenBlock open = stream.open();
                views.add(new StoreSnapshot.StreamView(stream, stream.blocks(), stream.sealing(), open.rows()));
            }
            return new StoreSnapshot(views, streams, reader);
        } finally {
            lock.unlock();
        }
    }

    /** Counters and sizes, read together. */
    public LogsStats stats() {
        lock.lock();
        try {
            long blockCount = 0;
            long stored = 0;
            long raw = 0;
            long sealedEntries = 0;
            long openEntries = 0;
            for (Stream stream : streams.all()) {
                for (BlockMeta meta : stream.blocks().all()) {
                    blockCount++;
                    stored += meta.storedBytes();
                    raw += meta.rawBytes();
                    sealedEntries += meta.count();
                }
                openEntries += stream.open().size();
                for (OpenBlock frozen : stream.sealing()) {
                    openEntries += frozen.size();
                }
            }
            return counters.toStats(
                    streams.size(),
                    blockCount,
                    sealedEntries,
                    openEntries,
                    stored,
                    raw,
                    openBytes + sealer.pendingBytesLocked(),
                    wal == null ? 0 : wal.endLsn() - wal.firstLsn());
        } finally {
            lock.unlock();
        }
    }

    private void checkOpenLocked() {
        if (closed) {
            throw new LogsException(LogsException.Code.CLOSED, "the log store is closed");
        }
    }

    /** Seals every open block, waits for the sealer, then closes the log. Idempotent. */
    @Override
    public void close() throws IOException {
        IOException error = null;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            try {
                if (sealer.isHealthyLocked()) {
                    for (Stream stream : streams.all()) {
                        sealLocked(stream);
                    }
                }
                sealer.drainLocked();
            } catch (LogsException e) {
                error = new IOException(e.getMessage(), e);
            }
            closed = true;
        } finally {
            lock.unlock();
        }
        sealer.close(); // without the lock: the sealer may be publishing
        lock.lock();
        try {
            if (wal != null) {
                try {
                    wal.close();
                } catch (IOException e) {
                    if (error == null) {
                        error = e;
                    } else {
                        error.addSuppressed(e);
                    }
                }
            }
            blocks.close();
        } finally {
            lock.unlock();
        }
        if (error != null) {
            throw error;
        }
    }
}
