package dev.keel.bank;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount of one currency: a {@code long} count of the currency's minor units (cents for USD, yen for JPY).
 * Never a floating-point number: {@code Money.of("0.10", "USD").plus(Money.of("0.20", "USD"))} is exactly 0.30.
 *
 * <p>Arithmetic is overflow-checked ({@link ArithmeticException}) and refuses to mix currencies
 * ({@link IllegalArgumentException}). Amounts may be negative (a balance can be). Immutable.
 *
 * @param minorUnits the amount in minor units
 * @param currency the currency; one with minor-unit digits (ISO 4217 "N.A." currencies such as XAU are refused)
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}(\\.[0-9]{1,18})?");

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(
                    "currency " + currency.getCurrencyCode() + " has no minor unit (expected a currency such as USD)");
        }
    }

    /**
     * Parses a decimal amount: {@code Money.of("200.00", "USD")}. At most the currency's minor-unit digits after the
     * point ("200.001" USD is refused), no exponent, no grouping, an optional leading minus.
     *
     * @throws IllegalArgumentException naming the amount and what was expected
     */
    public static Money of(String decimal, String currencyCode) {
        return of(decimal, currency(currencyCode));
    }

    /** As {@link #of(String, String)}, with the currency given. */
    public static Money of(String decimal, Currency currency) {
        Objects.requireNonNull(decimal, "decimal");
        if (!DECIMAL.matcher(decimal).matches()) {
            throw new IllegalArgumentException("amount '" + abbreviate(decimal)
                    + "' is not a decimal number (expected digits with an optional '.' and fraction, such as 200.00)");
        }
        int digits = currency.getDefaultFractionDigits();
        BigDecimal value = new BigDecimal(decimal);
        if (value.scale() > digits) {
            throw new IllegalArgumentException("amount '" + decimal + "' has " + value.scale() + " decimal places ("
                    + currency.getCurrencyCode() + " allows " + digits + ")");
        }
        try {
            return new Money(value.movePointRight(digits).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "amount '" + decimal + "' is out of range (at most " + ofMinor(Long.MAX_VALUE, currency) + ")", e);
        }
    }

    /** An amount given in minor units: {@code Money.ofMinor(20000, "USD")} is USD 200.00. */
    public static Money ofMinor(long minorUnits, String currencyCode) {
        return new Money(minorUnits, currency(currencyCode));
    }

    /** An amount given in minor units. */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(minorUnits, currency);
    }

    /** Zero of {@code currency}. */
    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /** The ISO 4217 currency named by {@code code}. */
    public static Currency currency(String code) {
        Objects.requireNonNull(code, "currencyCode");
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                throw new IllegalArgumentException("currency " + code + " has no minor unit");
            }
            return currency;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "currency '" + abbreviate(code) + "' is not an ISO 4217 code (expected such as USD, EUR, JPY)", e);
        }
    }

    /** This plus {@code other}, exactly. */
    public Money plus(Money other) {
        return new Money(Math.addExact(minorUnits, sameCurrency(other).minorUnits), currency);
    }

    /** This minus {@code other}, exactly. */
    public Money minus(Money other) {
        return new Money(Math.subtractExact(minorUnits, sameCurrency(other).minorUnits), currency);
    }

    /** The negated amount. */
    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    /** The amount as a plain decimal with the currency's digits: {@code "800.00"}, {@code "-0.05"}, {@code "12"}. */
    public String toPlainString() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits())
                .toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(minorUnits, sameCurrency(other).minorUnits);
    }

    /** {@code "USD 800.00"}. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + toPlainString();
    }

    private Money sameCurrency(Money other) {
        if (!other.currency.equals(currency)) {
            throw new IllegalArgumentException(
                    "currency mismatch: " + this + " and " + other + " (expected the same currency)");
        }
        return other;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
