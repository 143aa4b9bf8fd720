package dev.keel.logs.store;

import dev.keel.logs.LogsStats;

/** The store's running counters. Not thread-safe: updated and read under the store's lock. */
final class StoreCounters {

    private long ingested;
    private long rejected;
    private long sealed;
    private long deleted;
    private long replayed;
    private long skipped;

    void ingested(int count) {
        ingested += count;
    }

    void rejected(int count) {
        rejected += count;
    }

    void sealed(BlockMeta block) {
        sealed++;
    }

    void deleted(int count) {
        deleted += count;
    }

    void recovered(long replayedEntries, long skippedEntries) {
        replayed += replayedEntries;
        skipped += skippedEntries;
    }

    LogsStats toStats(
            long streams,
            long blocks,
            long sealedEntries,
            long openEntries,
            long storedBytes,
            long rawBytes,
            long openBytes,
            long walBytes) {
        return new LogsStats(
                streams,
                blocks,
                sealedEntries,
                openEntries,
                storedBytes,
                rawBytes,
                openBytes,
                walBytes,
                ingested,
                rejected,
                sealed,
                deleted,
                replayed,
                skipped);
    }
}
