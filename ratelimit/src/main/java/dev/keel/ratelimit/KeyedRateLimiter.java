package dev.keel.ratelimit;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One rate limit applied separately to each key (a user, an API key, a client address), for millions of keys.
 *
 * <pre>{@code
 * KeyedRateLimiter<String> perUser = RateLimiter.builder(Algorithm.GCRA).limit(Limit.perSecond(2).withBurst(10))
 *         .buildKeyed();
 * if (!perUser.allowRequest("user123")) ...
 * }</pre>
 *
 * <p>How it is designed, and why: a key's whole state is one {@code long} ({@link Gcra}'s theoretical arrival time or
 * {@link TokenBucket}'s empty instant) in a small cell of a {@link ConcurrentHashMap}; the limit is shared by all keys,
 * so it is stored once and {@link #reconfigure} changes it for every key at once, keeping each key's state. A decision
 * on a known key is a map lookup and the same compare-and-set loop as the single limiters: lock-free and
 * allocation-free. Only a new key allocates (its cell and map node).
 *
 * <p>Eviction, and why it changes no decision: a key that has been idle long enough to hold its full burst is in
 * exactly the state a new key starts in, so forgetting it is invisible. Whenever the map has grown by as many keys as
 * it held after the last sweep (at least 1,024), the inserting thread sweeps it (one at a time) and removes every
 * such key, so memory is bounded by about twice the number of keys active within one burst's refill time. A cell is
 * removed by first swapping its state to a tombstone with compare-and-set, only if it is still idle; a decision that
 * races with the sweep sees the tombstone, removes the cell and starts a fresh one, so no admission is ever lost.
 * Caffeine was considered for the keys: its nodes (access order, expiry, weights) cost more per key than the
 * cell itself, and its expiry would evict by age where the limiter knows exactly which keys are idle.
 *
 * <p>Memory per idle key is measured by {@code dev.keel.bench.ratelimit.KeyedMemoryHarness} (docs/ratelimit.md): a
 * map node, the cell (one long) and the table's share, plus the key object, which is the caller's.
 *
 * <p>Thread-safe and lock-free for decisions; sweeps take a lock that decisions never wait for.
 *
 * @param <K> the key type; keys need {@code equals} and {@code hashCode}
 */
public final class KeyedRateLimiter<K> {

    private static final long RETIRED = Long.MIN_VALUE;
    private static final long MIN_SWEEP_GROWTH = 1_024;

    /** One key's state. */
    static final class Cell {
        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Cell.class, "state", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("FieldMayBeFinal") // written through STATE
        private volatile long state;

        Cell(long state) {
            this.state = state;
        }

        boolean compareAndSet(long expected, long next) {
            return STATE.compareAndSet(this, expected, next);
        }
    }

    private final ConcurrentHashMap<K, Cell> cells = new ConcurrentHashMap<>();
    private final LongStateRule rule;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final AtomicLong insertsSinceSweep = new AtomicLong();
    private final ReentrantLock sweepLock = new ReentrantLock();
    private volatile Rate rate;
    private volatile long sweepAfterInserts = MIN_SWEEP_GROWTH;

    KeyedRateLimiter(LongStateRule rule, Limit limit, Ticker ticker, Sleeper sleeper) {
        this.rule = rule;
        this.rate = new Rate(limit);
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    /** The seed's API: asks for one permit for {@code key}. */
    public boolean allowRequest(K key) {
        return allow(key, 1);
    }

    /** Asks for one permit for {@code key} without waiting. */
    public Decision tryAcquire(K key) {
        return tryAcquire(key, 1);
    }

    /** Asks for {@code permits} for {@code key} without waiting; see {@link RateLimiter#tryAcquire(long)}. */
    public Decision tryAcquire(K key, long permits) {
        Rate current = rate;
        current.check(permits);
        while (true) {
            Cell cell = cell(key);
            long now = ticker.read();
            long before = cell.state;
            if (before == RETIRED) {
                cells.remove(key, cell);
                continue;
            }
            long after = admit(before, now, permits, current);
            if (after == before || cell.compareAndSet(before, after)) {
                return rule.decide(before, after, now, permits, current);
            }
        }
    }

    /** {@link #tryAcquire(Object, long)} as a boolean, allocation-free for a known key. */
    public boolean allow(K key, long permits) {
        Rate current = rate;
        current.check(permits);
        while (true) {
            Cell cell = cell(key);
            long before = cell.state;
            if (before == RETIRED) {
                cells.remove(key, cell);
                continue;
            }
            long after = admit(before, ticker.read(), permits, current);
            if (after == before) {
                return false;
            }
            if (cell.compareAndSet(before, after)) {
                return true;
            }
        }
    }

    /** {@link #allow(Object, long)} for one permit. */
    public boolean allow(K key) {
        return allow(key, 1);
    }

    /** Takes {@code permits} for {@code key}, waiting up to {@code timeout}; see {@link RateLimiter#acquire}. */
    public boolean acquire(K key, long permits, Duration timeout) throws InterruptedException {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout (" + timeout + ") must not be negative");
        }
        long budget = Sleeper.saturatedNanos(timeout);
        long start = ticker.read();
        while (true) {
            Decision decision = tryAcquire(key, permits);
            if (decision.allowed()) {
                return true;
            }
            if (decision.retryAfterNanos() > budget - (ticker.read() - start)) {
                return false;
            }
            sleeper.sleepNanos(decision.retryAfterNanos());
        }
    }

    /** The limit every key is held to. */
    public Limit limit() {
        return rate.limit;
    }

    /** Changes the limit of every key; each key keeps its state (see {@link ConfigurableRateLimiter}). */
    public void reconfigure(Limit limit) {
        rate = new Rate(limit);
    }

    /** How many keys are held now, idle ones not yet swept included. */
    public long size() {
        return cells.mappingCount();
    }

    /** Forgets every idle key now (decisions are unaffected); returns how many were removed. */
    public long evictIdle() {
        sweepLock.lock();
        try {
            return sweep();
        } finally {
            sweepLock.unlock();
        }
    }

    private long admit(long before, long now, long permits, Rate current) {
        long after = rule.admit(before, now, permits, current);
        // The tombstone is one value in 2^64; a real state landing on it moves one nanosecond the conservative way.
        return after == RETIRED && after != before ? RETIRED + 1 : after;
    }

    private Cell cell(K key) {
        Cell cell = cells.get(key);
        if (cell != null) {
            return cell;
        }
        Cell fresh = new Cell(rule.fresh(ticker.read(), rate));
        Cell raced = cells.putIfAbsent(key, fresh);
        if (raced != null) {
            return raced;
        }
        if (insertsSinceSweep.incrementAndGet() >= sweepAfterInserts && sweepLock.tryLock()) {
            try {
                sweep();
            } finally {
                sweepLock.unlock();
            }
        }
        return fresh;
    }

    // Holds sweepLock.
    private long sweep() {
        insertsSinceSweep.set(0);
        Rate current = rate;
        long now = ticker.read();
        long removed = 0;
        for (Map.Entry<K, Cell> entry : cells.entrySet()) {
            Cell cell = entry.getValue();
            long state = cell.state;
            if (state != RETIRED && rule.isIdle(state, now, current) && cell.compareAndSet(state, RETIRED)) {
                cells.remove(entry.getKey(), cell);
                removed++;
            }
        }
        sweepAfterInserts = Math.max(MIN_SWEEP_GROWTH, cells.mappingCount());
        return removed;
    }

    @Override
    public String toString() {
        return "KeyedRateLimiter[" + rule + ", " + rate.limit + ", " + size() + " keys]";
    }
}
