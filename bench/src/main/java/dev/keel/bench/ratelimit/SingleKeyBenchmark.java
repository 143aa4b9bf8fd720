package dev.keel.bench.ratelimit;

import com.google.common.util.concurrent.RateLimiter;
import dev.keel.bench.KeelBenchmark;
import dev.keel.ratelimit.Algorithm;
import dev.keel.ratelimit.Limit;
import io.github.bucket4j.Bucket;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * One limiter, one permit per call, on the system clock: keel's GCRA and token bucket ({@code allow()}, the
 * allocation-free boolean path) and {@code tryAcquire()} (the {@code Decision} path) against Bucket4j's
 * {@code tryConsume(1)} (lock-free bucket, greedy refill), Guava's {@code RateLimiter.tryAcquire()} and Resilience4j's
 * {@code AtomicRateLimiter.acquirePermission()} (timeout zero), with 1 and 2 threads on the same limiter.
 *
 * <p>{@code path=success}: a limit of 10^9 per second with a burst of 10^9, so every call is admitted and does the full
 * update. {@code path=rejected}: one permit per hour, taken in set-up, so every call is rejected (the common path of a
 * limiter under attack). {@code limiter=clock-only} is the floor: one {@code System.nanoTime()} and nothing else, what
 * any limiter that reads a clock per call pays at least. Scores are operations per microsecond; {@code -prof gc} gives
 * the allocation per operation.
 *
 * <p>Run: {@code ./keel bench ratelimit.SingleKey -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}; results in
 * {@code bench/results/ratelimit-single-key.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SingleKeyBenchmark extends KeelBenchmark {

    @Param({
        "keel-gcra",
        "keel-token-bucket",
        "keel-gcra-decision",
        "bucket4j",
        "guava",
        "resilience4j",
        "clock-only",
        "keel-gcra-3-tickers"
    })
    public String limiter;

    @Param({"success", "rejected"})
    public String path;

    private BooleanSupplier call;

    @Setup
    public void setUp() {
        boolean success = path.equals("success");
        long permits = success ? 1_000_000_000L : 1;
        Duration period = success ? Duration.ofSeconds(1) : Duration.ofHours(1);
        call = switch (limiter) {
            case "keel-gcra" -> keel(Algorithm.GCRA, permits, period)::allow;
            case "keel-token-bucket" -> keel(Algorithm.TOKEN_BUCKET, permits, period)::allow;
            case "keel-gcra-decision" -> {
                dev.keel.ratelimit.RateLimiter gcra = keel(Algorithm.GCRA, permits, period);
                yield () -> gcra.tryAcquire().allowed();
            }
            case "bucket4j" -> {
                Bucket bucket = Bucket.builder()
                        .addLimit(limit -> limit.capacity(permits).refillGreedy(permits, period))
                        .build();
                yield () -> bucket.tryConsume(1);
            }
            case "guava" -> {
                RateLimiter guava = RateLimiter.create(permits / (double) period.toSeconds());
                yield guava::tryAcquire;
            }
            case "resilience4j" -> {
                AtomicRateLimiter r4j = new AtomicRateLimiter(
                        "bench",
                        RateLimiterConfig.custom()
                                .limitForPeriod((int) Math.min(Integer.MAX_VALUE, permits))
                                .limitRefreshPeriod(period)
                                .timeoutDuration(Duration.ZERO)
                                .build());
                yield r4j::acquirePermission;
            }
            case "keel-gcra-3-tickers" -> {
                pollute(permits, period);
                yield keel(Algorithm.GCRA, permits, period)::allow;
            }
            case "clock-only" -> () -> System.nanoTime() != 0 && success; // the floor: one clock read, no limiter
            default -> throw new IllegalArgumentException("unknown limiter '" + limiter + "'");
        };
        if (!success && !limiter.equals("clock-only")) {
            while (call.getAsBoolean()) {
                // drain the one permit (Guava admits the first request of a fresh limiter)
            }
        }
    }

    /**
     * Runs limiters on three other {@link dev.keel.time.Ticker} classes first, so that the JIT sees the ticker call in
     * the limiter's loop as megamorphic, as in an application where several tickers are in use.
     */
    private static void pollute(long permits, Duration period) {
        List<dev.keel.time.Ticker> tickers =
                List.of(System::nanoTime, () -> System.nanoTime() + 1, () -> System.nanoTime() - 1);
        for (dev.keel.time.Ticker ticker : tickers) {
            dev.keel.ratelimit.RateLimiter other = dev.keel.ratelimit.RateLimiter.builder(Algorithm.GCRA)
                    .limit(Limit.of(permits, period))
                    .ticker(ticker)
                    .build();
            for (int i = 0; i < 200_000; i++) {
                other.allow();
            }
        }
    }

    private static dev.keel.ratelimit.RateLimiter keel(Algorithm algorithm, long permits, Duration period) {
        return dev.keel.ratelimit.RateLimiter.builder(algorithm)
                .limit(Limit.of(permits, period))
                .build();
    }

    @Benchmark
    @Threads(1)
    public boolean oneThread() {
        return call.getAsBoolean();
    }

    @Benchmark
    @Threads(2)
    public boolean twoThreads() {
        return call.getAsBoolean();
    }
}
