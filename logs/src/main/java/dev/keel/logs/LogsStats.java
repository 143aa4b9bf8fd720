package dev.keel.logs;

/**
 * The aggregator's counters and sizes at one moment. Immutable.
 *
 * @param streams distinct streams
 * @param blocks sealed blocks
 * @param sealedEntries entries in sealed blocks
 * @param openEntries entries in open blocks (in memory and in the log)
 * @param storedBytes sealed blocks' size at rest
 * @param rawBytes sealed blocks' entries uncompressed
 * @param openBytes open blocks' encoded size
 * @param walBytes the write-ahead log's retained size
 * @param ingested entries accepted since open
 * @param rejected entries rejected (out of the window) since open
 * @param sealedBlocks blocks sealed since open
 * @param deletedBlocks blocks deleted by retention since open
 * @param replayed entries replayed from the log at open
 * @param skippedOnReplay log entries at open that were already in blocks
 */
public record LogsStats(
        long streams,
        long blocks,
        long sealedEntries,
        long openEntries,
        long storedBytes,
        long rawBytes,
        long openBytes,
        long walBytes,
        long ingested,
        long rejected,
        long sealedBlocks,
        long deletedBlocks,
        long replayed,
        long skippedOnReplay) {

    /** Entries held, sealed and open. */
    public long entries() {
        return sealedEntries + openEntries;
    }

    /** Uncompressed over compressed size of the sealed blocks (0 when there are none). */
    public double compressionRatio() {
        return storedBytes == 0 ? 0 : (double) rawBytes / storedBytes;
    }
}
