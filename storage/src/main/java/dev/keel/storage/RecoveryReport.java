package dev.keel.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What opening a {@link WriteAheadLog} found and did. Immutable.
 *
 * @param segmentsScanned segment files read and checked, every record's checksum verified (with
 *     {@link RecoveryScan#LAST_SEGMENT}, only the last)
 * @param records valid records found in the segments scanned (internal markers not counted)
 * @param bytesScanned bytes read
 * @param truncation where the log was cut, if it was: a torn tail, or damage kept out by {@link RecoveryMode#SALVAGE}
 * @param droppedSegments whole segments moved into {@code salvaged/} by {@link RecoveryMode#SALVAGE}
 * @param leftoverTempFiles half-created segment files from a crash during a segment roll, deleted
 */
public record RecoveryReport(
        int segmentsScanned,
        long records,
        long bytesScanned,
        Optional<Truncation> truncation,
        List<Path> droppedSegments,
        int leftoverTempFiles) {

    public RecoveryReport {
        droppedSegments = List.copyOf(droppedSegments);
    }

    /**
     * A cut of one segment at {@code offset} (log position {@code lsn}), dropping {@code bytesTruncated} bytes.
     *
     * @param segment the segment file that was cut
     * @param offset the byte offset within the file where the kept data ends
     * @param lsn the log position of that offset
     * @param bytesTruncated bytes removed from the segment
     * @param reason why: what was invalid at that position
     * @param salvagedTo where the removed bytes were kept, for {@link RecoveryMode#SALVAGE}
     */
    public record Truncation(
            Path segment, long offset, long lsn, long bytesTruncated, String reason, Optional<Path> salvagedTo) {}

    /** Bytes dropped in all: the truncated tail plus nothing else (dropped segments are listed, not counted). */
    public long bytesTruncated() {
        return truncation.map(Truncation::bytesTruncated).orElse(0L);
    }

    /** True if recovery changed nothing on disk. */
    public boolean isClean() {
        return truncation.isEmpty() && droppedSegments.isEmpty() && leftoverTempFiles == 0;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder()
                .append("scanned ")
                .append(segmentsScanned)
                .append(" segment(s), ")
                .append(records)
                .append(" record(s), ")
                .append(bytesScanned)
                .append(" bytes");
        truncation.ifPresent(cut -> text.append("; truncated ")
                .append(cut.bytesTruncated())
                .append(" bytes of ")
                .append(cut.segment().getFileName())
                .append(" at offset ")
                .append(cut.offset())
                .append(" (LSN ")
                .append(cut.lsn())
                .append("): ")
                .append(cut.reason()));
        if (!droppedSegments.isEmpty()) {
            text.append("; moved ").append(droppedSegments.size()).append(" later segment(s) to salvaged/");
        }
        if (leftoverTempFiles > 0) {
            text.append("; deleted ").append(leftoverTempFiles).append(" half-created segment file(s)");
        }
        return text.toString();
    }
}
