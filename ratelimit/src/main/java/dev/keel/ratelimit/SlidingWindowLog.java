package dev.keel.ratelimit;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sliding-window log: the exact sliding window. It remembers the instant of every admitted permit of the last
 * window ({@code burst / rate} long) and admits a request only if the window ending now would hold at most
 * {@code burst} permits.
 *
 * <p>How it is designed, and why: exactness costs memory, one {@code long} per permit of the burst, in a ring buffer
 * that grows by doubling up to the burst and forgets timestamps as they leave the window. The retry-after is exact:
 * the instant the oldest timestamps that must leave will have left. Unlike the other algorithms it holds a lock: its
 * state is a ring of up to {@code burst} entries that no single compare-and-set can update, and copying the ring on
 * every request (copy-on-write) would cost O(burst) per decision. The lock is held for the arithmetic only (O(permits)
 * amortised), never while waiting. A request for {@code n} permits stores {@code n} timestamps, so very large
 * permit counts are better served by another algorithm.
 *
 * <p>Thread-safe: one {@link ReentrantLock} per limiter guards the ring.
 */
public final class SlidingWindowLog extends ConfigurableRateLimiter {

    /** The most timestamps one log will keep: 2^24, 128 MiB of longs. */
    static final long MAX_BURST = 1 << 24;

    private final ReentrantLock lock = new ReentrantLock();

    // @GuardedBy("lock")
    private long[] ring = new long[16];
    // @GuardedBy("lock")
    private int head;
    // @GuardedBy("lock")
    private int size;

    SlidingWindowLog(Limit limit, Ticker ticker, Sleeper sleeper) {
        super(checked(limit), ticker, sleeper);
    }

    @Override
    public void reconfigure(Limit limit) {
        super.reconfigure(checked(limit));
    }

    static Limit checked(Limit limit) {
        if (limit.burst() > MAX_BURST) {
            throw new IllegalArgumentException("burst (" + limit.burst() + ") must be at most " + MAX_BURST
                    + " for the sliding-window log, which keeps one timestamp per permit");
        }
        return limit;
    }

    @Override
    Decision decide(Rate rate, long permits) {
        long length = rate.burstNanos;
        lock.lock();
        try {
            long now = SystemClock.read(ticker);
            while (size > 0 && now - ring[head] >= length) {
                head = (head + 1) % ring.length;
                size--;
            }
            if (size > rate.burst - permits) {
                long mustLeave = size + permits - rate.burst;
                long retry = ring[(int) ((head + mustLeave - 1) % ring.length)] + length - now;
                return Decision.rejected(
                        Math.max(0, rate.burst - size), Math.max(1, retry), newestLeavesIn(now, length));
            }
            ensureCapacity(size + (int) permits);
            for (long i = 0; i < permits; i++) {
                ring[(head + size) % ring.length] = now;
                size++;
            }
            return Decision.allowed(rate.burst - size, length);
        } finally {
            lock.unlock();
        }
    }

    @Override
    void refund(long permits) {
        lock.lock();
        try {
            size = (int) Math.max(0, size - permits);
        } finally {
            lock.unlock();
        }
    }

    private long newestLeavesIn(long now, long length) {
        return size == 0 ? 0 : Math.max(0, ring[(head + size - 1) % ring.length] + length - now);
    }

    private void ensureCapacity(int needed) {
        if (needed <= ring.length) {
            return;
        }
        long[] grown = new long[Math.max(needed, ring.length * 2)];
        for (int i = 0; i < size; i++) {
            grown[i] = ring[(head + i) % ring.length];
        }
        ring = grown;
        head = 0;
    }
}
