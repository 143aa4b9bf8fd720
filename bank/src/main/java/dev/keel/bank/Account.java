package dev.keel.bank;

import java.util.Currency;
import java.util.Objects;

/**
 * A handle on one account: its fixed fields, and its balances read live from the ledger on every call (so
 * {@code alice.getBalance()} after a transfer shows the transfer). Two handles on the same account are equal.
 *
 * <p>Thread-safe: the fields are immutable and every read goes through the system's sequencer.
 */
public final class Account {

    private final BankingSystem bank;
    private final String id;
    private final String owner;
    private final Currency currency;
    private final AccountFlags flags;

    Account(BankingSystem bank, String id, String owner, Currency currency, AccountFlags flags) {
        this.bank = bank;
        this.id = id;
        this.owner = owner;
        this.currency = currency;
        this.flags = flags;
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public Currency currency() {
        return currency;
    }

    public AccountFlags flags() {
        return flags;
    }

    /** The posted balance (credits minus debits), read now: {@code USD 800.00}. */
    public Money getBalance() {
        return balance().posted();
    }

    /** The four totals, read now. */
    public Balance balance() {
        return bank.balance(id).orElseThrow(() -> new IllegalStateException("account " + id + " vanished"));
    }

    /** Whether the account is closed, read now. */
    public boolean isClosed() {
        return bank.isClosed(id);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Account that && that.bank == bank && that.id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(bank), id);
    }

    @Override
    public String toString() {
        return "Account[" + id + ", " + owner + ", " + currency.getCurrencyCode() + "]";
    }
}
