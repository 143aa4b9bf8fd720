package dev.keel.scheduler.manifest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities ({@code resource.Quantity}): a decimal number with a binary suffix (Ki, Mi, Gi, Ti,
 * Pi, Ei), a decimal suffix (n, u, m, k, M, G, T, P, E) or an exponent ({@code 1e3}). Converted exactly with
 * {@link BigDecimal} and rounded up, as {@code Quantity.Value()} and {@code MilliValue()} do.
 */
public final class Quantity {

    private static final Pattern FORM =
            Pattern.compile("^([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))([a-zA-Z]*|[eE][+-]?[0-9]+)$");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("n", new BigDecimal("1e-9")),
            Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")),
            Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")),
            Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")),
            Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
            Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
            Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
            Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

    private Quantity() {}

    /** The quantity as an exact decimal. */
    public static BigDecimal parse(String text) {
        Matcher matcher = FORM.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a quantity (expected e.g. 500m, 2, 1.5Gi, 1e3)");
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        String suffix = matcher.group(2);
        BigDecimal multiplier;
        if (!suffix.isEmpty() && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E') && suffix.length() > 1) {
            multiplier = BigDecimal.ONE.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
        } else {
            multiplier = SUFFIXES.get(suffix);
            if (multiplier == null) {
                throw new IllegalArgumentException("'" + text + "' has unknown suffix '" + suffix
                        + "' (expected: m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei)");
            }
        }
        BigDecimal value = number.multiply(multiplier);
        if (value.signum() < 0) {
            throw new IllegalArgumentException("'" + text + "' must not be negative");
        }
        return value;
    }

    /** Whole units, rounded up ({@code Quantity.Value()}): bytes for memory. */
    public static long value(String text) {
        return exact(parse(text).setScale(0, RoundingMode.CEILING), text);
    }

    /** Thousandths, rounded up ({@code Quantity.MilliValue()}): millicores for cpu. */
    public static long milliValue(String text) {
        return exact(parse(text).movePointRight(3).setScale(0, RoundingMode.CEILING), text);
    }

    private static long exact(BigDecimal value, String text) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too large", e);
        }
    }
}
