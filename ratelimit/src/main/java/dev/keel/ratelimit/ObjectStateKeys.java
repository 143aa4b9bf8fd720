package dev.keel.ratelimit;

import dev.keel.time.Ticker;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Per-key states of the algorithms whose state is an immutable value ({@link ObjectStateRule}): the leaky bucket, the
 * fixed window, the sliding-window counter and log, the warm-up bucket. Each key has a cell in a
 * {@link ConcurrentHashMap} holding a reference to its state, decided by the same rule and compare-and-set loop as the
 * single limiter ({@link ObjectStateLimiter}).
 *
 * <p>How it is designed, and why: the state is already an object per key, so a compact table of {@code long}s does not
 * apply; a map node, a cell and the state cost about 90 bytes per key (measured in docs/ratelimit.md), against 25 for
 * the one-{@code long} algorithms. Eviction is the previous keyed design, proven by the concurrency tests: whenever
 * the map has grown by as many keys as it held after the last sweep (at least 1,024), the inserting thread sweeps it
 * (one at a time); a cell whose state is idle (indistinguishable from a new key's) is retired by a compare-and-set of
 * its state to {@code null}, only if it is still that idle state, and then removed. A decision that meets a retired
 * cell removes it and starts on a fresh one, so no admission is lost.
 *
 * <p>Thread-safe: decisions are lock-free; a sweep holds a lock that decisions never wait for.
 *
 * @param <K> the key type
 * @param <S> the state type
 */
final class ObjectStateKeys<K, S> implements KeyedStates<K> {

    private static final long MIN_SWEEP_GROWTH = 1_024;

    /** One key's state; {@code null} once retired. */
    static final class Cell<S> {
        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Cell.class, "state", Object.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("FieldMayBeFinal") // written through STATE
        private volatile @Nullable S state;

        Cell(S state) {
            this.state = state;
        }

        boolean compareAndSet(S expected, @Nullable S next) {
            return STATE.compareAndSet(this, expected, next);
        }
    }

    private final ConcurrentHashMap<K, Cell<S>> cells = new ConcurrentHashMap<>();
    private final ObjectStateRule<S> rule;
    private final Ticker ticker;
    private final Supplier<Rate> rate;
    private final AtomicLong insertsSinceSweep = new AtomicLong();
    private final ReentrantLock sweepLock = new ReentrantLock();
    private volatile long sweepAfterInserts = MIN_SWEEP_GROWTH;

    ObjectStateKeys(ObjectStateRule<S> rule, Ticker ticker, Supplier<Rate> rate) {
        this.rule = rule;
        this.ticker = ticker;
        this.rate = rate;
    }

    @Override
    public Decision tryAcquire(K key, long permits, Rate current) {
        while (true) {
            Cell<S> cell = cell(key);
            S before = cell.state;
            if (before == null) {
                cells.remove(key, cell);
                continue;
            }
            long now = SystemClock.read(ticker);
            S after = rule.admit(before, now, permits, current);
            if (after == before || cell.compareAndSet(before, after)) {
                return rule.decide(before, after, now, permits, current);
            }
        }
    }

    /** {@link #tryAcquire} without building the {@link Decision}. */
    @Override
    public boolean allow(K key, long permits, Rate current) {
        while (true) {
            Cell<S> cell = cell(key);
            S before = cell.state;
            if (before == null) {
                cells.remove(key, cell);
                continue;
            }
            S after = rule.admit(before, SystemClock.read(ticker), permits, current);
            if (after == before) {
                return false;
            }
            if (cell.compareAndSet(before, after)) {
                return true;
            }
        }
    }

    @Override
    public long size() {
        return cells.mappingCount();
    }

    @Override
    public long evictIdle() {
        sweepLock.lock();
        try {
            return sweep();
        } finally {
            sweepLock.unlock();
        }
    }

    private Cell<S> cell(K key) {
        Cell<S> cell = cells.get(key);
        if (cell != null) {
            return cell;
        }
        Cell<S> fresh = new Cell<>(rule.fresh(ticker.read(), rate.get()));
        Cell<S> raced = cells.putIfAbsent(key, fresh);
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
        Rate current = rate.get();
        long now = SystemClock.read(ticker);
        long removed = 0;
        for (Map.Entry<K, Cell<S>> entry : cells.entrySet()) {
            Cell<S> cell = entry.getValue();
            S state = cell.state;
            if (state != null && rule.isIdle(state, now, current) && cell.compareAndSet(state, null)) {
                cells.remove(entry.getKey(), cell);
                removed++;
            }
        }
        sweepAfterInserts = Math.max(MIN_SWEEP_GROWTH, cells.mappingCount());
        return removed;
    }
}
