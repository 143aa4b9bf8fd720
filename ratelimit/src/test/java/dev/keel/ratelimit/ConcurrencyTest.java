package dev.keel.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.ManualTicker;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import dev.keel.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many threads on one key and on many keys. The fake-clock tests run in phases: the clock moves, then every thread
 * takes permits until it is rejected (saturation), then all meet at a barrier; the total admitted must equal the
 * analytic model exactly, which is both "never over-admit" and "admit everything allowed". The real-clock test runs
 * for a bounded 300 ms.
 */
@ExtendWith(SeedExtension.class)
final class ConcurrencyTest {

    private static final int THREADS = 4;
    private static final int PHASES = 60;
    private static final long INTERVAL = 1_000_000; // 1,000 per second

    /** The model of a limiter drained at the end of every phase: refill in nanoseconds, capped at the burst. */
    private static long modelAdmitted(List<Long> advances, long burst) {
        long available = burst * INTERVAL;
        long admitted = 0;
        for (long advance : advances) {
            available = Math.min(burst * INTERVAL, available + advance);
            admitted += available / INTERVAL;
            available %= INTERVAL;
        }
        return admitted;
    }

    private static List<Long> advances(SeededRandom random) {
        List<Long> advances = new ArrayList<>();
        advances.add(0L);
        for (int i = 1; i < PHASES; i++) {
            advances.add(random.chance(1, 10) ? 200 * INTERVAL : random.nextLong(0, 40 * INTERVAL));
        }
        return advances;
    }

    /** Runs {@code work} on {@link #THREADS} threads once per phase, advancing {@code ticker} before each phase. */
    private static void inPhases(ManualTicker ticker, List<Long> advances, Runnable work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS + 1);
        CyclicBarrier end = new CyclicBarrier(THREADS + 1);
        ExecutorService pool = Executors.newFixedThreadPool(
                THREADS, Thread.ofPlatform().name("saturate-", 0).factory());
        try (pool) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int phase = 0; phase < advances.size(); phase++) {
                        start.await(10, TimeUnit.SECONDS);
                        work.run();
                        end.await(10, TimeUnit.SECONDS);
                    }
                    return null;
                }));
            }
            for (long advance : advances) {
                ticker.advanceNanos(advance);
                start.await(10, TimeUnit.SECONDS);
                end.await(10, TimeUnit.SECONDS);
            }
            for (Future<?> worker : workers) {
                worker.get(10, TimeUnit.SECONDS);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Algorithm.class,
            names = {"GCRA", "TOKEN_BUCKET", "LEAKY_BUCKET", "WARMING_UP"})
    void oneKey_manyThreadsSaturating_admitExactlyTheModel(Algorithm algorithm) throws Exception {
        SeededRandom random = SeededRandom.withSeed(algorithm.ordinal());
        ManualTicker ticker = ManualTicker.create();
        RateLimiter limiter = Limiters.create(
                algorithm, Limit.of(1_000, Duration.ofSeconds(1)).withBurst(50), ticker);
        AtomicLong admitted = new AtomicLong();
        List<Long> advances = advances(random);

        inPhases(ticker, advances, () -> admitted.addAndGet(Limiters.drain(limiter)));

        assertThat(admitted.get()).isEqualTo(modelAdmitted(advances, 50));
    }

    @Test
    void manyKeys_manyThreadsAndAConcurrentSweeper_admitExactlyTheModelPerKey(SeededRandom random) throws Exception {
        ManualTicker ticker = ManualTicker.create();
        KeyedRateLimiter<Integer> limiter = RateLimiter.builder(Algorithm.GCRA)
                .limit(Limit.of(1_000, Duration.ofSeconds(1)).withBurst(20))
                .ticker(ticker)
                .buildKeyed();
        int keys = 64;
        AtomicLong[] admitted = new AtomicLong[keys];
        for (int k = 0; k < keys; k++) {
            admitted[k] = new AtomicLong();
        }
        AtomicLong turn = new AtomicLong();
        List<Long> advances = advances(random);

        inPhases(ticker, advances, () -> {
            long me = turn.getAndIncrement();
            for (int i = 0; i < keys; i++) {
                int key = (int) ((i + me * 17) % keys);
                admitted[key].addAndGet(Limiters.drainKey(limiter, key));
                if (me % THREADS == 0 && i % 16 == 0) {
                    limiter.evictIdle(); // races with the other threads' decisions
                }
            }
        });

        long expected = modelAdmitted(advances, 20);
        for (int k = 0; k < keys; k++) {
            assertThat(admitted[k].get()).as("key %d", k).isEqualTo(expected);
        }
    }

    @Test
    void oneKey_realClockForABoundedTime_neverOverAdmitsAndAdmitsNearlyAllAllowed() throws Exception {
        Ticker ticker = Ticker.system();
        long burst = 100_000; // a second of refill, so that a descheduled thread does not cost permits
        RateLimiter limiter = RateLimiter.builder(Algorithm.GCRA)
                .limit(Limit.of(100_000, Duration.ofSeconds(1)).withBurst(burst))
                .ticker(ticker)
                .build();
        AtomicLong admitted = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong deadlineHolder = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(Thread.ofPlatform().name("real-clock-" + t).start(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long deadline = deadlineHolder.get();
                long mine = 0;
                while (ticker.read() - deadline < 0) {
                    mine += limiter.allow() ? 1 : 0;
                }
                admitted.addAndGet(mine);
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        long start = ticker.read(); // the bucket is full from here on: refill before this would be lost anyway
        long deadline = start + Duration.ofMillis(300).toNanos();
        deadlineHolder.set(deadline);
        go.countDown();
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(10));
            assertThat(thread.isAlive()).isFalse();
        }
        long elapsed = ticker.read() - start;
        long allowed = burst + elapsed / 10_000; // 10 us per permit
        assertThat(admitted.get()).isLessThanOrEqualTo(allowed);
        // Saturation: the threads ask far faster than 100,000/s; all that went unadmitted is the final refill.
        assertThat(admitted.get()).isGreaterThanOrEqualTo((burst + (deadline - start) / 10_000) * 99 / 100);
    }
}
