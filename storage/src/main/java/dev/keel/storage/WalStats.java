package dev.keel.storage;

/**
 * Counters and positions of a {@link WriteAheadLog}, read together at one instant. Immutable.
 *
 * @param appends calls to {@code append} and {@code appendBatch} since the log was opened
 * @param records records appended since the log was opened (a batch counts each of its records)
 * @param forces forces of a segment ({@code FileChannel.force}) since the log was opened; under
 *     {@link SyncPolicy#ALWAYS} {@code records / forces} is the group-commit factor
 * @param bytesWritten bytes handed to the operating system since the log was opened, framing included
 * @param segments segment files in the log
 * @param firstLsn the LSN where the oldest segment starts
 * @param endLsn the LSN the next record will get (the end of what has been appended)
 * @param durableLsn everything before this LSN is known to be on disk
 */
public record WalStats(
        long appends,
        long records,
        long forces,
        long bytesWritten,
        int segments,
        long firstLsn,
        long endLsn,
        long durableLsn) {

    /** Records per force: how well group commit batched, or 0 before the first force. */
    public double recordsPerForce() {
        return forces == 0 ? 0 : (double) records / forces;
    }
}
