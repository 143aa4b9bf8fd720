package dev.keel.bank;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request to move money: debit {@code from}, credit {@code to}. Only nulls are refused here; the ledger judges the
 * rest and answers with a {@link TransferResult}. Immutable.
 *
 * <p>The id makes the request idempotent: submitting it again with the same fields returns the original transfer with
 * {@link TransferResult#EXISTS}, with any field different it is refused ({@code EXISTS_WITH_DIFFERENT_<FIELD>}), and
 * either way nothing changes.
 *
 * @param id caller-chosen, 1 to 64 characters of {@code [A-Za-z0-9_.:-]}
 * @param from the account debited
 * @param to the account credited
 * @param amount positive, in the accounts' currency
 * @param reference free text up to 256 characters (may be empty)
 * @param pending a two-phase transfer: reserve the amount now, post or void it later
 * @param timeout for a pending transfer, how long the hold lasts before it expires; null for no expiry
 */
public record NewTransfer(
        String id,
        String from,
        String to,
        Money amount,
        String reference,
        boolean pending,
        @Nullable Duration timeout) {

    public NewTransfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reference, "reference");
    }

    /** A single-phase transfer, posted at once. */
    public static NewTransfer of(String id, String from, String to, Money amount, String reference) {
        return new NewTransfer(id, from, to, amount, reference, false, null);
    }

    /** A pending transfer (a hold) that expires after {@code timeout}, or never if it is null. */
    public static NewTransfer pending(
            String id, String from, String to, Money amount, String reference, @Nullable Duration timeout) {
        return new NewTransfer(id, from, to, amount, reference, true, timeout);
    }
}
