package dev.keel.sql.exec;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import dev.keel.sql.value.Numbers;
import dev.keel.sql.value.ValueOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The built-in scalar functions, with SQLite's behaviour for NULLs and mixed types. Lazy ones (COALESCE, IFNULL)
 * receive their arguments unevaluated through {@link FunctionCall}; the others get values.
 */
public enum ScalarFunction {
    ABS(1, 1),
    COALESCE(2, Integer.MAX_VALUE),
    IFNULL(2, 2),
    NULLIF(2, 2),
    LENGTH(1, 1),
    UPPER(1, 1),
    LOWER(1, 1),
    SUBSTR(2, 3),
    TRIM(1, 2),
    LTRIM(1, 2),
    RTRIM(1, 2),
    REPLACE(3, 3),
    INSTR(2, 2),
    ROUND(1, 2),
    TYPEOF(1, 1),
    MIN(2, Integer.MAX_VALUE),
    MAX(2, Integer.MAX_VALUE),
    IIF(3, 3);

    private final int minArgs;
    private final int maxArgs;

    ScalarFunction(int minArgs, int maxArgs) {
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    /** The function named {@code name} (SUBSTRING is SUBSTR), or null. */
    public static @Nullable ScalarFunction named(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.equals("SUBSTRING")) {
            return SUBSTR;
        }
        for (ScalarFunction f : values()) {
            if (f.name().equals(upper)) {
                return f;
            }
        }
        return null;
    }

    /** Fails unless {@code count} arguments suit this function. */
    public void checkArity(int count) {
        if (count < minArgs || count > maxArgs) {
            String expected = minArgs == maxArgs
                    ? String.valueOf(minArgs)
                    : maxArgs == Integer.MAX_VALUE ? "at least " + minArgs : minArgs + " to " + maxArgs;
            throw new SqlException(
                    SqlError.INVALID_STATEMENT,
                    "wrong number of arguments to function " + name().toLowerCase(Locale.ROOT) + "(): " + count
                            + " (expected: " + expected + ")");
        }
    }

    /** Whether the function evaluates its arguments itself, one at a time. */
    boolean isLazy() {
        return this == COALESCE || this == IFNULL || this == IIF;
    }

    /** The function of evaluated arguments. */
    @Nullable
    Object apply(List<@Nullable Object> args) {
        Object a = args.getFirst();
        return switch (this) {
            case ABS -> abs(a);
            case NULLIF -> a != null && args.get(1) != null && ValueOrder.compareValues(a, args.get(1)) == 0 ? null : a;
            case LENGTH ->
                a == null
                        ? null
                        : (long) Numbers.toText(a)
                                .codePointCount(0, Numbers.toText(a).length());
            case UPPER -> a == null ? null : Numbers.toText(a).toUpperCase(Locale.ROOT);
            case LOWER -> a == null ? null : Numbers.toText(a).toLowerCase(Locale.ROOT);
            case SUBSTR -> substr(args);
            case TRIM, LTRIM, RTRIM -> trim(args);
            case REPLACE -> replace(args);
            case INSTR ->
                a == null || args.get(1) == null
                        ? null
                        : (long) (Numbers.toText(a).indexOf(Numbers.toText(args.get(1))) + 1);
            case ROUND -> round(args);
            case TYPEOF ->
                switch (a) {
                    case null -> "null";
                    case Long l -> "integer";
                    case Double d -> "real";
                    default -> "text";
                };
            case MIN, MAX -> extreme(args);
            case COALESCE, IFNULL, IIF -> throw new IllegalStateException(name() + " is evaluated lazily");
        };
    }

    private static @Nullable Object abs(@Nullable Object a) {
        Object n = Numbers.toNumeric(a);
        return switch (n) {
            case null -> null;
            case Long l -> {
                if (l == Long.MIN_VALUE) {
                    throw new SqlException(SqlError.NUMERIC_OVERFLOW, "integer overflow in abs(" + l + ")");
                }
                yield Math.abs(l);
            }
            case Double d -> Math.abs(d);
            default -> throw new IllegalStateException("not numeric: " + n);
        };
    }

    private static @Nullable Object substr(List<@Nullable Object> args) {
        if (args.contains(null)) {
            return null;
        }
        String s = Numbers.toText(args.get(0));
        long start = (Long) dev.keel.sql.value.Affinity.INTEGER.cast(args.get(1));
        int length = s.length();
        long len = args.size() == 3 ? (Long) dev.keel.sql.value.Affinity.INTEGER.cast(args.get(2)) : length + 1L;
        long from;
        if (start > 0) {
            from = start - 1;
        } else if (start < 0) {
            from = length + start;
        } else {
            from = -1;
            len--;
        }
        long to = from + len;
        if (len < 0) {
            to = from;
            from = from + len;
        }
        from = Math.max(0, Math.min(from, length));
        to = Math.max(0, Math.min(to, length));
        return from >= to ? "" : s.substring((int) from, (int) to);
    }

    private @Nullable Object trim(List<@Nullable Object> args) {
        if (args.contains(null)) {
            return null;
        }
        String s = Numbers.toText(args.get(0));
        String chars = args.size() == 2 ? Numbers.toText(args.get(1)) : " ";
        int from = 0;
        int to = s.length();
        if (this != RTRIM) {
            while (from < to && chars.indexOf(s.charAt(from)) >= 0) {
                from++;
            }
        }
        if (this != LTRIM) {
            while (to > from && chars.indexOf(s.charAt(to - 1)) >= 0) {
                to--;
            }
        }
        return s.substring(from, to);
    }

    private static @Nullable Object replace(List<@Nullable Object> args) {
        if (args.contains(null)) {
            return null;
        }
        String s = Numbers.toText(args.get(0));
        String find = Numbers.toText(args.get(1));
        return find.isEmpty() ? s : s.replace(find, Numbers.toText(args.get(2)));
    }

    private static @Nullable Object round(List<@Nullable Object> args) {
        if (args.contains(null)) {
            return null;
        }
        double x = Numbers.toDouble(Numbers.toNumeric(args.get(0)));
        long digits = args.size() == 2 ? (Long) dev.keel.sql.value.Affinity.INTEGER.cast(args.get(1)) : 0;
        digits = Math.max(0, Math.min(digits, 30));
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return new BigDecimal(Double.toString(x))
                .setScale((int) digits, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private @Nullable Object extreme(List<@Nullable Object> args) {
        Object best = null;
        for (Object v : args) {
            if (v == null) {
                return null;
            }
            if (best == null
                    || (this == MIN ? ValueOrder.compareValues(v, best) < 0 : ValueOrder.compareValues(v, best) > 0)) {
                best = v;
            }
        }
        return best;
    }
}
