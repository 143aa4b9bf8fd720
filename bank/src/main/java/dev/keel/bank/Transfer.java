package dev.keel.bank;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A transfer as the ledger recorded it. Immutable: resolving a hold makes a new {@code Transfer}.
 *
 * @param id the caller's id (or {@code open#<account>} for an opening balance, {@code auto#<n>} for one the bank named)
 * @param from the account debited
 * @param to the account credited
 * @param amount the amount requested (for a hold, the amount reserved)
 * @param reference the caller's text
 * @param pending whether it was created as a hold
 * @param timeout the hold's timeout, or null
 * @param timestamp when the ledger created it: nanoseconds since the epoch, unique and increasing across the ledger
 * @param status where it stands
 * @param postedAmount minor units moved: the amount for a single-phase transfer, what was posted for a hold, else 0
 * @param resolvedAt when a hold was posted, voided or expired (nanoseconds since the epoch), else 0
 */
public record Transfer(
        String id,
        String from,
        String to,
        Money amount,
        String reference,
        boolean pending,
        @Nullable Duration timeout,
        long timestamp,
        TransferStatus status,
        long postedAmount,
        long resolvedAt) {

    public Transfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(status, "status");
        if (!pending && status != TransferStatus.POSTED) {
            throw new IllegalArgumentException("a single-phase transfer (" + id + ") must be POSTED, not " + status);
        }
    }

    /** When the ledger created it. */
    public Instant createdAt() {
        return Instant.EPOCH.plusNanos(timestamp);
    }

    /** The amount moved, as money. */
    public Money posted() {
        return new Money(postedAmount, amount.currency());
    }

    /** When a hold expires (nanoseconds since the epoch), or {@link Long#MAX_VALUE} if it never does. */
    long expiresAt() {
        return timeout == null ? Long.MAX_VALUE : timestamp + timeout.toNanos();
    }

    /** This hold, resolved. */
    Transfer resolve(TransferStatus outcome, long amountPosted, long at) {
        return new Transfer(id, from, to, amount, reference, pending, timeout, timestamp, outcome, amountPosted, at);
    }
}
