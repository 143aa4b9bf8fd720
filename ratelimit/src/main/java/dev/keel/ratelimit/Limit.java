package dev.keel.ratelimit;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate limit: {@code permits} per {@code period}, with a {@code burst} (how many permits may be taken at once after
 * an idle spell). {@code Limit.of(10, Duration.ofSeconds(1))} is ten per second with a burst of ten;
 * {@code .withBurst(5)} keeps the rate and lowers the burst to five.
 *
 * <p>The rate is kept in integers, never a double: one permit every {@code ceil(period / permits)} nanoseconds, exact
 * whenever that is a whole number of nanoseconds and otherwise rounded towards admitting less. Each algorithm
 * says how it reads the burst: the buckets and GCRA hold at most {@code burst} permits, the window algorithms use
 * windows of {@code burst / rate} holding {@code burst} permits each (so {@code 10/s} with burst 5 is 5 per 500 ms).
 *
 * <p>Range: any rate from one per several years to 10^9 per second, as long as
 * {@code burst x period} in nanoseconds (plus {@code permits}) fits in a {@code long}, which keeps every computation
 * of every algorithm exact; {@code 1/d} allows bursts up to 10^5, {@code 10^9/s} bursts up to 9 x 10^9.
 *
 * <p>Immutable and thread-safe.
 *
 * @param permits how many permits the period grants; positive
 * @param period the period; positive, at most {@code Long.MAX_VALUE} nanoseconds
 * @param burst the most permits available at once; positive
 */
public record Limit(long permits, Duration period, long burst) {

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d*)\\s*(ns|us|ms|s|sec|m|min|h|d)\\s*");

    /** Validates; every message names the value and what was expected. */
    public Limit {
        if (permits <= 0) {
            throw new IllegalArgumentException("permits (" + permits + ") must be positive");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period (" + period + ") must be positive");
        }
        long nanos;
        try {
            nanos = period.toNanos();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "period (" + period + ") must be at most " + Long.MAX_VALUE + " ns (about 292 years)", e);
        }
        if (burst <= 0) {
            throw new IllegalArgumentException("burst (" + burst + ") must be positive");
        }
        if (Math.multiplyHigh(burst, nanos) != 0 || burst * nanos < 0 || burst * nanos > Long.MAX_VALUE - permits) {
            throw new IllegalArgumentException("burst (" + burst + ") x period (" + nanos
                    + " ns) must fit in a long (expected: burst <= " + ((Long.MAX_VALUE - permits) / nanos)
                    + " for this period); use a shorter period or a smaller burst");
        }
    }

    /** {@code permits} per {@code period}, with a burst of {@code permits}. */
    public static Limit of(long permits, Duration period) {
        return new Limit(permits, period, permits);
    }

    /** {@code permits} per second, with a burst of {@code permits}. */
    public static Limit perSecond(long permits) {
        return of(permits, Duration.ofSeconds(1));
    }

    /** The same rate with another burst. */
    public Limit withBurst(long burst) {
        return new Limit(permits, period, burst);
    }

    /** The period in nanoseconds. */
    public long periodNanos() {
        return period.toNanos();
    }

    /**
     * Parses {@code PERMITS/[N]UNIT}: {@code 10/s}, {@code 100/min}, {@code 1000/h}, {@code 1/d}, {@code 5/250ms}
     * (units ns, us, ms, s, m or min, h, d). The burst is {@code PERMITS}.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static Limit parse(String text) {
        Matcher matcher = TEXT.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "limit '" + text + "' is not PERMITS/[N]UNIT (expected e.g. 10/s, 100/min, 5/250ms; units ns,"
                            + " us, ms, s, m, h, d)");
        }
        try {
            long permits = Long.parseLong(matcher.group(1));
            long count = matcher.group(2).isEmpty() ? 1 : Long.parseLong(matcher.group(2));
            Duration unit = switch (matcher.group(3)) {
                case "ns" -> Duration.ofNanos(1);
                case "us" -> Duration.ofNanos(1_000);
                case "ms" -> Duration.ofMillis(1);
                case "s", "sec" -> Duration.ofSeconds(1);
                case "m", "min" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            return of(permits, unit.multipliedBy(count));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("limit '" + text + "' is out of range", e);
        }
    }

    @Override
    public String toString() {
        return permits + "/" + period + " (burst " + burst + ")";
    }
}
