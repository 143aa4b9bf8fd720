package dev.keel.ratelimit;

/**
 * Where a {@link KeyedRateLimiter} keeps its keys' states and how it decides on them: {@link LongStateKeys} for the
 * algorithms whose state is one {@code long} (a compact table, lock-free and allocation-free for known keys),
 * {@link ObjectStateKeys} for those whose state is an immutable record or a log.
 *
 * <p>Both forget only idle keys, whose state is indistinguishable from a new key's, so eviction never changes a
 * decision. Implementations are thread-safe.
 *
 * @param <K> the key type
 */
sealed interface KeyedStates<K> permits LongStateKeys, ObjectStateKeys {

    /** Decides {@code permits} (already checked against {@code rate}) for {@code key} at the ticker's reading. */
    Decision tryAcquire(K key, long permits, Rate rate);

    /** {@link #tryAcquire} as a boolean. */
    boolean allow(K key, long permits, Rate rate);

    /** Keys held, idle ones not yet forgotten included. */
    long size();

    /** Forgets every key that is idle now; returns how many. */
    long evictIdle();
}
