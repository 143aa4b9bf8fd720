package dev.keel.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.ManualTicker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Guava's SmoothWarmingUp behaviour, as a transcript of waits on a fake clock. */
final class WarmingUpBucketTest {

    private final ManualTicker ticker = ManualTicker.create();
    private final RateLimiter limiter = RateLimiter.builder(Algorithm.WARMING_UP)
            .limit(Limit.perSecond(10).withBurst(1))
            .warmUp(Duration.ofSeconds(1))
            .ticker(ticker)
            .sleeper(ticker)
            .build();

    private List<Duration> acquireSeven() throws InterruptedException {
        ticker.clearTranscript();
        for (int i = 0; i < 7; i++) {
            assertThat(limiter.acquire(1, Duration.ofSeconds(1))).isTrue();
        }
        return ticker.sleeps();
    }

    @Test
    void acquire_cold_startsAtAThirdOfTheRateAndSpeedsUpToIt() throws InterruptedException {
        // Stored permits cost 3 intervals at the top of the store, falling linearly to 1 at half of it.
        assertThat(acquireSeven()).containsExactly(ms(280), ms(240), ms(200), ms(160), ms(120), ms(100));
    }

    @Test
    void acquire_idleForTheWarmUpPeriod_coolsDownAgain() throws InterruptedException {
        acquireSeven();
        ticker.advance(Duration.ofSeconds(5));
        assertThat(acquireSeven()).containsExactly(ms(280), ms(240), ms(200), ms(160), ms(120), ms(100));
    }

    @Test
    void builder_warmUpMissingOrMisplaced_failsFast() {
        assertThatThrownBy(() -> RateLimiter.builder(Algorithm.WARMING_UP)
                        .limit(Limit.perSecond(1))
                        .build())
                .hasMessage("warm-up needs warmUp(Duration)");
        assertThatThrownBy(() -> RateLimiter.builder(Algorithm.GCRA).warmUp(Duration.ofSeconds(1)))
                .hasMessage("warmUp applies only to warm-up, not gcra");
        assertThatThrownBy(() -> RateLimiter.builder(Algorithm.WARMING_UP)
                        .limit(Limit.perSecond(1))
                        .warmUp(Duration.ZERO)
                        .build())
                .hasMessage("warmUp (PT0S) must be positive");
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
