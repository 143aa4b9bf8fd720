package dev.keel.ratelimit;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a limiter of one {@link Algorithm}: {@code RateLimiter.builder(GCRA).limit(l).build()}, or
 * {@link #buildKeyed()} for a limiter per key. The ticker and sleeper default to the system's; tests pass a
 * {@code ManualTicker} for both.
 *
 * <p>Fails fast: an option set twice, a missing limit, a warm-up for an algorithm that does not warm up (or none for
 * one that does) are all {@link IllegalStateException}s
 * naming the option. Not thread-safe: one builder per thread; what it builds is thread-safe.
 */
public final class RateLimiterBuilder {

    private final Algorithm algorithm;
    private @Nullable Limit limit;
    private @Nullable Ticker ticker;
    private @Nullable Sleeper sleeper;
    private @Nullable Duration warmUp;

    RateLimiterBuilder(Algorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    }

    /** The limit (required). */
    public RateLimiterBuilder limit(Limit limit) {
        once("limit", this.limit);
        this.limit = Objects.requireNonNull(limit, "limit");
        return this;
    }

    /** Where elapsed time comes from (default {@link Ticker#system()}). */
    public RateLimiterBuilder ticker(Ticker ticker) {
        once("ticker", this.ticker);
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        return this;
    }

    /** How {@link RateLimiter#acquire} waits (default {@link Sleeper#system()}). */
    public RateLimiterBuilder sleeper(Sleeper sleeper) {
        once("sleeper", this.sleeper);
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return this;
    }

    /** The warm-up period: required for {@link Algorithm#WARMING_UP}, rejected for the others. */
    public RateLimiterBuilder warmUp(Duration warmUp) {
        once("warmUp", this.warmUp);
        if (algorithm != Algorithm.WARMING_UP) {
            throw new IllegalStateException("warmUp applies only to " + Algorithm.WARMING_UP + ", not " + algorithm);
        }
        this.warmUp = Objects.requireNonNull(warmUp, "warmUp");
        return this;
    }

    /** A new single-key limiter. */
    public ConfigurableRateLimiter build() {
        Limit l = requiredLimit();
        Ticker t = ticker == null ? Ticker.system() : ticker;
        Sleeper s = sleeper == null ? Sleeper.system() : sleeper;
        return switch (algorithm) {
            case TOKEN_BUCKET -> new TokenBucket(l, t, s);
            case LEAKY_BUCKET -> new LeakyBucket(l, t, s);
            case FIXED_WINDOW -> new FixedWindow(l, t, s);
            case SLIDING_WINDOW_LOG -> new SlidingWindowLog(l, t, s);
            case SLIDING_WINDOW_COUNTER -> new SlidingWindowCounter(l, t, s);
            case GCRA -> new Gcra(l, t, s);
            case WARMING_UP -> {
                if (warmUp == null) {
                    throw new IllegalStateException(algorithm + " needs warmUp(Duration)");
                }
                yield new WarmingUpBucket(l, warmUp, t, s);
            }
        };
    }

    /** A new limiter per key, of any algorithm; see {@link KeyedRateLimiter} for its memory per key. */
    public <K> KeyedRateLimiter<K> buildKeyed() {
        Limit l = requiredLimit();
        long warmUpNanos = 0;
        if (algorithm == Algorithm.WARMING_UP) {
            if (warmUp == null) {
                throw new IllegalStateException(algorithm + " needs warmUp(Duration)");
            }
            warmUpNanos = WarmingUpBucket.warmUpNanos(warmUp);
        }
        return new KeyedRateLimiter<>(
                algorithm,
                l,
                warmUpNanos,
                ticker == null ? Ticker.system() : ticker,
                sleeper == null ? Sleeper.system() : sleeper);
    }

    private Limit requiredLimit() {
        if (limit == null) {
            throw new IllegalStateException("limit(Limit) is required");
        }
        return limit;
    }

    private static void once(String option, @Nullable Object current) {
        if (current != null) {
            throw new IllegalStateException(option + " is already set (to " + current + ")");
        }
    }
}
