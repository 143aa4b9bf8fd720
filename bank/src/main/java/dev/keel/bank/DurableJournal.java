package dev.keel.bank;

import dev.keel.storage.DurableFiles;
import dev.keel.storage.LogReader;
import dev.keel.storage.LogRecord;
import dev.keel.storage.WalOptions;
import dev.keel.storage.WriteAheadLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The durable journal: each sequencer batch becomes one hash-chained record ({@link LedgerLog}) in keel-storage's
 * write-ahead log, and a {@link LedgerSnapshot} is written after {@link BankOptions#snapshotEvery()} events, once the
 * log has also grown by twice the last snapshot's size since it (so that writing snapshots, which costs the whole
 * state, stays proportional to the log written: without that rule a ledger of ten million transfers would write its
 * whole state every million events), and at close. A snapshot that falls due after a batch is captured on the
 * sequencer's thread in O(accounts) ({@link LedgerView}), then encoded and forced to disk off it
 * ({@link SnapshotCommits}). Records are sealed (encoded and chained) on
 * the sequencer's thread and written by its {@link Commits} (on that thread, or a pipeline's).
 *
 * <p>How opening works (recovery): load the snapshot if there is one, open the log (which truncates a torn tail and
 * fails on damage before it; see docs/storage.md), then replay every record after the snapshot's position, checking
 * that each record's {@code previous} hash is the hash of the record before (or the snapshot's head), and apply its
 * events. A broken link, an event that does not decode or one that does not fit the ledger (a transfer between
 * accounts that do not exist) fails the open with {@link BankException.Code#CORRUPT}, naming the LSN: a ledger never
 * opens on history it cannot account for.
 *
 * <p>Layout: {@code DIR/log/} (the segments), {@code DIR/ledger.snapshot}.
 *
 * <p>Not thread-safe: used by the sequencer's thread, and by the opening thread before the sequencer starts (and the
 * closing thread after it stops); {@link #write} runs on the commit pipeline's thread and a snapshot's encoding and
 * commit on its own, and both touch only the log (thread-safe), the files and (the snapshot) an immutable view.
 */
final class DurableJournal implements Journal {

    private final Path directory;
    private final WriteAheadLog log;
    private final Ledger ledger;
    private final long snapshotEvery;
    private final Recovery recovery;
    private byte[] head;
    /** Hashes sealed records; the sequencer's thread only (a provider look-up per record showed in a JFR profile). */
    private final java.security.MessageDigest sealDigest = LedgerLog.sha256();

    private long eventsSinceSnapshot;
    private long bytesSinceSnapshot;
    /**
     * The size of the newest snapshot, for the size rule of {@link #snapshotDue}. A background snapshot's size is known
     * only once it is encoded, on its thread; it is taken when the sequencer collects the finished snapshot, which is
     * also the first moment another can fall due (none is due while one is in flight).
     */
    private long lastSnapshotBytes;

    private boolean snapshotAtClose = true;
    private SnapshotCommits commits = SnapshotCommits.onOwnThread();

    /** What opening found and did, for {@code keel bank verify} and the server's banner. */
    record Recovery(String snapshot, long records, long events, long bytes, String logReport) {}

    private DurableJournal(
            Path directory, WriteAheadLog log, Ledger ledger, long snapshotEvery, byte[] head, Recovery recovery)
            throws IOException {
        this.directory = directory;
        this.log = log;
        this.ledger = ledger;
        this.snapshotEvery = snapshotEvery;
        this.head = head;
        this.recovery = recovery;
        this.eventsSinceSnapshot = recovery.events();
        this.bytesSinceSnapshot = recovery.bytes();
        this.lastSnapshotBytes = snapshotSize(directory);
    }

    private static long snapshotSize(Path directory) throws IOException {
        Path file = directory.resolve(LedgerSnapshot.FILE);
        return Files.isRegularFile(file) ? Files.size(file) : 0;
    }

    /** Recovers the ledger in {@code options.directory()} and returns the journal that continues it. */
    static DurableJournal open(BankOptions options) throws IOException {
        return open(options, false);
    }

    /**
     * As {@link #open(BankOptions)}; with {@code wholeChain}, first checks the hash chain over every record still in
     * the log, including those the snapshot covers (which recovery does not need to read).
     */
    static DurableJournal open(BankOptions options, boolean wholeChain) throws IOException {
        Path directory = java.util.Objects.requireNonNull(options.directory(), "directory");
        Files.createDirectories(directory);
        WalOptions walOptions = WalOptions.builder()
                .syncPolicy(options.syncPolicy())
                .segmentSize(options.segmentSize())
                .maxRecordSize(256 << 20)
                .channelOpener(options.channelOpener())
                .build();
        if (!wholeChain) {
            DurableFiles.deleteAbandoned(directory.resolve(LedgerSnapshot.FILE)); // commits a crash interrupted
        }
        WriteAheadLog log = WriteAheadLog.open(directory.resolve("log"), walOptions);
        try {
            Ledger ledger = new Ledger(options.clock());
            LedgerSnapshot.Loaded snapshot = loadSnapshot(directory, ledger, log);
            if (snapshot == null) {
                ledger = new Ledger(options.clock()); // a damaged snapshot may have left part of itself
            }
            long from = snapshot == null ? log.firstLsn() : snapshot.coveredLsn();
            byte[] head = snapshot == null ? LedgerLog.GENESIS : snapshot.head();
            if (snapshot == null && from != 0) {
                throw new BankException(
                        BankException.Code.CORRUPT,
                        "the log in " + directory + " starts at LSN " + from + " but there is no snapshot to cover"
                                + " what came before");
            }
            if (from > log.endLsn()) {
                throw new BankException(
                        BankException.Code.CORRUPT,
                        "the snapshot covers the log up to LSN " + from + " but the log ends at " + log.endLsn());
            }
            if (wholeChain && snapshot != null) {
                checkChain(log, from, snapshot.head());
            }
            long records = 0;
            long events = 0;
            try (LogReader reader = log.reader(from)) {
                while (reader.hasNext()) {
                    LogRecord record = reader.next();
                    events += replay(ledger, record, head);
                    head = LedgerLog.hash(record.payload());
                    records++;
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            String snapshotText = snapshot == null
                    ? "no snapshot"
                    : "snapshot at LSN " + snapshot.coveredLsn() + " with "
                            + ledger.accounts().size() + " accounts";
            Recovery recovery = new Recovery(
                    snapshotText,
                    records,
                    events,
                    log.endLsn() - from,
                    log.recoveryReport().toString());
            return new DurableJournal(directory, log, ledger, options.snapshotEvery(), head, recovery);
        } catch (IOException | RuntimeException e) {
            try {
                log.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static LedgerSnapshot.@org.jspecify.annotations.Nullable Loaded loadSnapshot(
            Path directory, Ledger ledger, WriteAheadLog log) throws IOException {
        try {
            return LedgerSnapshot.load(directory, ledger);
        } catch (BankException e) {
            if (log.firstLsn() == 0) {
                return null; // the whole log is still there: replay it instead of the damaged snapshot
            }
            throw e;
        }
    }

    /** Checks the links of every record before {@code until}, and that the last of them hashes to {@code head}. */
    private static void checkChain(WriteAheadLog log, long until, byte[] head) throws IOException {
        byte[] expected = null;
        long lastLsn = -1;
        try (LogReader reader = log.reader()) {
            while (reader.hasNext()) {
                LogRecord record = reader.next();
                if (record.lsn() >= until) {
                    break;
                }
                byte[] previous = decode(record).previous();
                if (expected == null && log.firstLsn() == 0 && !Arrays.equals(previous, LedgerLog.GENESIS)) {
                    throw broken(record.lsn(), previous, LedgerLog.GENESIS);
                }
                if (expected != null && !Arrays.equals(previous, expected)) {
                    throw broken(record.lsn(), previous, expected);
                }
                expected = LedgerLog.hash(record.payload());
                lastLsn = record.lsn();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (expected != null && !Arrays.equals(expected, head)) {
            throw new BankException(
                    BankException.Code.CORRUPT,
                    "the snapshot's head hash " + LedgerLog.hex(head) + " is not the hash of the record at LSN "
                            + lastLsn + " (" + LedgerLog.hex(expected) + "): the log before the snapshot was altered");
        }
    }

    private static LedgerLog.Decoded decode(LogRecord record) {
        try {
            return LedgerLog.decode(record.payload());
        } catch (IllegalArgumentException e) {
            throw new BankException(
                    BankException.Code.CORRUPT, "log record at LSN " + record.lsn() + " does not decode: " + e, e);
        }
    }

    private static BankException broken(long lsn, byte[] previous, byte[] expected) {
        return new BankException(
                BankException.Code.CORRUPT,
                "hash chain broken at LSN " + lsn + ": the record follows " + LedgerLog.hex(previous)
                        + " but the record before it hashes to " + LedgerLog.hex(expected)
                        + " (a record was altered, inserted or removed)");
    }

    private static int replay(Ledger ledger, LogRecord record, byte[] head) {
        LedgerLog.Decoded decoded = decode(record);
        if (!Arrays.equals(decoded.previous(), head)) {
            throw broken(record.lsn(), decoded.previous(), head);
        }
        try {
            for (Event event : decoded.events()) {
                ledger.apply(event);
            }
        } catch (RuntimeException e) {
            throw new BankException(
                    BankException.Code.CORRUPT,
                    "log record at LSN " + record.lsn() + " does not fit the ledger: " + e.getMessage(),
                    e);
        }
        return decoded.events().size();
    }

    Ledger ledger() {
        return ledger;
    }

    Recovery recovery() {
        return recovery;
    }

    /** The hash chain's head: SHA-256 of the newest record's payload. */
    String headHash() {
        return LedgerLog.hex(head);
    }

    /** Closing will not write a snapshot (verify leaves the directory as it found it, bar the log's own recovery). */
    void skipSnapshotAtClose() {
        snapshotAtClose = false;
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public byte[] seal(List<Event> events) {
        byte[] payload = LedgerLog.encode(head, events);
        head = sealDigest.digest(payload);
        eventsSinceSnapshot += events.size();
        bytesSinceSnapshot += payload.length;
        return payload;
    }

    @Override
    public void write(List<byte[]> records) throws IOException {
        if (records.size() == 1) {
            log.append(records.getFirst());
        } else {
            log.appendBatch(records);
        }
    }

    @Override
    public void writeUnforced(byte[] record) throws IOException {
        log.appendBatchUnforced(List.of(record));
    }

    @Override
    public void force() throws IOException {
        log.sync();
    }

    /** Commits snapshots on {@code executor} instead of a thread of the journal's own: for tests. */
    void commitSnapshotsOn(java.util.concurrent.Executor executor) throws IOException {
        commits.close();
        commits = SnapshotCommits.on(executor);
    }

    /** A snapshot is due when none is being committed and the log has grown enough (see the class comment). */
    @Override
    public boolean snapshotDue() throws IOException {
        commits.collect().ifPresent(size -> lastSnapshotBytes = size);
        return eventsSinceSnapshot >= snapshotEvery && bytesSinceSnapshot >= 2 * lastSnapshotBytes && !commits.busy();
    }

    /**
     * Starts a snapshot: the ledger's view is captured here, on the sequencer's thread, between batches, and encoded and
     * committed in the background ({@link SnapshotCommits}). The caller has waited until every sealed record is
     * durable, so the log's end is the position the ledger is at.
     */
    @Override
    public void startSnapshot(Ledger current) throws IOException {
        long covered = stageCounters();
        LedgerView view = ledger.capture(covered, head);
        commits.submit(() -> LedgerSnapshot.stage(directory, view), () -> log.truncateBefore(covered));
    }

    /** Writes a snapshot as of the log's end, waiting for it, and deletes the segments it makes unnecessary. */
    void snapshot() throws IOException {
        commits.await();
        long covered = stageCounters();
        LedgerSnapshot.write(directory, ledger.capture(covered, head));
        log.truncateBefore(covered);
        lastSnapshotBytes = snapshotSize(directory);
    }

    /** Makes the log durable to its end, which the next snapshot covers, and restarts the counts; returns the end. */
    private long stageCounters() throws IOException {
        log.sync(); // under NONE or INTERVAL, the snapshot must still never cover records that are not on disk
        eventsSinceSnapshot = 0;
        bytesSinceSnapshot = 0;
        return log.endLsn();
    }

    @Override
    public void close() throws IOException {
        try (log;
                SnapshotCommits closing = commits) {
            closing.await().ifPresent(size -> lastSnapshotBytes = size);
            if (snapshotAtClose && eventsSinceSnapshot > 0) {
                snapshot();
            }
        }
    }
}
