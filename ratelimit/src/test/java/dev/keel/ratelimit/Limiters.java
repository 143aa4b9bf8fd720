package dev.keel.ratelimit;

import dev.keel.testing.ManualTicker;
import java.time.Duration;

/** Builds limiters of every algorithm on a manual clock, the same way for every test. */
final class Limiters {

    private Limiters() {}

    /**
     * A limiter of {@code algorithm} under {@code limit}; the warm-up bucket gets a warm-up of one nanosecond, which
     * makes it behave exactly like GCRA (its own behaviour is tested in {@code WarmingUpBucketTest}).
     */
    static ConfigurableRateLimiter create(Algorithm algorithm, Limit limit, ManualTicker ticker) {
        RateLimiterBuilder builder =
                RateLimiter.builder(algorithm).limit(limit).ticker(ticker).sleeper(ticker);
        if (algorithm == Algorithm.WARMING_UP) {
            builder.warmUp(Duration.ofNanos(1));
        }
        return builder.build();
    }

    /** A keyed limiter of {@code algorithm}, configured as {@link #create} configures a single one. */
    static <K> KeyedRateLimiter<K> createKeyed(Algorithm algorithm, Limit limit, ManualTicker ticker) {
        return builder(algorithm, limit, ticker, Duration.ofNanos(1)).buildKeyed();
    }

    /** A builder of {@code algorithm} on {@code ticker}, with {@code warmUp} if the algorithm needs one. */
    static RateLimiterBuilder builder(Algorithm algorithm, Limit limit, ManualTicker ticker, Duration warmUp) {
        RateLimiterBuilder builder =
                RateLimiter.builder(algorithm).limit(limit).ticker(ticker).sleeper(ticker);
        if (algorithm == Algorithm.WARMING_UP) {
            builder.warmUp(warmUp);
        }
        return builder;
    }

    /** Whether {@code algorithm} refills continuously (buckets, GCRA) rather than by windows. */
    static boolean refillsContinuously(Algorithm algorithm) {
        return switch (algorithm) {
            case TOKEN_BUCKET, LEAKY_BUCKET, GCRA, WARMING_UP -> true;
            case FIXED_WINDOW, SLIDING_WINDOW_LOG, SLIDING_WINDOW_COUNTER -> false;
        };
    }

    /** Takes single permits until one is rejected; returns how many were admitted. */
    static long drain(RateLimiter limiter) {
        long admitted = 0;
        while (limiter.allow()) {
            admitted++;
        }
        return admitted;
    }

    /** Takes single permits for {@code key} until one is rejected; returns how many were admitted. */
    static <K> long drainKey(KeyedRateLimiter<K> limiter, K key) {
        long admitted = 0;
        while (limiter.allow(key)) {
            admitted++;
        }
        return admitted;
    }
}
