package dev.keel.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.ManualTicker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class CompositeRateLimiterTest {

    private final ManualTicker ticker = ManualTicker.create();

    private ConfigurableRateLimiter gcra(Limit limit) {
        return RateLimiter.builder(Algorithm.GCRA)
                .limit(limit)
                .ticker(ticker)
                .sleeper(ticker)
                .build();
    }

    @Test
    void tryAcquire_twoLimits_admitsOnlyWhatBothAdmit() {
        ConfigurableRateLimiter perMinute =
                gcra(Limit.of(100, Duration.ofMinutes(1)).withBurst(3));
        ConfigurableRateLimiter perHour = gcra(Limit.of(5, Duration.ofHours(1)));
        CompositeRateLimiter limiter = RateLimiter.allOf(perMinute, perHour);

        assertThat(Limiters.drain(limiter)).as("the minute's burst").isEqualTo(3);
        ticker.advance(Duration.ofMinutes(1));
        assertThat(Limiters.drain(limiter))
                .as("the hour's burst is spent after 5")
                .isEqualTo(2);
        assertThat(limiter.limits()).containsExactly(perMinute.limit(), perHour.limit());
    }

    @Test
    void tryAcquire_rejectedByALaterPart_refundsTheEarlierParts() {
        ConfigurableRateLimiter wide = gcra(Limit.perSecond(10));
        ConfigurableRateLimiter narrow = gcra(Limit.of(2, Duration.ofMinutes(1)));
        CompositeRateLimiter limiter = RateLimiter.allOf(wide, narrow);
        assertThat(limiter.tryAcquire(2).allowed()).isTrue();

        Decision rejected = limiter.tryAcquire();
        assertThat(rejected.allowed()).isFalse();
        assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(wide.tryAcquire().remaining())
                .as("the rejected request cost the wide limit nothing")
                .isEqualTo(7);
    }

    @Test
    void tryAcquire_moreThanAnyBurst_takesNothing() {
        ConfigurableRateLimiter wide = gcra(Limit.perSecond(10));
        CompositeRateLimiter limiter = RateLimiter.allOf(wide, gcra(Limit.perSecond(2)));
        assertThatThrownBy(() -> limiter.tryAcquire(3))
                .hasMessageContaining("permits (3) must be at most the burst (2)");
        assertThat(wide.tryAcquire().remaining()).isEqualTo(9);
    }

    @Test
    void acquire_waitsForTheSlowestPart() throws InterruptedException {
        CompositeRateLimiter limiter = RateLimiter.allOf(gcra(Limit.perSecond(10)), gcra(Limit.perSecond(1)));
        assertThat(limiter.allow()).isTrue();
        ticker.clearTranscript();
        assertThat(limiter.acquire(1, Duration.ofSeconds(2))).isTrue();
        assertThat(ticker.sleeps()).containsExactly(Duration.ofSeconds(1));
    }
}
