package dev.keel.bench.ratelimit;

import dev.keel.bench.SettledHeap;
import dev.keel.ratelimit.Algorithm;
import dev.keel.ratelimit.KeyedRateLimiter;
import dev.keel.ratelimit.Limit;
import dev.keel.ratelimit.RateLimiter;
import dev.keel.ratelimit.RateLimiterBuilder;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Heap per key at 1M keys: the retained heap of keel's {@link KeyedRateLimiter}, for every algorithm, holding
 * 1,000,000 keys that have each made one request (and are not yet idle, so that nothing is forgotten: an idle key
 * costs nothing once dropped), against a {@code ConcurrentHashMap<Integer, Bucket>} of Bucket4j buckets. The key
 * objects are allocated before the first measurement and kept alive throughout, so they are not counted (they are the
 * caller's); what is counted is the table or map and the per-key state. Measured as used heap after
 * {@code System.gc()} (repeated until it settles) before and after filling.
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.ratelimit.KeyedMemoryHarness} (the JVM's default collector, G1, and
 * compressed oops, as a 24 GiB machine gives them; add {@code -XX:+UseCompactObjectHeaders} to see 8-byte headers);
 * results in {@code bench/results/ratelimit-keyed.md}.
 */
public final class KeyedMemoryHarness {

    private static final int KEYS = 1_000_000;

    private KeyedMemoryHarness() {}

    public static void main(String[] args) throws InterruptedException {
        Integer[] keys = new Integer[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = 1_000_000 + i; // outside Integer's cache: real objects, allocated before measuring
        }
        System.out.printf("%-38s %14s %14s%n", "structure", "heap bytes", "bytes per key");
        for (Algorithm algorithm : Algorithm.values()) {
            long before = SettledHeap.bytes();
            RateLimiterBuilder builder = RateLimiter.builder(algorithm).limit(Limit.of(100, Duration.ofHours(1)));
            if (algorithm == Algorithm.WARMING_UP) {
                builder.warmUp(Duration.ofMinutes(1));
            }
            KeyedRateLimiter<Integer> keel = builder.buildKeyed();
            for (Integer key : keys) {
                keel.allow(key);
            }
            long bytes = SettledHeap.bytes() - before;
            print("keel KeyedRateLimiter (" + algorithm + ")", bytes, keel.size());
        }

        long before = SettledHeap.bytes();
        ConcurrentHashMap<Integer, Bucket> buckets = new ConcurrentHashMap<>();
        for (Integer key : keys) {
            buckets.computeIfAbsent(
                            key,
                            k -> Bucket.builder()
                                    .addLimit(l -> l.capacity(100).refillGreedy(100, Duration.ofSeconds(1)))
                                    .build())
                    .tryConsume(1);
        }
        print("ConcurrentHashMap<Integer, Bucket>", SettledHeap.bytes() - before, buckets.size());
        System.out.println("keys alive: " + keys.length);
    }

    private static void print(String structure, long bytes, long held) {
        System.out.printf("%-38s %,14d %14.1f  (%,d keys held)%n", structure, bytes, bytes / (double) KEYS, held);
    }
}
