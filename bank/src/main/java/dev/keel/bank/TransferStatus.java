package dev.keel.bank;

/** Where a transfer stands. A single-phase transfer is {@link #POSTED} from the start. */
public enum TransferStatus {
    /** A hold: the amount is reserved, not yet moved. */
    PENDING,
    /** Moved: a single-phase transfer, or a hold that was posted (in full or in part). */
    POSTED,
    /** A hold that was released by {@code void}. */
    VOIDED,
    /** A hold that was released because its timeout passed. */
    EXPIRED
}
