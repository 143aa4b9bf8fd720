package dev.keel.cli;

import dev.keel.ratelimit.Algorithm;
import dev.keel.ratelimit.Limit;
import dev.keel.ratelimit.RateLimiter;
import dev.keel.ratelimit.RateLimiterBuilder;
import dev.keel.ratelimit.TokenBucketLimiter;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * The rate limiter's tour: the seed example, then the same burst through every algorithm, all on a simulated
 * clock so that it runs in milliseconds and prints the same every time.
 */
final class RatelimitDemo {

    private final PrintWriter out;

    RatelimitDemo(PrintWriter out) {
        this.out = out;
    }

    void run() {
        SimulatedClock clock = new SimulatedClock();
        out.println("The seed example: new TokenBucketLimiter(10, 2), capacity 10, refilling 2 tokens per second.");
        TokenBucketLimiter limiter = new TokenBucketLimiter(10, 2, clock);
        for (int i = 0; i < 15; i++) {
            out.println("Request " + i + ": " + (limiter.allowRequest("user123") ? "ALLOWED" : "RATE LIMITED"));
        }
        clock.advanceTo(Duration.ofSeconds(1).toNanos());
        out.println("one second later: " + (limiter.allowRequest("user123") ? "ALLOWED" : "RATE LIMITED") + ", "
                + (limiter.allowRequest("user123") ? "ALLOWED" : "RATE LIMITED") + ", "
                + (limiter.allowRequest("user123") ? "ALLOWED" : "RATE LIMITED"));
        out.println();
        out.println("The same traffic through each algorithm (limit 2/s, burst 10): 15 requests at t=0, then one"
                + " every 100 ms until t=3s.");
        out.printf("  %-16s %-10s %-14s %s%n", "algorithm", "burst t=0", "t=0.1s..3s", "total of 45");
        for (Algorithm algorithm : Algorithm.values()) {
            SimulatedClock time = new SimulatedClock();
            RateLimiterBuilder builder = RateLimiter.builder(algorithm)
                    .limit(Limit.perSecond(2).withBurst(10))
                    .ticker(time)
                    .sleeper(time);
            if (algorithm == Algorithm.WARMING_UP) {
                builder.warmUp(Duration.ofSeconds(2));
            }
            RateLimiter each = builder.build();
            int burst = 0;
            for (int i = 0; i < 15; i++) {
                burst += each.allow() ? 1 : 0;
            }
            int steady = 0;
            for (int tick = 1; tick <= 30; tick++) {
                time.advanceTo(tick * 100_000_000L);
                steady += each.allow() ? 1 : 0;
            }
            out.printf("  %-16s %2d of 15   %2d of 30       %2d%n", algorithm, burst, steady, burst + steady);
        }
        out.println("Buckets and GCRA refill continuously (2/s: 6 in 3 s); the windows reset whole windows of 5 s"
                + " (burst / rate); warm-up starts slowly.");
        out.println("Try: keel ratelimit simulate --algorithm sliding-counter --limit 10/s --burst 5 --arrival 20/s");
    }
}
