package dev.keel.kv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One compaction of the store: copy every live record out of the sealed segments to the head of the log, then delete
 * those segments.
 *
 * <p>How it is designed, and why: the log can only lose whole segments from its front ({@code truncateBefore}), so a
 * compaction takes the sealed prefix (everything below the active segment's base, the <em>cutoff</em>), re-appends
 * the current value of every key whose newest record lies below the cutoff as a COPY record naming the LSN it copies,
 * and then deletes the prefix. It holds no lock while it reads values or appends, so no writer ever waits on its I/O
 * (a first version held the keys' stripe locks through the append and its fsync, and writers stalled for whole
 * benchmark iterations). Instead a copy takes effect only if the key still points at its source, both in memory (a
 * check under the stripe lock, no I/O) and at replay (the COPY record's rule), so a user's write that lands between
 * the read and the append always wins. Reads and writes continue throughout; a read that raced with the deletion of
 * its segment looks the key up again.
 *
 * <p>Crash-safe at every step without any state of its own: a crash during the copy leaves COPY records that replay
 * applies or ignores by that rule; the copies are forced before the prefix is deleted (under every sync policy), so a
 * crash after the deletion finds them (replay applies a copy whose source was deleted if nothing touched the key
 * since). Expired keys are dropped rather than copied, so their records disappear with the prefix. If a snapshot is
 * open, the prefix is kept (a snapshot may read any old version) and the next compaction deletes it.
 *
 * <p>Not thread-safe: the store runs one compaction at a time.
 */
final class Compaction {

    /** Keys copied per append: large enough to share forces, small enough to hold few stripes at once. */
    static final int BATCH = 256;

    private final KeyValueStore store;

    Compaction(KeyValueStore store) {
        this.store = store;
    }

    CompactionReport run() throws IOException {
        List<Long> bases = store.log().segmentBases();
        long before = store.logBytes();
        if (bases.size() < 2) {
            return CompactionReport.nothingToDo(before);
        }
        long cutoff = bases.getLast();
        long copied = 0;
        long expired = 0;
        List<Key> batch = new ArrayList<>(BATCH);
        Iterator<Map.Entry<Key, Version>> keys = store.directory().range(null, null);
        while (keys.hasNext()) {
            Map.Entry<Key, Version> entry = keys.next();
            if (entry.getValue().lsn() < cutoff) {
                batch.add(entry.getKey());
            }
            if (batch.size() == BATCH || (!keys.hasNext() && !batch.isEmpty())) {
                KeyValueStore.CopyResult result = store.copyForward(batch, cutoff);
                copied += result.copied();
                expired += result.expiredDropped();
                batch.clear();
            }
        }
        if (store.openSnapshots() > 0) {
            return new CompactionReport(copied, expired, 0, before, store.logBytes(), true);
        }
        // The copies must be on disk before the originals go, whatever the sync policy: under NONE or INTERVAL they
        // may still be in the page cache, and a power cut after the deletion would lose both.
        store.log().sync();
        int deleted = store.log().truncateBefore(cutoff);
        return new CompactionReport(copied, expired, deleted, before, store.logBytes(), false);
    }
}
