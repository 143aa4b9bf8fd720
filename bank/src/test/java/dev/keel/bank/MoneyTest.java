package dev.keel.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import org.junit.jupiter.api.Test;

final class MoneyTest {

    @Test
    void of_decimalWithCurrencyDigits_isExactMinorUnits() {
        assertThat(Money.of("200.00", "USD")).isEqualTo(Money.ofMinor(20_000, "USD"));
        assertThat(Money.of("200", "USD").minorUnits()).isEqualTo(20_000);
        assertThat(Money.of("0.1", "USD").minorUnits()).isEqualTo(10);
        assertThat(Money.of("-5.05", "EUR").minorUnits()).isEqualTo(-505);
        assertThat(Money.of("1500", "JPY").minorUnits()).isEqualTo(1500);
        assertThat(Money.of("1.234", "BHD").minorUnits()).isEqualTo(1234);
    }

    @Test
    void of_tooManyDecimalPlaces_isRefusedNamingTheDigits() {
        assertThatThrownBy(() -> Money.of("200.001", "USD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount '200.001' has 3 decimal places (USD allows 2)");
        assertThatThrownBy(() -> Money.of("1.5", "JPY")).hasMessageContaining("JPY allows 0");
    }

    @Test
    void of_notADecimal_isRefused() {
        for (String bad : new String[] {"", "1e3", "1,000.00", "+1", ".5", "1.", "NaN", " 1", "0x10", "１"}) {
            assertThatThrownBy(() -> Money.of(bad, "USD"), bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a decimal number");
        }
    }

    @Test
    void of_beyondALong_isRefused() {
        assertThat(Money.of("92233720368547758.07", "USD").minorUnits()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> Money.of("92233720368547758.08", "USD")).hasMessageContaining("out of range");
    }

    @Test
    void of_unknownOrUnitlessCurrency_isRefused() {
        assertThatThrownBy(() -> Money.of("1", "XYZ")).hasMessageContaining("'XYZ' is not an ISO 4217 code");
        assertThatThrownBy(() -> Money.ofMinor(1, Currency.getInstance("XAU"))).hasMessageContaining("no minor unit");
    }

    @Test
    void arithmetic_isExactAndOverflowChecked() {
        Money dime = Money.of("0.10", "USD");
        assertThat(dime.plus(Money.of("0.20", "USD"))).isEqualTo(Money.of("0.30", "USD"));
        assertThat(dime.minus(Money.of("0.30", "USD")).toPlainString()).isEqualTo("-0.20");
        assertThatThrownBy(() -> Money.ofMinor(Long.MAX_VALUE, "USD").plus(Money.ofMinor(1, "USD")))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> dime.plus(Money.of("0.10", "EUR")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency mismatch: USD 0.10 and EUR 0.10");
    }

    @Test
    void toString_isCurrencyThenPlainAmount() {
        assertThat(Money.of("800", "USD")).hasToString("USD 800.00");
        assertThat(Money.of("-0.05", "USD").toPlainString()).isEqualTo("-0.05");
        assertThat(Money.of("12", "JPY").toPlainString()).isEqualTo("12");
    }
}
