package dev.keel.kv;

import dev.keel.storage.RecoveryReport;
import java.util.Optional;

/**
 * A picture of the store at one moment. Immutable.
 *
 * @param keys live keys (expired keys not yet removed are counted until they are)
 * @param liveBytes bytes of log records that hold current values
 * @param deadBytes every other byte in the log: overwritten and deleted values, tombstones, framing; what compaction
 *     reclaims
 * @param segments log segment files
 * @param openSnapshots snapshots not yet closed
 * @param compactions compactions run since the store was opened
 * @param lastCompaction what the last compaction did, if one ran since the store was opened
 * @param compactionFailure why the background compaction stopped, if it failed
 * @param startup how opening rebuilt the key directory: from the checkpoint and the log after it, or the whole log
 * @param recovery what opening the log found
 */
public record KvStats(
        long keys,
        long liveBytes,
        long deadBytes,
        int segments,
        int openSnapshots,
        long compactions,
        Optional<CompactionReport> lastCompaction,
        Optional<String> compactionFailure,
        String startup,
        RecoveryReport recovery) {

    /** Dead bytes as a fraction of all bytes in the log, 0 for an empty log. */
    public double deadFraction() {
        long total = liveBytes + deadBytes;
        return total == 0 ? 0 : (double) deadBytes / total;
    }
}
