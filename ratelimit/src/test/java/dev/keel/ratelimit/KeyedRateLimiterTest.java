package dev.keel.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.ManualTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class KeyedRateLimiterTest {

    private final ManualTicker ticker = ManualTicker.create();

    private KeyedRateLimiter<String> gcra(Limit limit) {
        return RateLimiter.builder(Algorithm.GCRA)
                .limit(limit)
                .ticker(ticker)
                .sleeper(ticker)
                .buildKeyed();
    }

    /** The seed example, on a fake clock. */
    @Test
    void seedExample_fifteenRequestsAtOnce_admitsTheCapacityThenRefillsTwoPerSecond() {
        TokenBucketLimiter limiter = new TokenBucketLimiter(10, 2, ticker);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            lines.add("Request " + i + ": " + (limiter.allowRequest("user123") ? "ALLOWED" : "RATE LIMITED"));
        }
        assertThat(lines.subList(0, 10)).allMatch(line -> line.endsWith("ALLOWED"));
        assertThat(lines.subList(10, 15)).allMatch(line -> line.endsWith("RATE LIMITED"));
        assertThat(limiter.allowRequest("user456"))
                .as("another key has its own bucket")
                .isTrue();

        ticker.advance(Duration.ofSeconds(1));
        assertThat(limiter.allowRequest("user123")).isTrue();
        assertThat(limiter.allowRequest("user123")).isTrue();
        assertThat(limiter.allowRequest("user123")).isFalse();
    }

    @Test
    void keys_areLimitedIndependently() {
        KeyedRateLimiter<String> limiter = gcra(Limit.perSecond(2));
        assertThat(limiter.tryAcquire("a", 2).allowed()).isTrue();
        assertThat(limiter.allow("a")).isFalse();
        assertThat(limiter.tryAcquire("b").remaining()).isEqualTo(1);
        assertThat(limiter.tryAcquire("a").retryAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void evictIdle_forgetsOnlyKeysThatHaveFullyRefilled() {
        KeyedRateLimiter<String> limiter = gcra(Limit.perSecond(10));
        for (int i = 0; i < 100; i++) {
            limiter.allow("idle-" + i);
        }
        ticker.advance(Duration.ofSeconds(1));
        Limiters.drainKey(limiter, "busy");

        assertThat(limiter.evictIdle()).isEqualTo(100);
        assertThat(limiter.size()).isEqualTo(1);
        assertThat(limiter.allow("busy")).as("the busy key kept its state").isFalse();
        assertThat(limiter.tryAcquire("idle-7").remaining())
                .as("a forgotten key starts full")
                .isEqualTo(9);
    }

    /**
     * 200,000 keys, 5,000 new ones per second, each idle again within two seconds of its only request (one window of
     * the fixed window and the logs, two for the sliding counter, 100 ms for the buckets): the keys held stay within a
     * small multiple of the at most 10,000 active at a time.
     */
    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void inserts_manyKeysOverTime_keepMemoryBoundedByTheActiveKeys(Algorithm algorithm) {
        KeyedRateLimiter<Integer> limiter = Limiters.createKeyed(algorithm, Limit.perSecond(10), ticker);
        long most = 0;
        for (int key = 0; key < 200_000; key++) {
            assertThat(limiter.allow(key)).isTrue();
            if (key % 1_000 == 999) {
                ticker.advance(Duration.ofMillis(200));
            }
            most = Math.max(most, limiter.size());
        }
        assertThat(most).isLessThanOrEqualTo(3 * 10_000 + 1_024);
    }

    @Test
    void reconfigure_appliesToEveryKeyAndKeepsTheirState() {
        KeyedRateLimiter<String> limiter = gcra(Limit.perSecond(10));
        Limiters.drainKey(limiter, "a");
        limiter.reconfigure(Limit.perSecond(1).withBurst(1));

        assertThat(limiter.limit()).isEqualTo(Limit.perSecond(1).withBurst(1));
        assertThat(limiter.allow("a")).as("a still owes a second").isFalse();
        assertThat(limiter.tryAcquire("b").remaining()).isZero();
        assertThat(limiter.allow("b")).isFalse();
    }

    @Test
    void acquire_drainedKey_waitsThroughTheSleeper() throws InterruptedException {
        KeyedRateLimiter<String> limiter = gcra(Limit.perSecond(4));
        Limiters.drainKey(limiter, "a");
        ticker.clearTranscript();

        assertThat(limiter.acquire("a", 2, Duration.ofSeconds(1))).isTrue();
        assertThat(ticker.sleeps()).containsExactly(Duration.ofMillis(500));
        assertThat(limiter.acquire("a", 1, Duration.ofMillis(100))).isFalse();
    }

    @Test
    void tryAcquire_permitsAboveTheBurst_isACallersMistake() {
        assertThatThrownBy(() -> gcra(Limit.perSecond(1)).tryAcquire("a", 2))
                .hasMessageContaining("permits (2) must be at most the burst (1)");
        assertThatThrownBy(() -> RateLimiter.builder(Algorithm.WARMING_UP)
                        .limit(Limit.perSecond(1))
                        .buildKeyed())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs warmUp");
    }
}
