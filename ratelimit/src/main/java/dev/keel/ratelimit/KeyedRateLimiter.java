package dev.keel.ratelimit;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One rate limit applied separately to each key (a user, an API key, a client address), for millions of keys.
 *
 * <pre>{@code
 * KeyedRateLimiter<String> perUser = RateLimiter.builder(Algorithm.GCRA).limit(Limit.perSecond(2).withBurst(10))
 *         .buildKeyed();
 * if (!perUser.allowRequest("user123")) ...
 * }</pre>
 *
 * <p>How it is designed, and why: the limit is shared by all keys, so it is stored once and {@link #reconfigure}
 * changes it for every key at once, keeping each key's state. Every algorithm can be keyed; each key is decided by the
 * same pure rule as the single limiter of that algorithm. The states live in a {@link KeyedStates}: for GCRA and the
 * token bucket, one {@code long} per key in a compact open-addressing table ({@link LongStateTable}), decided by the
 * same compare-and-set loop as the single limiters, lock-free and allocation-free for a known key (only a new key takes
 * its segment's lock); for the others, a {@code ConcurrentHashMap} of cells each holding the key's immutable state
 * ({@link ObjectStateKeys}), swapped by compare-and-set.
 *
 * <p>Eviction, and why it changes no decision: a key that has been idle long enough to be back in exactly the state a
 * new key starts in (a full bucket, an expired window, an empty log) can be forgotten invisibly. The table rebuilds a
 * segment without its idle keys when it fills to 3/4 (and grows it only if the live keys need it); the map is swept
 * whenever it has doubled; {@link #evictIdle()} does either at once. A decision racing a rebuild or a sweep sees the
 * state frozen or retired, and retries, so no admission is lost. Memory is bounded by a small multiple of the keys
 * active within one refill time. Caffeine was considered for the keys: its nodes (access order, expiry, weights) cost
 * more per key than the state itself, and its expiry would evict by age where the limiter knows exactly which keys are
 * idle.
 *
 * <p>Memory per held key at 1M keys, measured by {@code dev.keel.bench.ratelimit.KeyedMemoryHarness}
 * (docs/ratelimit.md), plus the key object, which is the caller's: GCRA and token bucket 25 bytes; leaky bucket, fixed
 * window and warm-up 93; sliding-window counter 101; sliding-window log 85 plus 8 per permit in the window.
 *
 * <p>Thread-safe; decisions on known keys are lock-free.
 *
 * @param <K> the key type; keys need {@code equals} and {@code hashCode}
 */
public final class KeyedRateLimiter<K> {

    private final Algorithm algorithm;
    private final KeyedStates<K> states;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private volatile Rate rate;

    /** A keyed limiter of {@code algorithm}; {@code warmUpNanos} is used by {@link Algorithm#WARMING_UP} only. */
    KeyedRateLimiter(Algorithm algorithm, Limit limit, long warmUpNanos, Ticker ticker, Sleeper sleeper) {
        this.algorithm = algorithm;
        this.rate = new Rate(checked(algorithm, limit));
        this.ticker = ticker;
        this.sleeper = sleeper;
        Supplier<Rate> rates = () -> rate;
        this.states = switch (algorithm) {
            case GCRA -> new LongStateKeys<>(LongStateRule.GCRA, ticker, rates);
            case TOKEN_BUCKET -> new LongStateKeys<>(LongStateRule.TOKEN_BUCKET, ticker, rates);
            case LEAKY_BUCKET -> new ObjectStateKeys<>(LeakyBucket.RULE, ticker, rates);
            case FIXED_WINDOW -> new ObjectStateKeys<>(FixedWindow.RULE, ticker, rates);
            case SLIDING_WINDOW_COUNTER -> new ObjectStateKeys<>(SlidingWindowCounter.RULE, ticker, rates);
            case SLIDING_WINDOW_LOG -> new ObjectStateKeys<>(SlidingWindowLogRule.INSTANCE, ticker, rates);
            case WARMING_UP -> new ObjectStateKeys<>(new WarmingUpBucket.Rule(warmUpNanos), ticker, rates);
        };
    }

    private static Limit checked(Algorithm algorithm, Limit limit) {
        return algorithm == Algorithm.SLIDING_WINDOW_LOG ? SlidingWindowLog.checked(limit) : limit;
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
        return states.tryAcquire(key, permits, current);
    }

    /** {@link #tryAcquire(Object, long)} as a boolean, allocation-free for a known key of GCRA or a token bucket. */
    public boolean allow(K key, long permits) {
        Rate current = rate;
        current.check(permits);
        return states.allow(key, permits, current);
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
        rate = new Rate(checked(algorithm, limit));
    }

    /** How many keys are held now, idle ones not yet forgotten included. */
    public long size() {
        return states.size();
    }

    /** Forgets every idle key now (decisions are unaffected); returns how many were removed. */
    public long evictIdle() {
        return states.evictIdle();
    }

    @Override
    public String toString() {
        return "KeyedRateLimiter[" + algorithm + ", " + rate.limit + ", " + size() + " keys]";
    }
}
