package dev.keel.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Iterates a {@link WriteAheadLog}'s records in LSN order, from a starting LSN, while appends continue.
 *
 * <p>{@link #hasNext()} looks again at what has been written each time it runs out, so a reader that returned false
 * may return true later: a tailing consumer polls it. A batch is written in one piece, so a reader sees all of it or
 * none. Records are checksummed as they are read; damage surfaces as an {@link UncheckedIOException} wrapping a
 * {@link StorageException} with code {@link StorageException.Code#CORRUPT_RECORD} (iterators cannot throw checked
 * exceptions).
 *
 * <p>The reader holds the segment it is in, so {@link WriteAheadLog#truncateBefore} cannot pull a file from under
 * it; close it to let go. Not thread-safe: one reader per thread.
 */
public final class LogReader implements Iterator<LogRecord>, AutoCloseable {

    private final WriteAheadLog log;
    private final int maxRecordSize;
    private @Nullable Segment segment;
    private @Nullable SegmentScanner scanner;
    private @Nullable LogRecord next;
    /** The offset the first record must start at, until the start has been validated; -1 after. */
    private long expectedStart;

    private final long fromLsn;

    LogReader(WriteAheadLog log, long fromLsn, int maxRecordSize) throws IOException {
        this.log = log;
        this.fromLsn = fromLsn;
        this.maxRecordSize = maxRecordSize;
        Segment first = log.acquire(fromLsn);
        long offset = Math.max(fromLsn - first.baseLsn(), LogFormat.SEGMENT_HEADER_SIZE);
        int room = LogFormat.remainingInBlock(offset);
        if (room < LogFormat.FRAGMENT_HEADER_SIZE) {
            offset += room;
        }
        this.segment = first;
        this.expectedStart = offset;
        this.scanner = new SegmentScanner(first, offset, limitOf(first), maxRecordSize);
        if (fromLsn - first.baseLsn() > limitOf(first)) {
            close();
            throw new StorageException(
                    StorageException.Code.NO_SUCH_RECORD,
                    "LSN " + fromLsn + " is beyond the end of the log (" + log.endLsn() + ")");
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        try {
            next = advance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return next != null;
    }

    @Override
    public LogRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records written yet (log end " + log.endLsn() + ")");
        }
        LogRecord record = next;
        next = null;
        return record;
    }

    private @Nullable LogRecord advance() throws IOException {
        while (segment != null && scanner != null) {
            long limit = limitOf(segment);
            scanner.limit(limit);
            SegmentScanner.Step step = scanner.next();
            switch (step) {
                case SegmentScanner.Record record -> {
                    checkStart(record.offset());
                    if (!record.sync()) {
                        return new LogRecord(segment.baseLsn() + record.offset(), record.payload());
                    }
                }
                case SegmentScanner.End end -> {
                    checkStart(end.offset());
                    Segment following = log.acquireNext(segment);
                    if (following == null) {
                        return null;
                    }
                    // The segment's end is final once a later one exists; anything unread was appended meanwhile.
                    if (end.offset() < limitOf(segment)) {
                        following.release();
                        continue;
                    }
                    if (following.baseLsn() != segment.sealedEnd()) {
                        long gapEnd = following.baseLsn();
                        following.release();
                        throw new StorageException(
                                StorageException.Code.NO_SUCH_RECORD,
                                "records from LSN " + segment.sealedEnd() + " to " + gapEnd
                                        + " were truncated while this reader was behind them");
                    }
                    segment.release();
                    segment = following;
                    scanner = new SegmentScanner(
                            following, LogFormat.SEGMENT_HEADER_SIZE, limitOf(following), maxRecordSize);
                }
                case SegmentScanner.Invalid invalid -> {
                    long lsn = segment.baseLsn() + invalid.offset();
                    throw new StorageException(
                            expectedStart >= 0
                                    ? StorageException.Code.NO_SUCH_RECORD
                                    : StorageException.Code.CORRUPT_RECORD,
                            expectedStart >= 0
                                    ? "LSN " + fromLsn + " is not the start of a record (" + invalid.reason() + ")"
                                    : "corrupt record in segment " + segment + " at offset " + invalid.offset()
                                            + " (LSN " + lsn + "): " + invalid.reason());
                }
            }
        }
        throw new StorageException(StorageException.Code.CLOSED, "reader is closed");
    }

    private void checkStart(long offset) throws StorageException {
        if (expectedStart < 0) {
            return;
        }
        if (offset != expectedStart) {
            throw new StorageException(
                    StorageException.Code.NO_SUCH_RECORD,
                    "LSN " + fromLsn + " is not the start of a record (the next one starts at LSN "
                            + (segment == null ? offset : segment.baseLsn() + offset) + ")");
        }
        expectedStart = -1;
    }

    private long limitOf(Segment s) {
        return log.segmentEnd(s) - s.baseLsn();
    }

    /** Lets go of the segment the reader is in. Idempotent. */
    @Override
    public void close() throws IOException {
        Segment held = segment;
        segment = null;
        scanner = null;
        if (held != null) {
            held.release();
        }
    }
}
