package dev.keel.bank;

import java.util.Currency;
import java.util.Objects;

/**
 * A change to the ledger's state, as recorded in the log and replayed on open. Events are facts, not requests: replay
 * applies them without judging them, so a ledger rebuilt from its events equals the one that produced them. Immutable.
 */
sealed interface Event {

    /** The ledger time of the change, nanoseconds since the epoch. */
    long timestamp();

    /** An account was opened (its initial balance follows as a {@link TransferCreated} from the funding account). */
    record AccountOpened(
            String id, String owner, Currency currency, AccountFlags flags, long initialBalance, long timestamp)
            implements Event {
        public AccountOpened {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(flags, "flags");
        }
    }

    /** A transfer was created: posted at once, or held ({@code transfer.status()} is PENDING). */
    record TransferCreated(Transfer transfer) implements Event {
        public TransferCreated {
            Objects.requireNonNull(transfer, "transfer");
        }

        @Override
        public long timestamp() {
            return transfer.timestamp();
        }
    }

    /** A hold was posted ({@code amount} of it), voided or expired ({@code amount} 0). */
    record PendingResolved(String id, TransferStatus status, long amount, long timestamp) implements Event {
        public PendingResolved {
            Objects.requireNonNull(id, "id");
            if (status == TransferStatus.PENDING) {
                throw new IllegalArgumentException("a hold (" + id + ") cannot be resolved to PENDING");
            }
        }
    }

    /** An account was closed. */
    record AccountClosed(String id, long timestamp) implements Event {
        public AccountClosed {
            Objects.requireNonNull(id, "id");
        }
    }
}
