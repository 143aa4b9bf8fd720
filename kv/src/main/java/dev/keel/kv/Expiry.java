package dev.keel.kv;

import java.time.Duration;
import java.util.Objects;

/**
 * The expiry a value written by {@link KeyValueStore#compareAndSet(byte[], byte[], byte[], Expiry)} gets: none, the
 * one the key already had, or a TTL from now. Immutable.
 *
 * <p>It exists so that a conditional write and its TTL are one atomic step: Redis's {@code SET key value NX EX 10} (a
 * lock with a lease) must not leave a key without its TTL, and {@code INCR} must keep a counter's TTL (the
 * fixed-window rate limiter idiom: {@code INCR} then {@code EXPIRE} on the first hit).
 */
public sealed interface Expiry {

    /** The value never expires (any TTL the key had is cleared). */
    static Expiry none() {
        return None.INSTANCE;
    }

    /** The value keeps the expiry the key has when the write happens (none if the key was absent). */
    static Expiry keep() {
        return Keep.INSTANCE;
    }

    /** The value expires {@code ttl} after the write, by the store's clock; {@code ttl} must be positive. */
    static Expiry after(Duration ttl) {
        return new After(ttl);
    }

    /** See {@link #none()}. */
    record None() implements Expiry {
        static final None INSTANCE = new None();
    }

    /** See {@link #keep()}. */
    record Keep() implements Expiry {
        static final Keep INSTANCE = new Keep();
    }

    /**
     * See {@link #after(Duration)}.
     *
     * @param ttl how long after the write the value expires; positive
     */
    record After(Duration ttl) implements Expiry {
        public After {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("ttl (" + ttl + ") must be positive");
            }
        }
    }
}
