package dev.keel.ratelimit;

import dev.keel.time.Ticker;
import java.time.Duration;

/**
 * The interview's seed API, kept working: a token bucket per key with a capacity and a refill in tokens per second.
 *
 * <pre>{@code
 * TokenBucketLimiter limiter = new TokenBucketLimiter(10, 2);   // capacity 10, refills 2 tokens per second
 * limiter.allowRequest("user123");                              // true ten times, then false until refilled
 * }</pre>
 *
 * <p>It is a {@link KeyedRateLimiter} of {@link TokenBucket}s with {@code Limit.perSecond(refill).withBurst(capacity)};
 * {@link #keyed()} gives the whole API. Thread-safe.
 */
public final class TokenBucketLimiter {

    private final KeyedRateLimiter<String> limiter;

    /** Capacity {@code capacity} tokens, refilled {@code refillPerSecond} tokens per second, on the system clock. */
    public TokenBucketLimiter(long capacity, long refillPerSecond) {
        this(capacity, refillPerSecond, Ticker.system());
    }

    /** As {@link #TokenBucketLimiter(long, long)} on {@code ticker}. */
    public TokenBucketLimiter(long capacity, long refillPerSecond, Ticker ticker) {
        this.limiter = RateLimiter.builder(Algorithm.TOKEN_BUCKET)
                .limit(new Limit(refillPerSecond, Duration.ofSeconds(1), capacity))
                .ticker(ticker)
                .buildKeyed();
    }

    /** Takes one token from {@code key}'s bucket if it has one. */
    public boolean allowRequest(String key) {
        return limiter.allowRequest(key);
    }

    /** The per-key limiter behind this one. */
    public KeyedRateLimiter<String> keyed() {
        return limiter;
    }
}
