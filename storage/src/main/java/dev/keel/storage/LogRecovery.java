package dev.keel.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Opens a log directory and brings it to a consistent state: the recovery half of {@link WriteAheadLog}.
 *
 * <p>How recovery decides, and why (Kafka's log recovery, with LevelDB's block resynchronisation):
 *
 * <ol>
 *   <li>The directory may hold only segments, the lock file, {@code salvaged/} and half-created {@code .log.tmp}
 *       segments (deleted). Anything else is a foreign file and fails the open before anything is touched.
 *   <li>Every segment must have a valid header naming its own base LSN, and each must start where the previous one
 *       ends. Segments are created whole (see {@code SegmentFiles}), so an empty or headerless segment is damage.
 *   <li>Every record of every segment is read and its checksum verified. Segments are forced before the log rolls
 *       past them, so damage in any segment but the last cannot come from a crash: it is an error.
 *   <li>In the last segment, damage is a torn tail if nothing after it proves it was already on disk. The proof is a
 *       SYNC marker: after each force, the next append writes the LSN that force made durable. If a marker found
 *       after the damage (looking past it block by block) records an LSN beyond the damage, the damaged bytes had
 *       been forced, so a crash cannot explain them: it is an error. Otherwise the tail is truncated at the start of
 *       the damaged record, or of its batch if the batch is incomplete, since a batch is all or nothing.
 * </ol>
 *
 * <p>Limit: a bit flip in the last group of records forced before a crash, with no marker written after it, is
 * indistinguishable from a torn write and is truncated (and reported). Bit rot is what checksums detect; what this
 * rule guarantees is that a crash never makes the log refuse to open, and that anything proven durable is never
 * silently dropped.
 *
 * <p>Under {@link RecoveryMode#SALVAGE}, damage is cut away instead of failing the open: the damaged segment is
 * truncated at the last good record (the cut bytes are copied into {@code salvaged/}), later segments are moved
 * there whole, and the report lists all of it.
 *
 * <p>Not thread-safe: runs once, before the log is shared.
 */
final class LogRecovery {

    static final String SALVAGED_DIRECTORY = "salvaged";

    /** The recovered segments in order (the last one open for appending), the end of the log, and the report. */
    record Result(List<Segment> segments, long endLsn, RecoveryReport report) {}

    /** A problem at a position in a segment, and where the valid prefix ends. */
    private record Damage(StorageException.Code code, int segmentIndex, long cutOffset, long records, String message) {}

    /** What scanning one segment's records found. */
    private record Scan(
            long records,
            long cutOffset,
            @Nullable String tailReason,
            @Nullable Damage damage) {}

    private final Path directory;
    private final WalOptions options;
    private final List<Path> files = new ArrayList<>();
    private final List<Long> bases = new ArrayList<>();
    private final List<Segment> opened = new ArrayList<>();
    private final List<Path> dropped = new ArrayList<>();
    private long bytesScanned;
    private int segmentsScanned;
    /** Where the last segment must be cut once it is reopened for writing, or -1. */
    private long pendingCut = -1;

    private LogRecovery(Path directory, WalOptions options) {
        this.directory = directory;
        this.options = options;
    }

    static Result recover(Path directory, WalOptions options) throws IOException {
        LogRecovery recovery = new LogRecovery(directory, options);
        try {
            return recovery.run();
        } catch (IOException | RuntimeException | Error e) {
            for (Segment segment : recovery.opened) {
                try {
                    segment.retire();
                } catch (IOException closeFailure) {
                    e.addSuppressed(closeFailure);
                }
            }
            throw e;
        }
    }

    private Result run() throws IOException {
        int leftovers = listDirectory();
        if (bases.isEmpty()) {
            Segment first = SegmentFiles.create(directory, 0, options.channelOpener());
            return new Result(
                    List.of(first),
                    LogFormat.SEGMENT_HEADER_SIZE,
                    new RecoveryReport(0, 0, 0, Optional.empty(), List.of(), leftovers));
        }
        long records = 0;
        long previousEnd = -1;
        Optional<RecoveryReport.Truncation> truncation = Optional.empty();
        for (int i = 0; i < bases.size(); i++) {
            boolean last = i == bases.size() - 1;
            long base = bases.get(i);
            Path file = files.get(i);
            if (i > 0 && base != previousEnd) {
                truncation = Optional.of(handle(new Damage(
                        StorageException.Code.MISSING_SEGMENT,
                        i,
                        0,
                        0,
                        "segments do not follow each other: " + files.get(i - 1).getFileName() + " ends at LSN "
                                + previousEnd + " but the next segment, " + file.getFileName() + ", starts at LSN "
                                + base + ": a segment is missing")));
                break;
            }
            Segment segment = SegmentFiles.open(file, base, options.channelOpener(), false);
            opened.add(segment);
            long size = segment.size();
            @Nullable Damage headerDamage = checkHeader(segment, i, size);
            if (headerDamage != null) {
                truncation = Optional.of(handle(headerDamage));
                break;
            }
            if (!last && options.recoveryScan() == RecoveryScan.LAST_SEGMENT) {
                // Forced before the log moved on; checksummed when read. Only its place in the chain is checked here.
                previousEnd = base + size;
                segment.seal(previousEnd);
                continue;
            }
            Scan scan = scanRecords(segment, i, size, last);
            segmentsScanned++;
            bytesScanned += size;
            if (scan.damage() != null) {
                truncation = Optional.of(handle(scan.damage()));
                records += scan.damage().records();
                break;
            }
            records += scan.records();
            if (scan.tailReason() != null) {
                pendingCut = scan.cutOffset();
                truncation = Optional.of(new RecoveryReport.Truncation(
                        file,
                        scan.cutOffset(),
                        base + scan.cutOffset(),
                        size - scan.cutOffset(),
                        scan.tailReason(),
                        Optional.empty()));
            }
            previousEnd = base + size;
            segment.seal(previousEnd);
        }
        if (opened.isEmpty()) {
            // SALVAGE dropped even the first segment: start again where it started.
            opened.add(SegmentFiles.create(directory, bases.getFirst(), options.channelOpener()));
        }
        Segment lastSegment = reopenLastWritable();
        if (pendingCut >= 0) {
            lastSegment.truncate(pendingCut);
        }
        long end = lastSegment.baseLsn() + lastSegment.size();
        return new Result(
                List.copyOf(opened),
                end,
                new RecoveryReport(segmentsScanned, records, bytesScanned, truncation, dropped, leftovers));
    }

    /** Lists the directory, rejecting foreign files and deleting half-created segments; returns how many. */
    private int listDirectory() throws IOException {
        TreeMap<Long, Path> segments = new TreeMap<>();
        List<Path> temps = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                long base = LogFormat.parseSegmentFileName(name);
                if (base >= 0 && Files.isRegularFile(entry)) {
                    segments.put(base, entry);
                } else if (LogFormat.isTempSegmentName(name)) {
                    temps.add(entry);
                } else if (!name.equals(WriteAheadLog.LOCK_FILE)
                        && !(name.equals(SALVAGED_DIRECTORY) && Files.isDirectory(entry))) {
                    throw new StorageException(
                            StorageException.Code.FOREIGN_FILE,
                            "unexpected file '" + name + "' in write-ahead log directory " + directory
                                    + " (expected only segments named like " + LogFormat.segmentFileName(0) + ", "
                                    + WriteAheadLog.LOCK_FILE + " and " + SALVAGED_DIRECTORY + "/)");
                }
            }
        }
        for (Path temp : temps) {
            Files.delete(temp);
        }
        if (!temps.isEmpty()) {
            DurableFiles.forceDirectory(directory);
        }
        bases.addAll(segments.keySet());
        files.addAll(segments.values());
        return temps.size();
    }

    private @Nullable Damage checkHeader(Segment segment, int index, long size) throws IOException {
        if (size == 0) {
            return new Damage(
                    StorageException.Code.EMPTY_SEGMENT,
                    index,
                    0,
                    0,
                    "segment " + segment + " is empty (0 bytes): segments are created whole with a "
                            + LogFormat.SEGMENT_HEADER_SIZE + "-byte header, so it was damaged or is not the log's");
        }
        ByteBuffer header = ByteBuffer.allocate(LogFormat.SEGMENT_HEADER_SIZE);
        segment.readAt(header, 0);
        header.flip();
        String problem = LogFormat.checkHeader(header, segment.baseLsn(), segment.path());
        return problem == null ? null : new Damage(StorageException.Code.CORRUPT_HEADER, index, 0, 0, problem);
    }

    private Scan scanRecords(Segment segment, int index, long size, boolean last) throws IOException {
        long base = segment.baseLsn();
        SegmentScanner scanner =
                new SegmentScanner(segment, LogFormat.SEGMENT_HEADER_SIZE, size, options.maxRecordSize());
        long records = 0;
        long batchStart = -1;
        long batchRecords = 0;
        while (true) {
            SegmentScanner.Step step = scanner.next();
            switch (step) {
                case SegmentScanner.Record record
                when record.sync() -> {
                    if (batchStart >= 0) {
                        return damageOrTail(
                                segment,
                                index,
                                size,
                                last,
                                record.offset(),
                                batchStart,
                                records - batchRecords,
                                "SYNC marker inside a batch");
                    }
                }
                case SegmentScanner.Record record -> {
                    records++;
                    if (record.batchContinues()) {
                        if (batchStart < 0) {
                            batchStart = record.offset();
                            batchRecords = 0;
                        }
                        batchRecords++;
                    } else {
                        batchStart = -1;
                        batchRecords = 0;
                    }
                }
                case SegmentScanner.End end -> {
                    if (batchStart < 0) {
                        return new Scan(records, end.offset(), null, null);
                    }
                    return damageOrTail(
                            segment,
                            index,
                            size,
                            last,
                            end.offset(),
                            batchStart,
                            records - batchRecords,
                            "batch of " + batchRecords + " record(s) without its last record");
                }
                case SegmentScanner.Invalid invalid -> {
                    long cut = batchStart >= 0 ? batchStart : invalid.recordStart();
                    long kept = records - (batchStart >= 0 ? batchRecords : 0);
                    return damageOrTail(segment, index, size, last, invalid.offset(), cut, kept, invalid.reason());
                }
            }
        }
    }

    private Scan damageOrTail(
            Segment segment, int index, long size, boolean last, long offset, long cut, long kept, String reason)
            throws IOException {
        long lsn = segment.baseLsn() + offset;
        String why;
        if (!last) {
            why = "segments before the last are forced before the log moves on";
        } else {
            long proven = highestSyncedLsnAfter(segment, offset, size);
            if (proven <= lsn) {
                return new Scan(kept, cut, reason, null);
            }
            why = "a SYNC marker later in the segment shows that everything below LSN " + proven + " was on disk";
        }
        String message = "corrupt record in segment " + segment + " at offset " + offset + " (LSN " + lsn + "): "
                + reason + "; " + why + ", so this is damage, not a torn write";
        return new Scan(kept, cut, null, new Damage(StorageException.Code.CORRUPT_RECORD, index, cut, kept, message));
    }

    /**
     * The highest LSN a SYNC marker after {@code offset} records as durable, looking past damage: first byte by byte
     * through the rest of the damaged block (where fragment boundaries are lost, a marker is recognised by its fixed
     * shape and its checksum), then block by block.
     */
    private long highestSyncedLsnAfter(Segment segment, long offset, long size) throws IOException {
        long highest = highestSyncedLsnInRestOfBlock(segment, offset, size);
        SegmentScanner scanner = new SegmentScanner(segment, offset, size, options.maxRecordSize());
        long block = nextBlock(offset);
        while (block < size) {
            scanner.resyncAt(block);
            boolean resynced = false;
            while (!resynced) {
                switch (scanner.next()) {
                    case SegmentScanner.Record record -> {
                        if (record.sync()) {
                            highest = Math.max(highest, record.syncedLsn());
                        }
                    }
                    case SegmentScanner.Invalid invalid -> {
                        block = nextBlock(invalid.offset());
                        resynced = true;
                    }
                    case SegmentScanner.End end -> {
                        return highest;
                    }
                }
            }
        }
        return highest;
    }

    /** Markers anywhere in {@code (offset, end of its block)}: a 7-byte header (length 8, type SYNC) and 8 bytes. */
    private static long highestSyncedLsnInRestOfBlock(Segment segment, long offset, long size) throws IOException {
        long end = Math.min(nextBlock(offset), size);
        int length = (int) (end - offset - 1);
        int markerSize = LogFormat.FRAGMENT_HEADER_SIZE + LogFormat.SYNC_PAYLOAD_SIZE;
        if (length < markerSize) {
            return -1;
        }
        ByteBuffer bytes = ByteBuffer.allocate(length);
        segment.readAt(bytes, offset + 1);
        bytes.flip();
        long highest = -1;
        for (int i = 0; i + markerSize <= bytes.limit(); i++) {
            if ((bytes.getShort(i) & 0xFFFF) != LogFormat.SYNC_PAYLOAD_SIZE
                    || (bytes.get(i + 6) & 0xFF) != LogFormat.SYNC) {
                continue;
            }
            ByteBuffer payload = bytes.slice(i + LogFormat.FRAGMENT_HEADER_SIZE, LogFormat.SYNC_PAYLOAD_SIZE);
            if (LogFormat.fragmentCrc(LogFormat.SYNC, payload) == bytes.getInt(i + 2)) {
                highest = Math.max(highest, payload.getLong(0));
            }
        }
        return highest;
    }

    private static long nextBlock(long offset) {
        return (offset / LogFormat.BLOCK_SIZE + 1) * LogFormat.BLOCK_SIZE;
    }

    /** Fails the open (STRICT) or cuts the log at the damage (SALVAGE); returns the cut made in the damaged segment. */
    private RecoveryReport.Truncation handle(Damage damage) throws IOException {
        if (options.recoveryMode() == RecoveryMode.STRICT) {
            throw new StorageException(
                    damage.code(),
                    damage.message() + ". Open with RecoveryMode.SALVAGE to keep the valid prefix and move the rest to "
                            + directory.resolve(SALVAGED_DIRECTORY));
        }
        Path salvaged = Files.createDirectories(directory.resolve(SALVAGED_DIRECTORY));
        int index = damage.segmentIndex();
        boolean keepDamagedSegment = damage.code() == StorageException.Code.CORRUPT_RECORD;
        RecoveryReport.Truncation truncation = null;
        if (keepDamagedSegment) {
            Segment segment = opened.getLast();
            long size = segment.size();
            Path copy = unique(salvaged.resolve(files.get(index).getFileName() + ".from-" + damage.cutOffset()));
            copyTail(segment, damage.cutOffset(), size, copy);
            pendingCut = damage.cutOffset();
            truncation = new RecoveryReport.Truncation(
                    files.get(index),
                    damage.cutOffset(),
                    bases.get(index) + damage.cutOffset(),
                    size - damage.cutOffset(),
                    damage.message(),
                    Optional.of(copy));
        } else if (index < opened.size()) {
            opened.removeLast().retire();
        }
        for (int i = keepDamagedSegment ? index + 1 : index; i < files.size(); i++) {
            Path target = unique(salvaged.resolve(files.get(i).getFileName()));
            Files.move(files.get(i), target);
            dropped.add(target);
        }
        DurableFiles.forceDirectory(salvaged);
        DurableFiles.forceDirectory(directory);
        return truncation != null
                ? truncation
                : new RecoveryReport.Truncation(
                        files.get(index), 0, bases.get(index), 0, damage.message(), Optional.of(salvaged));
    }

    private static void copyTail(Segment segment, long from, long to, Path copy) throws IOException {
        DurableFiles.replace(copy, out -> {
            ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
            for (long position = from; position < to; ) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), to - position));
                int read = segment.readAt(chunk, position);
                if (read <= 0) {
                    break;
                }
                out.write(chunk.array(), 0, read);
                position += read;
            }
        });
    }

    private static Path unique(Path wanted) {
        Path candidate = wanted;
        for (int n = 1; Files.exists(candidate); n++) {
            candidate = wanted.resolveSibling(wanted.getFileName() + "." + n);
        }
        return candidate;
    }

    private Segment reopenLastWritable() throws IOException {
        Segment last = opened.getLast();
        Segment writable = SegmentFiles.open(last.path(), last.baseLsn(), options.channelOpener(), true);
        last.retire();
        opened.set(opened.size() - 1, writable);
        return writable;
    }
}
