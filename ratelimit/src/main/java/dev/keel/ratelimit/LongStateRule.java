package dev.keel.ratelimit;

/**
 * The two algorithms whose whole state is one {@code long}, as pure functions of (state, now, permits, rate), so that
 * a single limiter ({@link LongStateLimiter}) and a per-key table ({@link KeyedRateLimiter}) share one implementation.
 *
 * <p>Both states are ticker instants, compared only by subtraction so that they survive the wrap of
 * {@link System#nanoTime()}. A decision that admits always changes the state (every permit costs at least one
 * nanosecond), so "the state did not change" is how {@link #admit} says "rejected" without allocating.
 */
enum LongStateRule {

    /** State: the theoretical arrival time (TAT): when the limiter will have refilled completely. */
    GCRA {
        @Override
        long fresh(long now, Rate rate) {
            return now;
        }

        @Override
        long admit(long tat, long now, long permits, Rate rate) {
            long backlog = Math.max(0, tat - now);
            long cost = rate.nanosFor(permits);
            if (backlog > rate.burstNanos - cost) {
                return tat;
            }
            return now + backlog + cost;
        }

        @Override
        Decision decide(long before, long after, long now, long permits, Rate rate) {
            if (after != before) {
                long backlog = after - now;
                return Decision.allowed(rate.permitsIn(rate.burstNanos - backlog), backlog);
            }
            long backlog = Math.max(0, before - now);
            long retry = backlog - (rate.burstNanos - rate.nanosFor(permits));
            return Decision.rejected(rate.permitsIn(rate.burstNanos - backlog), retry, backlog);
        }

        @Override
        boolean isIdle(long tat, long now, Rate rate) {
            return tat - now <= 0;
        }

        @Override
        long refund(long tat, long now, long permits, Rate rate) {
            long backlog = tat - now;
            return backlog <= 0 ? tat : now + Math.max(0, backlog - rate.nanosFor(permits));
        }
    },

    /** State: the instant the bucket was last empty; it holds {@code min(burst, refill since then)}. */
    TOKEN_BUCKET {
        @Override
        long fresh(long now, Rate rate) {
            return now - rate.burstNanos;
        }

        @Override
        long admit(long emptyAt, long now, long permits, Rate rate) {
            long available = available(emptyAt, now, rate);
            long cost = rate.nanosFor(permits);
            if (available < cost) {
                return emptyAt;
            }
            return now - (available - cost);
        }

        @Override
        Decision decide(long before, long after, long now, long permits, Rate rate) {
            if (after != before) {
                long left = now - after;
                return Decision.allowed(rate.permitsIn(left), rate.burstNanos - left);
            }
            long available = available(before, now, rate);
            return Decision.rejected(
                    rate.permitsIn(available), rate.nanosFor(permits) - available, rate.burstNanos - available);
        }

        @Override
        boolean isIdle(long emptyAt, long now, Rate rate) {
            return now - emptyAt >= rate.burstNanos;
        }

        @Override
        long refund(long emptyAt, long now, long permits, Rate rate) {
            long available = available(emptyAt, now, rate);
            return now - Math.min(rate.burstNanos, available + rate.nanosFor(permits));
        }

        /** Refill held now, in nanoseconds: clamped to the burst, and to 0 for a reading older than the state. */
        private static long available(long emptyAt, long now, Rate rate) {
            return Math.clamp(now - emptyAt, 0, rate.burstNanos);
        }
    };

    /** The state of a limiter that has been idle long enough to hold its full burst. */
    abstract long fresh(long now, Rate rate);

    /** The state after admitting {@code permits} at {@code now}, or {@code state} itself if they are rejected. */
    abstract long admit(long state, long now, long permits, Rate rate);

    /** The decision that {@link #admit} made, reconstructed from its input and output. */
    abstract Decision decide(long before, long after, long now, long permits, Rate rate);

    /** Whether {@code state} is indistinguishable from {@link #fresh}: a key in this state may be forgotten. */
    abstract boolean isIdle(long state, long now, Rate rate);

    /** The state after giving back {@code permits} (never more than a full burst). */
    abstract long refund(long state, long now, long permits, Rate rate);
}
