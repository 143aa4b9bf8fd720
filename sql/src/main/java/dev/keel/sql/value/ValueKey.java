package dev.keel.sql.value;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A tuple of values usable as a hash key, with equality consistent with {@link ValueOrder}: the integer 1 and the real
 * 1.0 are the same key, as they are equal under {@code =} (GROUP BY, DISTINCT, UNION, hash joins all rely on this).
 *
 * @param values the tuple; not copied, callers must not change it afterwards
 */
public record ValueKey(@Nullable Object[] values) {

    /** A key of one value. */
    public static ValueKey of(@Nullable Object value) {
        return new ValueKey(new Object[] {value});
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ValueKey other) || other.values.length != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (ValueOrder.compareValues(values[i], other.values[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Object v : values) {
            h = 31 * h + hash(v);
        }
        return h;
    }

    private static int hash(@Nullable Object v) {
        return switch (v) {
            case null -> 0;
            case Long l -> Long.hashCode(l);
            case Double d -> {
                double x = d;
                yield x == Math.rint(x) && Math.abs(x) < 9.2e18 ? Long.hashCode((long) x) : Double.hashCode(x);
            }
            default -> v.hashCode();
        };
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
