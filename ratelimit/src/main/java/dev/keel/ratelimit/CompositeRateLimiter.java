package dev.keel.ratelimit;

import java.time.Duration;
import java.util.List;

/**
 * Several limits at once (100 per minute and 1,000 per hour): a request is admitted only if every part admits it.
 *
 * <p>How it is designed, and why: the parts are independent limiters asked in order; if one rejects, the permits the
 * earlier parts already granted are refunded, so a rejected request costs nothing in the end. Between the grant and
 * the refund, a concurrent request may see those permits as taken and be rejected too: the composite can
 * under-admit briefly under contention but never over-admits. The alternative, one compare-and-set over the states
 * of all parts (Bucket4j's multi-bandwidth buckets), needs the parts' states in one word or one allocated object per
 * decision. The composite's {@link #acquire} waits through the first part's sleeper.
 *
 * <p>Thread-safe: as thread-safe as its parts; holds no lock.
 */
public final class CompositeRateLimiter implements RateLimiter {

    private final List<ConfigurableRateLimiter> parts;

    CompositeRateLimiter(List<ConfigurableRateLimiter> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a composite needs at least one limiter (got none)");
        }
        this.parts = List.copyOf(parts);
    }

    /** The parts, in the order they are asked; reconfigure a part to change its limit. */
    public List<ConfigurableRateLimiter> parts() {
        return parts;
    }

    @Override
    public Decision tryAcquire(long permits) {
        for (ConfigurableRateLimiter part : parts) {
            part.rate.check(permits);
        }
        long remaining = Long.MAX_VALUE;
        long reset = 0;
        for (int i = 0; i < parts.size(); i++) {
            Decision decision = parts.get(i).tryAcquire(permits);
            remaining = Math.min(remaining, decision.remaining());
            reset = Math.max(reset, decision.resetAfterNanos());
            if (!decision.allowed()) {
                for (int j = 0; j < i; j++) {
                    parts.get(j).refund(permits);
                }
                return Decision.rejected(remaining, decision.retryAfterNanos(), reset);
            }
        }
        return Decision.allowed(remaining, reset);
    }

    @Override
    public boolean allow(long permits) {
        return tryAcquire(permits).allowed();
    }

    @Override
    public boolean acquire(long permits, Duration timeout) throws InterruptedException {
        ConfigurableRateLimiter first = parts.getFirst();
        return Waiting.acquire(this, first.ticker, first.sleeper, permits, timeout);
    }

    @Override
    public List<Limit> limits() {
        return parts.stream().map(ConfigurableRateLimiter::limit).toList();
    }

    @Override
    public String toString() {
        return "CompositeRateLimiter" + parts;
    }
}
