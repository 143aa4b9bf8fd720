package dev.keel.kv;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The open snapshots, by LSN, and the rule for which old versions they keep alive.
 *
 * <p>A version {@code v} that is followed by a newer version {@code n} is needed by a snapshot at {@code S} exactly when
 * {@code v.lsn < S <= n.lsn}: the snapshot was taken after {@code v} was written and before {@code n} was. So when a
 * write puts {@code n} in front of a chain, each older link is kept only if an open snapshot falls in its interval.
 *
 * <p>Thread-safe: snapshots open and close from any thread; {@link #prune} is called under the key's stripe lock.
 */
final class VersionChains {

    private final ConcurrentSkipListMap<Long, AtomicInteger> open = new ConcurrentSkipListMap<>();

    /** Registers a snapshot at {@code lsn}. */
    void open(long lsn) {
        open.computeIfAbsent(lsn, ignored -> new AtomicInteger()).incrementAndGet();
    }

    /** Unregisters one snapshot at {@code lsn}. */
    void close(long lsn) {
        open.computeIfPresent(lsn, (ignored, count) -> count.decrementAndGet() == 0 ? null : count);
    }

    /** True if no snapshot is open. */
    boolean noneOpen() {
        return open.isEmpty();
    }

    int openSnapshots() {
        int total = 0;
        for (AtomicInteger count : open.values()) {
            total += count.get();
        }
        return total;
    }

    /** The oldest open snapshot's LSN, or {@code Long.MAX_VALUE} if none is open. */
    long oldestOpen() {
        Map.Entry<Long, AtomicInteger> oldest = open.firstEntry();
        return oldest == null ? Long.MAX_VALUE : oldest.getKey();
    }

    /** {@code old} and its predecessors, minus the ones no open snapshot needs once a version at {@code newerLsn} exists. */
    @Nullable
    Version prune(@Nullable Version old, long newerLsn) {
        if (old == null || open.isEmpty()) {
            return null;
        }
        if (!neededBetween(old.lsn(), newerLsn)) {
            // No snapshot sees old itself; one may still see something older.
            return prune(old.previous(), newerLsn);
        }
        return old.withPrevious(prune(old.previous(), old.lsn()));
    }

    /** True if an open snapshot at S satisfies {@code olderLsn < S <= newerLsn}. */
    private boolean neededBetween(long olderLsn, long newerLsn) {
        Long snapshot = open.higherKey(olderLsn);
        return snapshot != null && snapshot <= newerLsn;
    }
}
