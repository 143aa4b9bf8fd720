/**
 * keel's rate limiter: every classic algorithm behind one interface, per key for millions of keys.
 *
 * <p>Reading order: {@link dev.keel.ratelimit.Limit} (permits per period, with a burst) and
 * {@link dev.keel.ratelimit.Decision} (the outcome as a value); {@link dev.keel.ratelimit.RateLimiter} (the interface)
 * and {@link dev.keel.ratelimit.RateLimiterBuilder}; the algorithms, each named for its strategy:
 * {@link dev.keel.ratelimit.Gcra} and {@link dev.keel.ratelimit.TokenBucket} (one {@code long} of state, see
 * {@code LongStateRule} and {@code LongStateLimiter}), {@link dev.keel.ratelimit.LeakyBucket},
 * {@link dev.keel.ratelimit.FixedWindow}, {@link dev.keel.ratelimit.SlidingWindowCounter},
 * {@link dev.keel.ratelimit.WarmingUpBucket} (an immutable state value, see {@code ObjectStateRule} and
 * {@code ObjectStateLimiter}), {@link dev.keel.ratelimit.SlidingWindowLog};
 * {@link dev.keel.ratelimit.CompositeRateLimiter} (several limits at once);
 * {@link dev.keel.ratelimit.KeyedRateLimiter} (a limit per key, any algorithm; its states in {@code KeyedStates}:
 * {@code LongStateKeys} over the compact {@code LongStateTable}, or {@code ObjectStateKeys}) and the seed's
 * {@link dev.keel.ratelimit.TokenBucketLimiter}. Inside: {@code Rate} (a limit as integers), {@code ExactMath},
 * {@code Waiting} (the blocking acquire).
 *
 * <p>Thread safety: every limiter is thread-safe. GCRA and the token bucket, single or keyed, are lock-free with one
 * {@code long} per limiter or key, updated by compare-and-set, and allocate nothing on their hot path (the keyed table
 * locks one of its segments only to insert a key or rebuild the segment); the leaky
 * bucket, the windows and the warm-up bucket swap an immutable state record by compare-and-set, as does every key of
 * the keyed sliding-window log (a copied array); the single sliding-window log holds a lock for one decision.
 * Nothing holds a lock while waiting. Time comes only from the
 * injected {@link dev.keel.time.Ticker}; waiting only through the injected {@link dev.keel.time.Sleeper}.
 */
@NullMarked
package dev.keel.ratelimit;

import org.jspecify.annotations.NullMarked;
