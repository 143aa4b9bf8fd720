package dev.keel.bank;

import java.util.Currency;
import java.util.Objects;

/**
 * A request to open an account. Only nulls are refused here; everything else (the id's syntax, the owner, the
 * initial balance) is judged by the ledger and answered with an {@link AccountResult}, so that the answer is a value.
 * Creating the same account again with the same fields is {@link AccountResult#EXISTS}. Immutable.
 *
 * @param id caller-chosen, 1 to 64 characters of {@code [A-Za-z0-9_.:-]}, not starting with {@code bank:}
 * @param owner the owner's name, 1 to 256 characters
 * @param currency the account's only currency
 * @param flags its balance limits
 * @param initialBalance minor units credited at opening, as a transfer from the bank's funding account; not negative
 */
public record NewAccount(String id, String owner, Currency currency, AccountFlags flags, long initialBalance) {

    public NewAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(flags, "flags");
    }

    /** A customer account (no overdraft) opened with {@code initialBalance}. */
    public static NewAccount customer(String id, String owner, Money initialBalance) {
        return new NewAccount(id, owner, initialBalance.currency(), AccountFlags.CUSTOMER, initialBalance.minorUnits());
    }
}
