package dev.keel.bank;

import java.util.Currency;
import java.util.Objects;

/**
 * An account's four running totals, as TigerBeetle keeps them, and the balances derived from them. Immutable.
 *
 * @param currency the account's currency
 * @param debitsPosted minor units debited by posted transfers
 * @param creditsPosted minor units credited by posted transfers
 * @param debitsPending minor units reserved by holds that debit the account
 * @param creditsPending minor units reserved by holds that credit the account
 */
public record Balance(
        Currency currency, long debitsPosted, long creditsPosted, long debitsPending, long creditsPending) {

    public Balance {
        Objects.requireNonNull(currency, "currency");
        if (debitsPosted < 0 || creditsPosted < 0 || debitsPending < 0 || creditsPending < 0) {
            throw new IllegalArgumentException("totals must not be negative: " + debitsPosted + ", " + creditsPosted
                    + ", " + debitsPending + ", " + creditsPending);
        }
    }

    /** Posted credits minus posted debits: what the account holds. */
    public Money posted() {
        return new Money(creditsPosted - debitsPosted, currency);
    }

    /** Pending credits minus pending debits: what holds will change it by if all are posted in full. */
    public Money pending() {
        return new Money(creditsPending - debitsPending, currency);
    }

    /**
     * Posted credits minus posted and pending debits: what can be spent. Incoming holds do not count until posted,
     * as in TigerBeetle.
     *
     * @throws ArithmeticException if it does not fit a {@code long} (only for an account without limits)
     */
    public Money available() {
        return new Money(Math.subtractExact(creditsPosted - debitsPosted, debitsPending), currency);
    }
}
