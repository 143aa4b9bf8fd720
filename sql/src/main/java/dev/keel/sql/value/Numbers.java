package dev.keel.sql.value;

import java.math.BigDecimal;
import java.math.MathContext;
import org.jspecify.annotations.Nullable;

/**
 * Conversions between text and numbers, with SQLite's rules.
 *
 * <p>How they are designed, and why: SQLite converts text to a number in two ways. Affinity (storing text in a
 * numeric column, or comparing it with one) converts only text that is entirely a well-formed number and leaves other
 * text alone; arithmetic and {@code CAST} read the longest numeric prefix and take 0 when there is none
 * ({@code '12abc' + 1} is 13). Reals are rendered as SQLite's {@code %!.15g}: 15 significant digits, always with a
 * decimal point ({@code 1.0}, {@code 4.67}, {@code 1.0e+20}), so that text results match the reference engine.
 */
public final class Numbers {

    private static final MathContext FIFTEEN_DIGITS = new MathContext(15);

    private Numbers() {}

    /** The number {@code text} spells exactly (surrounding spaces allowed), or null when it is not a number. */
    public static @Nullable Object parseExact(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        int end = numericPrefixEnd(s);
        if (end != s.length()) {
            return null;
        }
        return toNumber(s, false);
    }

    /** The number at the start of {@code text}, or 0 when it does not start with one (arithmetic and CAST). */
    public static Object parsePrefix(String text) {
        String s = text.stripLeading();
        int end = numericPrefixEnd(s);
        if (end == 0) {
            return 0L;
        }
        Object n = toNumber(s.substring(0, end), true);
        return n == null ? 0L : n;
    }

    /** The integer at the start of {@code text} (CAST to INTEGER: digits only, no fraction or exponent). */
    public static long parseIntegerPrefix(String text) {
        String s = text.stripLeading();
        int i = 0;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digitsStart = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == digitsStart) {
            return 0L;
        }
        try {
            return Long.parseLong(s.substring(0, i));
        } catch (NumberFormatException overflow) {
            return s.charAt(0) == '-' ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static int numericPrefixEnd(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            int j = i + 1;
            int fraction = 0;
            while (j < n && Character.isDigit(s.charAt(j))) {
                j++;
                fraction++;
            }
            if (digits + fraction > 0) {
                i = j;
                digits += fraction;
            }
        }
        if (digits == 0) {
            return 0;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '-' || s.charAt(j) == '+')) {
                j++;
            }
            int expStart = j;
            while (j < n && Character.isDigit(s.charAt(j))) {
                j++;
            }
            if (j > expStart) {
                i = j;
            }
        }
        return i;
    }

    private static @Nullable Object toNumber(String s, boolean lenient) {
        boolean integral = s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0;
        if (integral) {
            try {
                return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
            } catch (NumberFormatException tooLarge) {
                return Double.parseDouble(s);
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return lenient ? 0L : null;
        }
    }

    /** A real as SQLite renders it ({@code %!.15g}). */
    public static String realToText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Inf" : "-Inf";
        }
        if (d == 0) {
            return "0.0";
        }
        BigDecimal rounded = new BigDecimal(d).round(FIFTEEN_DIGITS).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 15) {
            BigDecimal mantissa = rounded.movePointLeft(exponent);
            String m = mantissa.toPlainString();
            if (m.indexOf('.') < 0) {
                m = m + ".0";
            }
            String sign = exponent < 0 ? "-" : "+";
            int abs = Math.abs(exponent);
            return m + "e" + sign + (abs < 10 ? "0" + abs : Integer.toString(abs));
        }
        String plain = rounded.toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    /** Any value as text, or null for NULL. */
    public static @Nullable String toText(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Double d -> realToText(d);
            case Blob b -> b.text();
            default -> value.toString();
        };
    }

    /** A value as a number for arithmetic: NULL stays null, text is read for its numeric prefix. */
    public static @Nullable Object toNumeric(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case Long l -> l;
            case Double d -> d;
            case String s -> parsePrefix(s);
            case Blob b -> parsePrefix(b.text());
            default ->
                throw new IllegalArgumentException(
                        "not a SQL value: " + value.getClass().getName());
        };
    }

    /** A numeric value as a double. */
    public static double toDouble(Object number) {
        return number instanceof Long l ? l.doubleValue() : (Double) number;
    }

    /**
     * The truth of a value in a condition: null for NULL, otherwise whether it is non-zero (text is read for its
     * numeric prefix, so {@code 'abc'} is false).
     */
    public static @Nullable Boolean truth(@Nullable Object value) {
        Object n = toNumeric(value);
        if (n == null) {
            return null;
        }
        return n instanceof Long l ? l != 0 : (Double) n != 0.0;
    }

    /** A double as a Long when it holds an integer exactly in range, otherwise the double. */
    public static Object normalizeReal(double d) {
        if (d == Math.rint(d) && d >= -9.223372036854775E18 && d <= 9.223372036854775E18 && !(d == 0 && 1 / d < 0)) {
            return (long) d;
        }
        return d;
    }
}
