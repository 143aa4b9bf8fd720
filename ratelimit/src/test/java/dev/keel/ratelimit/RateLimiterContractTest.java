package dev.keel.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.keel.testing.ManualTicker;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract every algorithm keeps; each test runs once per {@link Algorithm}. */
final class RateLimiterContractTest {

    private static final Limit TEN_PER_SECOND = Limit.perSecond(10);

    private final ManualTicker ticker = ManualTicker.create();

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void tryAcquire_fresh_admitsExactlyTheBurstThenRejects(Algorithm algorithm) {
        RateLimiter limiter = Limiters.create(algorithm, TEN_PER_SECOND.withBurst(4), ticker);

        for (int i = 0; i < 4; i++) {
            Decision decision = limiter.tryAcquire();
            assertThat(decision.allowed()).as("request %d", i).isTrue();
            assertThat(decision.remaining()).isEqualTo(3 - i);
        }
        Decision rejected = limiter.tryAcquire();
        assertThat(rejected.allowed()).isFalse();
        assertThat(rejected.remaining()).isZero();
        assertThat(rejected.retryAfterNanos()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void tryAcquire_steadyArrivalsAboveTheRate_admitTheRateWithinOneBurst(Algorithm algorithm) {
        RateLimiter limiter = Limiters.create(algorithm, TEN_PER_SECOND, ticker);
        long admitted = 0;
        for (int i = 0; i < 200; i++) { // 20 per second for 10 seconds
            admitted += limiter.allow() ? 1 : 0;
            ticker.advance(Duration.ofMillis(50));
        }
        long bursts = algorithm == Algorithm.FIXED_WINDOW ? 2 : 1;
        assertThat(admitted).isBetween(100L - 10, 100L + 10 * bursts);
        if (Limiters.refillsContinuously(algorithm)) {
            assertThat(admitted).isEqualTo(10 + 100 - 1); // burst, then one per 100 ms, the last still pending
        }
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void retryAfter_rejected_isExactlyTheWaitUntilAdmission(Algorithm algorithm) {
        RateLimiter limiter = Limiters.create(algorithm, Limit.of(3, Duration.ofSeconds(1)), ticker);
        ticker.advance(Duration.ofMillis(400));
        limiter.tryAcquire(2);
        ticker.advance(Duration.ofMillis(250));
        limiter.tryAcquire();

        Decision rejected = limiter.tryAcquire(2);
        assertThat(rejected.allowed()).isFalse();
        ticker.advanceNanos(rejected.retryAfterNanos() - 1);
        assertThat(limiter.tryAcquire(2).allowed()).as("one nanosecond early").isFalse();
        ticker.advanceNanos(1);
        assertThat(limiter.tryAcquire(2).allowed()).as("after retry-after").isTrue();
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void resetAfter_elapsed_restoresTheFullBurst(Algorithm algorithm) {
        RateLimiter limiter = Limiters.create(algorithm, TEN_PER_SECOND, ticker);
        ticker.advance(Duration.ofMillis(300));
        limiter.tryAcquire(3);
        ticker.advance(Duration.ofMillis(500));
        Decision last = limiter.tryAcquire(6);

        ticker.advanceNanos(last.resetAfterNanos());
        assertThat(limiter.tryAcquire(10).allowed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void tryAcquire_severalPermits_takesAllOrNone(Algorithm algorithm) {
        RateLimiter limiter = Limiters.create(algorithm, TEN_PER_SECOND, ticker);

        assertThat(limiter.tryAcquire(4).remaining()).isEqualTo(6);
        assertThat(limiter.tryAcquire(4).remaining()).isEqualTo(2);
        Decision rejected = limiter.tryAcquire(4);
        assertThat(rejected.allowed()).isFalse();
        assertThat(rejected.remaining()).isEqualTo(2);
        assertThat(limiter.tryAcquire(2).allowed()).isTrue();
        assertThat(limiter.allow()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void tryAcquire_morePermitsThanTheBurst_isRejectedAsAMistake(Algorithm algorithm) {
        RateLimiter limiter = Limiters.create(algorithm, TEN_PER_SECOND.withBurst(5), ticker);

        assertThatThrownBy(() -> limiter.tryAcquire(6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("permits (6) must be at most the burst (5)");
        assertThat(limiter.tryAcquire(5).allowed()).as("nothing was taken").isTrue();
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void arguments_zeroOrNegative_areRejectedWithTheirValue(Algorithm algorithm) {
        RateLimiter limiter = Limiters.create(algorithm, TEN_PER_SECOND, ticker);

        assertThatThrownBy(() -> limiter.tryAcquire(0)).hasMessage("permits (0) must be positive");
        assertThatThrownBy(() -> limiter.allow(-3)).hasMessage("permits (-3) must be positive");
        assertThatThrownBy(() -> limiter.acquire(1, Duration.ofSeconds(-1)))
                .hasMessage("timeout (PT-1S) must not be negative");
        assertThatThrownBy(() -> limiter.acquire(0, Duration.ZERO)).hasMessage("permits (0) must be positive");
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void limits_atTheEdgesOfTheRange_areExact(Algorithm algorithm) {
        RateLimiter daily = Limiters.create(algorithm, Limit.of(1, Duration.ofDays(1)), ticker);
        assertThat(daily.allow()).isTrue();
        // Exactly a day; the sliding-window counter still counts the previous window in full at its very end.
        Duration retry = daily.tryAcquire().retryAfter();
        assertThat(retry).isBetween(Duration.ofDays(1), Duration.ofDays(1).plusNanos(1));
        ticker.advance(retry);
        assertThat(daily.allow()).isTrue();

        assumeThat(algorithm).isNotEqualTo(Algorithm.SLIDING_WINDOW_LOG); // one timestamp per permit
        RateLimiter fast = Limiters.create(algorithm, Limit.perSecond(1_000_000_000L), ticker);
        assertThat(fast.tryAcquire(1_000_000_000L).allowed()).isTrue();
        Decision rejected = fast.tryAcquire();
        assertThat(rejected.retryAfterNanos()).isBetween(1L, 1_000_000_001L);
        ticker.advanceNanos(rejected.resetAfterNanos());
        assertThat(fast.tryAcquire(1_000_000_000L).allowed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void ticker_wrappingPastLongMaxValue_changesNothing(Algorithm algorithm) {
        ManualTicker wrapping = ManualTicker.startingAt(Long.MAX_VALUE - 50_000_000, Instant.EPOCH);
        RateLimiter limiter = Limiters.create(algorithm, TEN_PER_SECOND, wrapping);

        assertThat(Limiters.drain(limiter)).isEqualTo(10);
        wrapping.advanceNanos(limiter.tryAcquire().resetAfterNanos()); // now past the wrap
        assertThat(Limiters.drain(limiter)).isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void reconfigure_keepsTheStateAndAppliesTheNewLimit(Algorithm algorithm) {
        ConfigurableRateLimiter limiter = Limiters.create(algorithm, TEN_PER_SECOND, ticker);
        assertThat(Limiters.drain(limiter)).isEqualTo(10);

        limiter.reconfigure(TEN_PER_SECOND);
        assertThat(limiter.allow()).as("a drained limiter stays drained").isFalse();

        Limit faster = Limit.perSecond(20).withBurst(20);
        limiter.reconfigure(faster);
        assertThat(limiter.limit()).isEqualTo(faster);
        long immediately = Limiters.drain(limiter);
        // The buckets owe a second of refill, which the new rate pays back in that second; windows keep their count.
        assertThat(immediately).isEqualTo(Limiters.refillsContinuously(algorithm) ? 0 : 10);
        ticker.advanceNanos(limiter.tryAcquire().resetAfterNanos());
        assertThat(Limiters.drain(limiter)).isEqualTo(20);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void acquire_drained_waitsExactlyTheRetryAfterThroughTheSleeper(Algorithm algorithm) throws Exception {
        RateLimiter limiter = Limiters.create(algorithm, Limit.perSecond(4), ticker);
        Limiters.drain(limiter);
        long retry = limiter.tryAcquire().retryAfterNanos();
        ticker.clearTranscript();

        assertThat(limiter.acquire(1, Duration.ofNanos(retry))).isTrue();
        assertThat(ticker.sleeps()).containsExactly(Duration.ofNanos(retry));
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void acquire_timeoutShorterThanTheWait_returnsFalseWithoutWaiting(Algorithm algorithm) throws Exception {
        RateLimiter limiter = Limiters.create(algorithm, Limit.perSecond(4), ticker);
        Limiters.drain(limiter);
        ticker.clearTranscript();

        assertThat(limiter.acquire(1, Duration.ofMillis(10))).isFalse();
        assertThat(ticker.sleeps()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void acquire_interrupted_throwsAndTakesNothing(Algorithm algorithm) {
        RateLimiter limiter = Limiters.create(algorithm, Limit.perSecond(4), ticker);
        Limiters.drain(limiter);

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> limiter.acquire(1, Duration.ofSeconds(5))).isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted())
                .as("the interrupt was consumed by the exception")
                .isFalse();
        ticker.advanceNanos(limiter.tryAcquire().resetAfterNanos());
        assertThat(Limiters.drain(limiter)).isEqualTo(4);
    }
}
