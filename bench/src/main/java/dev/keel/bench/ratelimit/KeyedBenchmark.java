package dev.keel.bench.ratelimit;

import dev.keel.bench.KeelBenchmark;
import dev.keel.ratelimit.Algorithm;
import dev.keel.ratelimit.KeyedRateLimiter;
import dev.keel.ratelimit.Limit;
import dev.keel.ratelimit.RateLimiter;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-key decisions over {@value #KEYS} keys drawn from a scrambled Zipf distribution (theta 0.99, as YCSB), one
 * thread: keel's {@link KeyedRateLimiter} with GCRA (one {@code long} per key in the compact table) and with the fixed
 * window (an immutable record per key in a {@code ConcurrentHashMap}), against the usual way to key Bucket4j locally,
 * a {@code ConcurrentHashMap<Integer, Bucket>} filled by {@code computeIfAbsent}. Every key is created in set-up; the
 * limit (100 per second, burst 100) admits most calls, so this measures the lookup plus the update.
 *
 * <p>Run: {@code ./keel bench ratelimit.Keyed -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}; results in
 * {@code bench/results/ratelimit-keyed.md}. Heap per key is {@link KeyedMemoryHarness}'s question.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KeyedBenchmark extends KeelBenchmark {

    static final int KEYS = 1_000_000;
    private static final int DRAWS = 1 << 20;

    @Param({"keel-gcra", "keel-fixed-window", "bucket4j-chm"})
    public String limiter;

    private Integer[] draws;
    private int next;
    private KeyedRateLimiter<Integer> keel;
    private ConcurrentHashMap<Integer, Bucket> buckets;
    private boolean isKeel;

    @Setup
    public void setUp() {
        draws = new Integer[DRAWS];
        ZipfKeys zipf = new ZipfKeys(KEYS, 0.99, new SplittableRandom(42));
        for (int i = 0; i < DRAWS; i++) {
            draws[i] = zipf.next();
        }
        isKeel = !limiter.equals("bucket4j-chm");
        Algorithm algorithm = limiter.equals("keel-fixed-window") ? Algorithm.FIXED_WINDOW : Algorithm.GCRA;
        keel = RateLimiter.builder(algorithm).limit(Limit.perSecond(100)).buildKeyed();
        buckets = new ConcurrentHashMap<>();
        for (int key = 0; key < KEYS; key++) {
            if (isKeel) {
                keel.allow(key);
            } else {
                bucket(key).tryConsume(1);
            }
        }
    }

    private Bucket bucket(Integer key) {
        return buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(l -> l.capacity(100).refillGreedy(100, Duration.ofSeconds(1)))
                        .build());
    }

    @Benchmark
    public boolean decide() {
        Integer key = draws[next++ & (DRAWS - 1)];
        return isKeel ? keel.allow(key) : bucket(key).tryConsume(1);
    }
}
