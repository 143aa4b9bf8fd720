/**
 * Benchmarks of keel's rate limiter against Bucket4j, Guava's {@code RateLimiter} and Resilience4j's
 * {@code AtomicRateLimiter}, in the same run: {@link dev.keel.bench.ratelimit.SingleKeyBenchmark} (one limiter, one
 * and two threads, admitted and rejected paths), {@link dev.keel.bench.ratelimit.KeyedBenchmark} (1M keys, Zipf) and
 * {@link dev.keel.bench.ratelimit.KeyedMemoryHarness} (heap per idle key). Results in {@code bench/results/ratelimit-*.md}.
 */
package dev.keel.bench.ratelimit;
