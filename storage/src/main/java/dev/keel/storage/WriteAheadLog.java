package dev.keel.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A segmented, checksummed write-ahead log with group commit and crash recovery: the durability layer under the
 * key-value store, the bank and the SQL engine.
 *
 * <pre>{@code
 * try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
 *     long lsn = log.append(bytes);                 // on disk when this returns (SyncPolicy.ALWAYS)
 *     try (LogReader reader = log.reader()) {
 *         reader.forEachRemaining(record -> apply(record.payload()));
 *     }
 * }
 * }</pre>
 *
 * <p>How appending is designed, and why (leader/follower group commit, as in LevelDB's writer queue and
 * PostgreSQL's WAL flush): an appender takes the lock only to <em>frame</em> its record into a shared pending buffer
 * at the next log position, which fixes its LSN. If no I/O is in progress it becomes the leader; otherwise it queues
 * ({@code CommitQueue}) and parks. The leader swaps the pending buffer for a spare, releases the lock, writes everything
 * framed so far in one {@code write} and forces once, then wakes exactly the appenders that force covered and hands
 * leadership to the first appender still waiting, whose flush takes everything framed meanwhile. So with N concurrent
 * appenders one force serves up to N records and throughput is bounded by fsync latency, not by fsync count.
 * Rejected: a dedicated writer thread (a hand-off per append even without contention), one force per append
 * (throughput capped at 1/fsync latency), and one {@code Condition} for all waiters (every flush would wake every
 * waiter; measured, that herd and not the disk capped 64 appenders at 12 records per force).
 *
 * <p>Durability bookkeeping: {@code nextLsn} (framed) &ge; {@code writtenLsn} (handed to the OS, visible to readers)
 * &ge; {@code durableLsn} (forced). After a force advances {@code durableLsn}, the next append first frames a small
 * SYNC marker carrying it, which lets recovery tell a torn tail (damage after the last known-durable point, which a
 * crash can cause) from damage before it (which it cannot), see {@code LogRecovery}. Segments are forced when they
 * roll, so only the last segment can have a torn tail.
 *
 * <p>Failure is fail-stop: if a write or force fails, the log refuses all further work with
 * {@link StorageException.Code#LOG_FAILED}. After a failed {@code fsync} Linux may have dropped the dirty pages and
 * cleared the error, so retrying could report success for data that is gone (PostgreSQL's "fsyncgate"); reopening
 * recovers from what is really on disk.
 *
 * <p>Overlapping forces: {@link #appendBatchUnforced} writes without forcing and {@link #sync()} forces outside the
 * I/O role, so a single writer can hand its forces to other threads and have several in flight at once (each covers
 * every byte written before it started); the bank's sequencer does ({@code OverlappingForces} in keel-bank).
 *
 * <p>Thread-safe. Appends, reads, readers, {@link #sync()} and {@link #truncateBefore(long)} may run concurrently
 * from any threads; an interrupted appender's record is still committed (its interrupt status is kept).
 */
public final class WriteAheadLog implements AutoCloseable {

    private static final int INITIAL_BUFFER = 256 * 1024;
    /** Pending buffers up to this size are kept between flushes; large batches would otherwise reallocate each time. */
    private static final int MAX_RETAINED_BUFFER = 64 * 1024 * 1024;

    static final String LOCK_FILE = "wal.lock";
    /**
     * Bytes of zeros written ahead of the data in the active segment when the log forces (not under NONE). Why: on
     * ext4 an fdatasync that grows the file must also commit the new size and block allocation through the journal;
     * into space already written it flushes data alone. Measured on this project's machine (12,000-byte writes, each
     * followed by fdatasync): 270-410 us growing the file, 110-210 us into zeros. The zeros cost one extra write of
     * each byte of the log, so a log that never forces does not pay them; the active segment is cut back to its end
     * when it is sealed or closed, and after a crash recovery cuts the zeros like any torn tail.
     */
    static final int PREALLOCATION_CHUNK = 1 << 20;

    /** Never read or moved itself: each use takes a {@code duplicate()} with its own position. */
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 << 10).asReadOnlyBuffer();
    /** Flushes one leader runs back to back before handing leadership on (see {@code CommitQueue}). */
    private static final int MAX_LEADER_ROUNDS = 4;

    private final Path directory;
    private final WalOptions options;
    private final boolean forceOnAppend;
    private final boolean preallocate;
    /** Offset in the active segment up to which the file exists (data or zeros); @GuardedBy the I/O role. */
    private long preallocatedTo;

    private final RecoveryReport recoveryReport;
    private final FileChannel lockChannel;
    private final FileLock directoryLock;
    private final @Nullable IntervalSyncer syncer;

    /** Every segment by base LSN; modified under {@code lock}, read without it by readers. */
    private final ConcurrentSkipListMap<Long, Segment> segments;

    private final ReentrantLock lock = new ReentrantLock();
    /** Who does the I/O and whom to wake: group commit's bookkeeping, guarded by {@code lock}. */
    private final CommitQueue commits = new CommitQueue(lock.newCondition());

    // @GuardedBy("lock")
    private Segment current;
    // @GuardedBy("lock")
    private ByteBuffer pending = ByteBuffer.allocateDirect(INITIAL_BUFFER);
    // @GuardedBy("lock"); null exactly while a leader holds it for I/O
    private @Nullable ByteBuffer spare = ByteBuffer.allocateDirect(INITIAL_BUFFER);
    // @GuardedBy("lock")
    private long nextLsn;
    // @GuardedBy("lock")
    private long writtenLsn;
    // @GuardedBy("lock")
    private long durableLsn;
    // @GuardedBy("lock")
    private long markedDurableLsn;
    /** Set once, under {@code lock}; volatile so that a failed waiter can report it without the lock. */
    private volatile @Nullable IOException failure;
    // @GuardedBy("lock")
    private boolean closed;
    // @GuardedBy("lock")
    private long appends;
    // @GuardedBy("lock")
    private long records;
    // @GuardedBy("lock")
    private long forces;
    // @GuardedBy("lock")
    private long bytesWritten;

    /** writtenLsn, published for readers that do not take the lock. */
    private volatile long visibleLsn;

    private WriteAheadLog(
            Path directory,
            WalOptions options,
            LogRecovery.Result recovered,
            FileChannel lockChannel,
            FileLock directoryLock) {
        this.directory = directory;
        this.options = options;
        this.forceOnAppend = options.syncPolicy() instanceof SyncPolicy.Always;
        this.recoveryReport = recovered.report();
        this.lockChannel = lockChannel;
        this.directoryLock = directoryLock;
        this.segments = new ConcurrentSkipListMap<>();
        for (Segment segment : recovered.segments()) {
            segments.put(segment.baseLsn(), segment);
        }
        this.current = segments.lastEntry().getValue();
        this.nextLsn = recovered.endLsn();
        this.writtenLsn = nextLsn;
        this.durableLsn = nextLsn;
        // Everything recovered is on disk; the first append of this session records that in a SYNC marker, so that
        // damage to what earlier sessions wrote is never mistaken for a torn tail.
        this.markedDurableLsn = -1;
        this.visibleLsn = nextLsn;
        this.preallocate = !(options.syncPolicy() instanceof SyncPolicy.None);
        this.preallocatedTo = nextLsn - current.baseLsn();
        this.syncer = options.syncPolicy() instanceof SyncPolicy.Interval(var period)
                ? IntervalSyncer.start(this, period)
                : null;
    }

    /**
     * Opens the log in {@code directory} (created if missing), recovering it: every segment is read and every record's
     * checksum verified; a torn tail is truncated; damage before the tail fails the open (or is cut away under
     * {@link RecoveryMode#SALVAGE}). What recovery did is in {@link #recoveryReport()}.
     *
     * @throws StorageException with a {@link StorageException.Code} for a damaged, foreign or locked directory
     */
    public static WriteAheadLog open(Path directory, WalOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        Files.createDirectories(directory);
        FileChannel lockChannel =
                FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock directoryLock = null;
        try {
            directoryLock = tryLock(lockChannel, directory);
            LogRecovery.Result recovered = LogRecovery.recover(directory, options);
            return new WriteAheadLog(directory, options, recovered, lockChannel, directoryLock);
        } catch (IOException | RuntimeException | Error e) {
            if (directoryLock != null) {
                directoryLock.release();
            }
            lockChannel.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel, Path directory) throws IOException {
        FileLock acquired;
        try {
            acquired = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            throw new StorageException(
                    StorageException.Code.LOCKED,
                    "write-ahead log in " + directory + " is already open (" + LOCK_FILE + " is locked by this or "
                            + "another process)");
        }
        return acquired;
    }

    /** Appends one record; returns its LSN. Durable on return under {@link SyncPolicy#ALWAYS}. */
    public long append(byte[] payload) throws IOException {
        return append(ByteBuffer.wrap(payload));
    }

    /** Appends the remaining bytes of {@code payload} (not consumed) as one record; returns its LSN. */
    public long append(ByteBuffer payload) throws IOException {
        RecordFramer.checkRecordSize(payload.remaining(), 0, options);
        return appendFramed(new ByteBuffer[] {payload.duplicate()})[0];
    }

    /**
     * Appends {@code payloads} as consecutive records, atomically: after a crash either every record of the batch is
     * in the log or none is, and readers never see part of it. Returns their LSNs in order; an empty batch writes
     * nothing.
     */
    public long[] appendBatch(List<byte[]> payloads) throws IOException {
        ByteBuffer[] buffers = RecordFramer.wrapBatch(payloads, options);
        return buffers.length == 0 ? new long[0] : appendFramed(buffers);
    }

    /**
     * Appends {@code payloads} as {@link #appendBatch} does and writes them to the operating system, but does not
     * force them, whatever the sync policy: they are durable once a {@link #sync()} that started after this returned
     * has returned. For a single writer that overlaps forces with its next writes: it appends here and calls
     * {@code sync()} from other threads, whose forces may then run concurrently with each other and with its writes
     * (an fsync covers every byte written before it started; a force in flight does not delay the next). Returns the
     * records' LSNs; {@link #endLsn()} after it is the end they are durable to once synced. The caller must not
     * acknowledge them before that; {@code append} under {@link SyncPolicy#ALWAYS} is the call that waits itself.
     */
    public long[] appendBatchUnforced(List<byte[]> payloads) throws IOException {
        ByteBuffer[] buffers = RecordFramer.wrapBatch(payloads, options);
        if (buffers.length == 0) {
            return new long[0];
        }
        lock.lock();
        try {
            checkUsableLocked();
            rollIfFullLocked();
            commits.acquireExclusive(); // the I/O role: no leader writes meanwhile, so the bytes go out in LSN order
            try {
                checkUsableLocked();
                long[] lsns = frameLocked(buffers);
                flushLocked(false, true);
                return lsns;
            } finally {
                endTurnLocked();
            }
        } finally {
            lock.unlock();
        }
    }

    private long[] appendFramed(ByteBuffer[] payloads) throws IOException {
        long[] lsns;
        CommitQueue.Waiter waiter = null;
        lock.lock();
        try {
            checkUsableLocked();
            rollIfFullLocked();
            lsns = frameLocked(payloads);
            if (commits.tryLead()) {
                flushAsLeaderLocked();
                return lsns;
            }
            waiter = commits.enqueue(nextLsn);
        } finally {
            commits.wakeAll();
            lock.unlock();
        }
        switch (CommitQueue.await(waiter)) {
            case DONE -> {}
            case FAILED -> throw failed();
            case LEAD -> {
                lock.lock();
                try {
                    flushAsLeaderLocked();
                } finally {
                    commits.wakeAll();
                    lock.unlock();
                }
            }
        }
        return lsns;
    }

    /**
     * Frames {@code payloads} into the pending buffer at the next positions (after a SYNC marker if a force advanced
     * the durable point since the last one) and returns their LSNs. Caller holds the lock.
     */
    private long[] frameLocked(ByteBuffer[] payloads) {
        long[] lsns = new long[payloads.length];
        long base = current.baseLsn();
        long offset = nextLsn - base;
        if (!(options.syncPolicy() instanceof SyncPolicy.None) && durableLsn > markedDurableLsn) {
            ensureCapacityLocked(LogFormat.FRAGMENT_HEADER_SIZE + LogFormat.SYNC_PAYLOAD_SIZE);
            long after = RecordFramer.frameSync(durableLsn, offset, pending);
            if (after != offset) {
                markedDurableLsn = durableLsn;
                offset = after;
            }
        }
        ensureCapacityLocked(framedSize(payloads, offset));
        for (int i = 0; i < payloads.length; i++) {
            int room = LogFormat.remainingInBlock(offset);
            lsns[i] = base + (room < LogFormat.FRAGMENT_HEADER_SIZE ? offset + room : offset);
            offset = RecordFramer.frame(payloads[i], i < payloads.length - 1, offset, pending);
        }
        nextLsn = base + offset;
        appends++;
        records += payloads.length;
        return lsns;
    }

    private static long framedSize(ByteBuffer[] payloads, long offset) {
        long position = offset;
        for (ByteBuffer payload : payloads) {
            position += RecordFramer.framedSize(payload.remaining(), position);
        }
        return position - offset;
    }

    /**
     * One turn as the I/O leader: writes (and under ALWAYS forces) everything framed so far, completes the appenders it
     * covered and hands the I/O role on. Caller holds the lock and the I/O role; the appender that leads has its own
     * record in the flush, since it framed it before it led.
     */
    private void flushAsLeaderLocked() throws IOException {
        try {
            int rounds = 0;
            do {
                if (failure != null) {
                    throw failed();
                }
                flushLocked(forceOnAppend, true);
                commits.complete(committedLsn());
                commits.wakeAll();
            } while (++rounds < MAX_LEADER_ROUNDS && commits.hasWaitersToLead());
        } finally {
            endTurnLocked();
        }
    }

    /**
     * Gives up the I/O role: completes whoever the I/O covered and hands the role on, or, if the log has failed,
     * fails every waiter and leaves the role free so that close() can run. Wakes whoever that concerned.
     */
    private void endTurnLocked() {
        if (failure == null) {
            commits.complete(committedLsn());
            commits.endTurn();
        } else {
            commits.failAll();
        }
        commits.wakeAll();
    }

    /** What appenders wait for: forced under ALWAYS, written otherwise. */
    private long committedLsn() {
        return forceOnAppend ? durableLsn : writtenLsn;
    }

    /**
     * Writes everything pending, and forces if asked. With {@code releaseLock} the lock is let go during the I/O so
     * that other appenders keep framing into the other buffer; rolls and close keep it. Caller holds the lock and the
     * I/O role (so nobody else swaps the buffers). On failure the log is failed and every waiter told.
     */
    private void flushLocked(boolean force, boolean releaseLock) throws IOException {
        Segment segment = current;
        long from = writtenLsn;
        long to = nextLsn;
        ByteBuffer batch = pending;
        pending = Objects.requireNonNull(spare, "spare buffer held by another I/O leader");
        spare = null;
        batch.flip();
        Throwable error = null;
        if (releaseLock) {
            lock.unlock();
        }
        try {
            preallocate(segment, to - segment.baseLsn());
            if (batch.hasRemaining()) {
                segment.writeFully(batch, from - segment.baseLsn());
            }
            if (force) {
                segment.force();
            }
        } catch (IOException | RuntimeException | Error e) {
            error = e;
        } finally {
            if (releaseLock) {
                lock.lock();
            }
            spare = batch.capacity() > MAX_RETAINED_BUFFER ? ByteBuffer.allocateDirect(INITIAL_BUFFER) : batch.clear();
        }
        if (error != null) {
            throw fail(error, "writing " + (to - from) + " bytes at LSN " + from + " to " + segment);
        }
        writtenLsn = to;
        visibleLsn = to;
        bytesWritten += to - from;
        if (force) {
            durableLsn = to;
            forces++;
        }
    }

    /**
     * Writes zeros ahead so that the file already reaches {@code end}, a chunk at a time, up to the segment size.
     * Caller holds the I/O role (it alone writes the active segment); the zeros are forced with the data after them.
     */
    private void preallocate(Segment segment, long end) throws IOException {
        if (!preallocate || end <= preallocatedTo) {
            return;
        }
        long target = Math.min(preallocatedTo + PREALLOCATION_CHUNK, options.segmentSize());
        target = Math.max(target, end);
        for (long offset = preallocatedTo; offset < target; ) {
            ByteBuffer zeros = ZEROS.duplicate();
            zeros.limit((int) Math.min(zeros.capacity(), target - offset));
            segment.writeFully(zeros, offset);
            offset += zeros.limit();
        }
        preallocatedTo = target;
    }

    /** Cuts the zeros preallocated past the active segment's end (when it is sealed or closed). */
    private void cutPreallocationLocked() throws IOException {
        long end = nextLsn - current.baseLsn();
        if (preallocatedTo > end) {
            current.truncate(end);
        }
        preallocatedTo = end;
    }

    private void ensureCapacityLocked(long bytes) {
        if (pending.remaining() >= bytes) {
            return;
        }
        long wanted = Math.max(2L * pending.capacity(), pending.position() + bytes);
        if (wanted > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("pending log buffer would exceed 2 GiB (" + wanted + " bytes)");
        }
        ByteBuffer grown = ByteBuffer.allocateDirect((int) wanted);
        grown.put(pending.flip());
        pending = grown;
    }

    private void rollIfFullLocked() throws IOException {
        while (nextLsn - current.baseLsn() >= options.segmentSize()) {
            commits.acquireExclusive();
            try {
                checkUsableLocked();
                if (nextLsn - current.baseLsn() >= options.segmentSize()) {
                    rollLocked();
                }
            } finally {
                endTurnLocked();
            }
        }
    }

    /** Writes and forces the current segment, then starts the next one. Caller holds the lock and the I/O role. */
    private void rollLocked() throws IOException {
        flushLocked(true, false);
        try {
            cutPreallocationLocked(); // a sealed segment ends where its data ends: recovery reads sealed files whole
        } catch (IOException | RuntimeException e) {
            throw fail(e, "cutting the preallocated end of " + current);
        }
        long newBase = nextLsn;
        Segment next;
        try {
            next = SegmentFiles.create(directory, newBase, options.channelOpener());
        } catch (IOException | RuntimeException e) {
            throw fail(e, "creating the segment at LSN " + newBase);
        }
        current.seal(newBase);
        segments.put(newBase, next);
        current = next;
        nextLsn = newBase + LogFormat.SEGMENT_HEADER_SIZE;
        preallocatedTo = LogFormat.SEGMENT_HEADER_SIZE;
        writtenLsn = nextLsn;
        durableLsn = nextLsn;
        markedDurableLsn = nextLsn;
        visibleLsn = nextLsn;
        forces++;
    }

    /**
     * Forces everything appended so far to disk: what {@link SyncPolicy#interval} does in the background, available to
     * callers who want a durable point under {@link SyncPolicy#NONE} (a checkpoint, a clean shutdown).
     */
    public void sync() throws IOException {
        Segment segment;
        long target;
        lock.lock();
        try {
            checkUsableLocked();
            commits.acquireExclusive();
            try {
                checkUsableLocked();
                if (nextLsn > writtenLsn) {
                    flushLocked(false, true);
                }
            } finally {
                endTurnLocked();
            }
            target = writtenLsn;
            if (durableLsn >= target) {
                return;
            }
            segment = current;
            if (!segment.retain()) {
                return;
            }
        } finally {
            lock.unlock();
        }
        // Forced outside the lock and outside the I/O role, so that appenders keep writing meanwhile: a force covers
        // at least every byte written before it started, which is all that target claims.
        Throwable error = null;
        try {
            segment.force();
        } catch (IOException | RuntimeException e) {
            error = e;
        } finally {
            segment.release();
        }
        lock.lock();
        try {
            if (error != null) {
                throw fail(error, "forcing " + segment);
            }
            durableLsn = Math.max(durableLsn, target);
            forces++;
            commits.complete(committedLsn());
        } finally {
            commits.wakeAll();
            lock.unlock();
        }
    }

    /** Reads the record that starts at {@code lsn}. */
    public LogRecord read(long lsn) throws IOException {
        Segment segment = acquire(lsn);
        try {
            long base = segment.baseLsn();
            long limit = segmentEnd(segment) - base;
            SegmentScanner scanner = new SegmentScanner(
                    segment, lsn - base, limit, options.maxRecordSize(), SegmentScanner.RANDOM_READ_AHEAD);
            if (lsn - base >= LogFormat.SEGMENT_HEADER_SIZE
                    && lsn - base < limit
                    && scanner.next() instanceof SegmentScanner.Record record
                    && !record.sync()
                    && record.offset() == lsn - base) {
                return new LogRecord(lsn, record.payload());
            }
            throw new StorageException(
                    StorageException.Code.NO_SUCH_RECORD,
                    "no record starts at LSN " + lsn + " (in segment " + segment + ", log end " + visibleLsn + ")");
        } finally {
            segment.release();
        }
    }

    /** A reader of every record from the oldest segment on. */
    public LogReader reader() throws IOException {
        return reader(firstLsn());
    }

    /**
     * A reader of the records from {@code fromLsn} on, which must be a record's LSN, a segment's base, or an end of
     * the log as {@link #endLsn()} returned it. The reader sees records appended after it was created, up to what has
     * been written when it asks; it must be closed.
     */
    public LogReader reader(long fromLsn) throws IOException {
        return new LogReader(this, fromLsn, options.maxRecordSize());
    }

    /**
     * Deletes the segments that hold only records below {@code lsn} (after a checkpoint or a compaction made them
     * unnecessary); returns how many. The segment being appended to is never deleted. Readers positioned in a deleted
     * segment finish it (the file stays open until they move on).
     */
    public int truncateBefore(long lsn) throws IOException {
        int deleted = 0;
        lock.lock();
        try {
            checkUsableLocked();
            for (Map.Entry<Long, Segment> entry :
                    segments.headMap(current.baseLsn()).entrySet()) {
                Long nextBase = segments.higherKey(entry.getKey());
                if (nextBase == null || nextBase > lsn) {
                    break;
                }
                Segment segment = entry.getValue();
                segments.remove(entry.getKey());
                segment.deleteFile();
                segment.retire();
                deleted++;
            }
            if (deleted > 0) {
                DurableFiles.forceDirectory(directory);
            }
        } finally {
            lock.unlock();
        }
        return deleted;
    }

    /** The LSN where the oldest remaining segment starts. */
    public long firstLsn() {
        return segments.firstKey();
    }

    /**
     * The base LSN of every segment, oldest first; the last is the segment being appended to. Everything below the
     * last base is in sealed segments, which {@link #truncateBefore} can delete whole.
     */
    public List<Long> segmentBases() {
        return List.copyOf(segments.keySet());
    }

    /** The LSN the next record will be framed at: everything appended so far lies below it. */
    public long endLsn() {
        lock.lock();
        try {
            return nextLsn;
        } finally {
            lock.unlock();
        }
    }

    /** Everything below this LSN is known to be on disk. */
    public long durableLsn() {
        lock.lock();
        try {
            return durableLsn;
        } finally {
            lock.unlock();
        }
    }

    /** Counters and positions, read together. */
    public WalStats stats() {
        lock.lock();
        try {
            return new WalStats(
                    appends, records, forces, bytesWritten, segments.size(), segments.firstKey(), nextLsn, durableLsn);
        } finally {
            lock.unlock();
        }
    }

    /** What opening the log found and did. */
    public RecoveryReport recoveryReport() {
        return recoveryReport;
    }

    /** The log's directory. */
    public Path directory() {
        return directory;
    }

    /** The options the log was opened with. */
    public WalOptions options() {
        return options;
    }

    /**
     * Writes and forces everything appended, then closes every segment and releases the directory. Idempotent. Appends
     * after close fail with {@link StorageException.Code#CLOSED}.
     */
    @Override
    public void close() throws IOException {
        if (syncer != null) {
            syncer.close();
        }
        IOException error = null;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            commits.acquireExclusive();
            if (failure == null) {
                try {
                    flushLocked(true, false);
                    cutPreallocationLocked();
                    commits.complete(committedLsn());
                } catch (IOException e) {
                    error = e;
                }
            }
            closed = true;
            commits.failAll();
            commits.wakeAll();
            for (Segment segment : segments.values()) {
                try {
                    segment.retire();
                } catch (IOException e) {
                    error = addTo(error, e);
                }
            }
        } finally {
            lock.unlock();
        }
        try {
            directoryLock.release();
            lockChannel.close();
        } catch (IOException e) {
            error = addTo(error, e);
        }
        if (error != null) {
            throw error;
        }
    }

    @Override
    public String toString() {
        return "WriteAheadLog[" + directory + ", " + options.syncPolicy() + "]";
    }

    // ---- used by LogReader ----

    /** The segment holding {@code lsn}, retained for the caller, who must release it. */
    Segment acquire(long lsn) throws IOException {
        Map.Entry<Long, Segment> entry = segments.floorEntry(lsn);
        if (entry == null || !entry.getValue().retain()) {
            throw new StorageException(
                    StorageException.Code.NO_SUCH_RECORD,
                    "LSN " + lsn + " is before the start of the log (now " + segments.firstKey()
                            + "): it was truncated or never existed");
        }
        return entry.getValue();
    }

    /** The segment after {@code segment}, retained, or null if it is the last. */
    @Nullable
    Segment acquireNext(Segment segment) throws IOException {
        Map.Entry<Long, Segment> next = segments.higherEntry(segment.baseLsn());
        return next == null ? null : acquire(next.getKey());
    }

    /**
     * The LSN where what readers may see of {@code segment} ends. The visible end is read before the seal: a roll
     * seals the old segment before it moves the visible end into the new one, so an unsealed segment's visible end
     * is always inside it.
     */
    long segmentEnd(Segment segment) {
        long visible = visibleLsn;
        long sealed = segment.sealedEnd();
        return sealed >= 0 ? sealed : visible;
    }

    // ---- failure handling ----

    private void checkUsableLocked() throws StorageException {
        if (closed) {
            throw new StorageException(StorageException.Code.CLOSED, "write-ahead log in " + directory + " is closed");
        }
        if (failure != null) {
            throw failed();
        }
    }

    private StorageException failed() {
        return new StorageException(
                StorageException.Code.LOG_FAILED,
                "write-ahead log in " + directory + " failed earlier and accepts no more work; reopen it to recover: "
                        + failure.getMessage(),
                failure);
    }

    private StorageException fail(Throwable cause, String during) {
        if (failure == null) {
            failure = cause instanceof IOException io ? io : new IOException(cause);
        }
        commits.failAll();
        return new StorageException(
                StorageException.Code.LOG_FAILED,
                "write-ahead log in " + directory + " failed " + during + ": " + cause.getMessage(),
                cause);
    }

    private static IOException addTo(@Nullable IOException first, IOException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
