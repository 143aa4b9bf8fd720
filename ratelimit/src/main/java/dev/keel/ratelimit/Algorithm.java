package dev.keel.ratelimit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The rate-limiting algorithms, each a class named for its strategy; {@link #cliName()} is how the CLI spells it. */
public enum Algorithm {
    /** {@link TokenBucket}: a bucket of {@code burst} tokens with greedy refill. */
    TOKEN_BUCKET("token-bucket"),
    /** {@link LeakyBucket}: the leaky bucket as a meter. */
    LEAKY_BUCKET("leaky-bucket"),
    /** {@link FixedWindow}: a counter per fixed window of {@code burst / rate}. */
    FIXED_WINDOW("fixed-window"),
    /** {@link SlidingWindowLog}: the exact sliding window, one timestamp per permit. */
    SLIDING_WINDOW_LOG("sliding-log"),
    /** {@link SlidingWindowCounter}: Cloudflare's two-counter approximation of a sliding window. */
    SLIDING_WINDOW_COUNTER("sliding-counter"),
    /** {@link Gcra}: the generic cell rate algorithm, one theoretical arrival time. */
    GCRA("gcra"),
    /** {@link WarmingUpBucket}: Guava's SmoothWarmingUp behaviour; needs a warm-up period. */
    WARMING_UP("warm-up");

    private final String cliName;

    Algorithm(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line: {@code gcra}, {@code token-bucket}, ... */
    public String cliName() {
        return cliName;
    }

    /**
     * The algorithm named {@code name} on the command line (or by its constant's name, in any case).
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static Algorithm fromCliName(String name) {
        for (Algorithm algorithm : values()) {
            if (algorithm.cliName.equals(name) || algorithm.name().equalsIgnoreCase(name)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown algorithm '" + name + "' (expected one of: "
                + Arrays.stream(values()).map(Algorithm::cliName).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
