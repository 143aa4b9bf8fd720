package dev.keel.ratelimit;

import java.util.Arrays;

/**
 * The sliding-window log for a keyed limiter: the same decisions as {@link SlidingWindowLog}, with the timestamps of
 * one key in an immutable sorted {@code long[]} replaced by compare-and-set instead of a ring under a lock.
 *
 * <p>How it is designed, and why: a keyed limiter cannot afford a lock and a growable ring per key (two objects and a
 * 16-slot array before the first request), and a log that is copied on every admission costs only what the key holds:
 * {@code 16 + 8 x n} bytes for the {@code n} permits admitted within the last window, nothing more once they have left
 * it (an empty log is the shared empty array, and an idle key is forgotten). The price is O(burst) per admitted
 * decision for the copy, which suits the small bursts per-key limits have; a key with a burst of thousands is better
 * served by another algorithm. Timestamps are appended in order because a decision reads the state before the ticker
 * ({@link ObjectStateKeys}), so its reading is never older than the newest timestamp it copies.
 *
 * <p>Immutable and thread-safe.
 */
final class SlidingWindowLogRule implements ObjectStateRule<long[]> {

    static final SlidingWindowLogRule INSTANCE = new SlidingWindowLogRule();

    private static final long[] EMPTY = {};

    private SlidingWindowLogRule() {}

    @Override
    public long[] fresh(long now, Rate rate) {
        return EMPTY;
    }

    @Override
    public long[] admit(long[] log, long now, long permits, Rate rate) {
        int first = firstInWindow(log, now, rate.burstNanos);
        int size = log.length - first;
        if (size > rate.burst - permits) {
            return log;
        }
        long[] next = Arrays.copyOfRange(log, first, Math.toIntExact(log.length + permits));
        Arrays.fill(next, size, next.length, now);
        return next;
    }

    @Override
    public Decision decide(long[] before, long[] after, long now, long permits, Rate rate) {
        long length = rate.burstNanos;
        if (after != before) {
            return Decision.allowed(rate.burst - after.length, length);
        }
        int first = firstInWindow(before, now, length);
        int size = before.length - first;
        long mustLeave = size + permits - rate.burst;
        long retry = before[(int) (first + mustLeave - 1)] + length - now;
        long newestLeavesIn = size == 0 ? 0 : Math.max(0, before[before.length - 1] + length - now);
        return Decision.rejected(Math.max(0, rate.burst - size), Math.max(1, retry), newestLeavesIn);
    }

    @Override
    public boolean isIdle(long[] log, long now, Rate rate) {
        return log.length == 0 || now - log[log.length - 1] >= rate.burstNanos;
    }

    @Override
    public long[] refund(long[] log, long now, long permits, Rate rate) {
        return Arrays.copyOf(log, (int) Math.max(0, log.length - permits));
    }

    /** The index of the oldest timestamp still in the window ending at {@code now}. */
    private static int firstInWindow(long[] log, long now, long length) {
        int first = 0;
        while (first < log.length && now - log[first] >= length) {
            first++;
        }
        return first;
    }
}
