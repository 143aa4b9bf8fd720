package dev.keel.ratelimit;

import dev.keel.time.Ticker;
import java.util.function.Supplier;

/**
 * Per-key states of {@link Gcra} or {@link TokenBucket}: one {@code long} per key in a {@link LongStateTable}, decided
 * by the same pure function as the single limiters ({@link LongStateRule}).
 *
 * <p>How a decision is correct: it finds the key's slot (lock-free), reads the ticker and the state, and publishes the
 * next state with one compare-and-set on that slot, exactly as {@link LongStateLimiter} does on its field; a failed
 * compare-and-set recomputes. A state of {@link LongStateTable#MOVED} means the segment is being rebuilt (grown, or
 * idle keys dropped): the decision waits for the rebuild and starts again on the new arrays, where the key's last
 * published state was copied, or from which it was dropped because it was idle (then it is inserted afresh, which is
 * the same thing). A new key is inserted under its segment's lock with the fresh state, then decided like any other.
 *
 * <p>Thread-safe; lock-free and allocation-free for a known key outside a rebuild of its segment.
 *
 * @param <K> the key type
 */
final class LongStateKeys<K> implements KeyedStates<K> {

    private final LongStateRule rule;
    private final Ticker ticker;
    private final Supplier<Rate> rate;
    private final LongStateTable table;

    LongStateKeys(LongStateRule rule, Ticker ticker, Supplier<Rate> rate) {
        this.rule = rule;
        this.ticker = ticker;
        this.rate = rate;
        this.table = new LongStateTable((state, now) -> rule.isIdle(state, now, rate.get()));
    }

    @Override
    public Decision tryAcquire(K key, long permits, Rate current) {
        int hash = LongStateTable.hash(key);
        LongStateTable.Segment segment = table.segment(hash);
        while (true) {
            LongStateTable.Slots slots = segment.slots();
            int index = slots.indexOf(key, hash);
            if (index < 0) {
                insert(segment, key, hash);
                continue;
            }
            long now = SystemClock.read(ticker);
            long before = slots.state(index);
            if (before == LongStateTable.MOVED) {
                segment.awaitRebuild();
                continue;
            }
            long after = admit(before, now, permits, current);
            if (after == before || slots.compareAndSet(index, before, after)) {
                return rule.decide(before, after, now, permits, current);
            }
        }
    }

    @Override
    public boolean allow(K key, long permits, Rate current) {
        int hash = LongStateTable.hash(key);
        LongStateTable.Segment segment = table.segment(hash);
        while (true) {
            LongStateTable.Slots slots = segment.slots();
            int index = slots.indexOf(key, hash);
            if (index < 0) {
                insert(segment, key, hash);
                continue;
            }
            long before = slots.state(index);
            if (before == LongStateTable.MOVED) {
                segment.awaitRebuild();
                continue;
            }
            long after = admit(before, SystemClock.read(ticker), permits, current);
            if (after == before) {
                return false;
            }
            if (slots.compareAndSet(index, before, after)) {
                return true;
            }
        }
    }

    @Override
    public long size() {
        return table.size();
    }

    @Override
    public long evictIdle() {
        return table.evictIdle(ticker.read());
    }

    private void insert(LongStateTable.Segment segment, K key, int hash) {
        long now = SystemClock.read(ticker);
        table.insert(segment, key, hash, rule.fresh(now, rate.get()), now);
    }

    private long admit(long before, long now, long permits, Rate current) {
        long after = rule.admit(before, now, permits, current);
        // MOVED is one value in 2^64; a real state landing on it moves one nanosecond the conservative way.
        return after == LongStateTable.MOVED && after != before ? LongStateTable.MOVED + 1 : after;
    }

    @Override
    public String toString() {
        return rule.toString();
    }
}
