package dev.keel.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.ManualTicker;
import dev.keel.testing.SeededRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every algorithm, keyed: each key's decisions equal those of a single limiter of its own, whatever the interleaving
 * of keys, and forgetting idle keys (at random moments, and by the sweeps that new keys trigger) changes none of them.
 */
final class KeyedContractTest {

    private static final int KEYS = 12;
    private static final int STEPS = 20_000;

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void decisions_randomScheduleWithEvictions_equalASingleLimiterPerKey(Algorithm algorithm) {
        SeededRandom random = SeededRandom.withSeed(5_000L + algorithm.ordinal());
        Limit limit = Limit.of(20, Duration.ofSeconds(1)).withBurst(6);
        Duration warmUp = Duration.ofMillis(400); // a real warm-up, so its cold phase is compared too
        ManualTicker keyedTicker = ManualTicker.create();
        ManualTicker singleTicker = ManualTicker.create();
        KeyedRateLimiter<Integer> keyed =
                Limiters.builder(algorithm, limit, keyedTicker, warmUp).buildKeyed();
        List<RateLimiter> singles = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            singles.add(Limiters.builder(algorithm, limit, singleTicker, warmUp).build());
        }
        long evicted = 0;
        long admitted = 0;
        for (int step = 0; step < STEPS; step++) {
            long advance = random.chance(1, 50) ? random.nextLong(0, 2_000_000_000L) : random.nextLong(0, 6_000_000);
            keyedTicker.advanceNanos(advance);
            singleTicker.advanceNanos(advance);
            int key = (int) random.nextLong(0, KEYS);
            long permits = random.chance(1, 4) ? random.nextLong(1, 7) : 1;
            Decision decision = keyed.tryAcquire(key, permits);
            admitted += decision.allowed() ? 1 : 0;
            assertThat(decision)
                    .as("%s, seed %d, step %d, key %d, %d permits", algorithm, random.seed(), step, key, permits)
                    .isEqualTo(singles.get(key).tryAcquire(permits));
            if (random.chance(1, 100)) {
                evicted += keyed.evictIdle();
            }
        }
        assertThat(evicted).as("keys were forgotten along the way").isPositive();
        assertThat(admitted).as("admitted and rejected both common").isBetween(STEPS / 10L, STEPS * 9L / 10);
    }
}
