package dev.keel.bank;

import java.time.Instant;
import java.util.Objects;

/**
 * One posted movement of an account, with the running balance after it. Holds appear when they are posted. Immutable.
 *
 * @param sequence the line's number in the account's statement, from 1
 * @param transferId the transfer that moved the money
 * @param timestamp when it was posted, nanoseconds since the epoch
 * @param amount the change to the account: positive for a credit, negative for a debit
 * @param balance the account's posted balance after it
 * @param reference the transfer's reference
 */
public record StatementLine(
        long sequence, String transferId, long timestamp, Money amount, Money balance, String reference) {

    public StatementLine {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(reference, "reference");
    }

    /** When it was posted. */
    public Instant postedAt() {
        return Instant.EPOCH.plusNanos(timestamp);
    }
}
