package dev.keel.ratelimit;

import dev.keel.time.Sleeper;
import dev.keel.time.Ticker;
import java.time.Duration;

/**
 * The blocking acquire every limiter shares: try, and if rejected sleep exactly the decision's retry-after through the
 * {@link Sleeper}, then try again, until admitted or the deadline cannot be met.
 *
 * <p>Why a retry loop and not a reservation (Guava's {@code reserve} then sleep): it works for every algorithm,
 * including the windows that cannot reserve a future slot, holds nothing while sleeping, and under a fake clock its
 * transcript is exactly the retry-afters, which the tests assert. Under contention another thread may take the permits
 * first; the loop then waits again, and gives up as soon as the next wait would pass the deadline.
 */
final class Waiting {

    private Waiting() {}

    static boolean acquire(RateLimiter limiter, Ticker ticker, Sleeper sleeper, long permits, Duration timeout)
            throws InterruptedException {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout (" + timeout + ") must not be negative");
        }
        long budget = Sleeper.saturatedNanos(timeout);
        long start = ticker.read();
        while (true) {
            Decision decision = limiter.tryAcquire(permits);
            if (decision.allowed()) {
                return true;
            }
            long left = budget - (ticker.read() - start);
            if (decision.retryAfterNanos() > left) {
                return false;
            }
            sleeper.sleepNanos(decision.retryAfterNanos());
        }
    }
}
