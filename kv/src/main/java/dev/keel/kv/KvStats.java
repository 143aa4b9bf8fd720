package dev.keel.kv;

import dev.keel.storage.RecoveryReport;

/**
 * A picture of the store at one moment. Immutable.
 *
 * @param keys live keys (expired keys not yet removed are counted until they are)
 * @param liveBytes bytes of log records that hold current values
 * @param deadBytes bytes of log records that were overwritten, deleted or are tombstones: what compaction reclaims
 * @param segments log segment files
 * @param openSnapshots snapshots not yet closed
 * @param compactions compactions run since the store was opened
 * @param recovery what opening the log found
 */
public record KvStats(
        long keys,
        long liveBytes,
        long deadBytes,
        int segments,
        int openSnapshots,
        long compactions,
        RecoveryReport recovery) {

    /** Dead bytes as a fraction of all bytes in the log, 0 for an empty log. */
    public double deadFraction() {
        long total = liveBytes + deadBytes;
        return total == 0 ? 0 : (double) deadBytes / total;
    }
}
