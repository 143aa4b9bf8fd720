package dev.keel.sql.value;

import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * The total order of SQL values: NULL first, then numbers (integers and reals compared by value), then text (by
 * UTF-16 code unit, SQLite's BINARY collation for the text keel stores), then blobs (by byte). Sorting, DISTINCT, GROUP BY, MIN/MAX and every
 * index use this one order, so an index lookup finds exactly the rows a scan with {@code =} would.
 */
public final class ValueOrder implements Comparator<@Nullable Object> {

    /** The single instance. */
    public static final ValueOrder INSTANCE = new ValueOrder();

    private ValueOrder() {}

    @Override
    public int compare(@Nullable Object a, @Nullable Object b) {
        return compareValues(a, b);
    }

    /** {@code a} compared with {@code b} in the value order. */
    public static int compareValues(@Nullable Object a, @Nullable Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return switch (ra) {
            case 0 -> 0;
            case 1 -> compareNumbers(a, b);
            case 2 -> ((String) a).compareTo((String) b);
            default -> ((Blob) a).compareTo((Blob) b);
        };
    }

    private static int compareNumbers(@Nullable Object a, @Nullable Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Long x && b instanceof Double y) {
            return -compareDoubleLong(y, x);
        }
        if (a instanceof Double x && b instanceof Long y) {
            return compareDoubleLong(x, y);
        }
        return compareDoubles((Double) a, (Double) b);
    }

    /** By value: -0.0 equals 0.0 (as {@code =} says), and NaN sorts below every other number. */
    private static int compareDoubles(double x, double y) {
        if (x < y) {
            return -1;
        }
        if (x > y) {
            return 1;
        }
        if (x == y) {
            return 0;
        }
        return Boolean.compare(!Double.isNaN(x), !Double.isNaN(y));
    }

    private static int compareDoubleLong(double d, long l) {
        if (Double.isNaN(d)) {
            return -1;
        }
        if (d < -9.223372036854775807E18) {
            return -1;
        }
        if (d >= 9.223372036854775807E18) {
            return 1;
        }
        long truncated = (long) d;
        if (truncated != l) {
            return Long.compare(truncated, l);
        }
        double fraction = d - truncated;
        return fraction > 0 ? 1 : (fraction < 0 ? -1 : 0);
    }

    private static int rank(@Nullable Object v) {
        return switch (v) {
            case null -> 0;
            case Long l -> 1;
            case Double d -> 1;
            case String s -> 2;
            default -> 3;
        };
    }
}
