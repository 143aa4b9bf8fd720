package dev.keel.ratelimit;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;

/**
 * The token bucket with greedy refill (Bucket4j's default): a bucket of {@code burst} tokens refilled continuously at
 * {@code permits / period}, each request taking its tokens or being rejected.
 *
 * <p>How it is designed, and why: the obvious state is two numbers, tokens and the time of the last refill, which
 * needs a lock or an allocation per update to change atomically. Instead the bucket stores the one instant at which it
 * was (virtually) empty: it holds {@code min(burst, refill(now - emptyAt))} tokens, and taking {@code n} moves that
 * instant forward by their refill time. One {@code long}, one compare-and-set, nothing allocated, and refill is exact
 * to the nanosecond with no fractional tokens lost between calls ("greedy" refill: a token becomes available the
 * nanosecond it has been earned, not in whole-period lumps).
 *
 * <p>Thread-safe and lock-free: one compare-and-set per admitted decision; {@link #allow} allocates nothing.
 */
public final class TokenBucket extends LongStateLimiter {

    TokenBucket(Limit limit, Ticker ticker, Sleeper sleeper) {
        super(LongStateRule.TOKEN_BUCKET, limit, ticker, sleeper);
    }
}
