package dev.keel.bank;

/**
 * The outcome of a transfer request, post, void or chain, as a stable code (its {@link #name()} is what the HTTP API
 * returns). Two are successes: {@link #OK} and {@link #EXISTS}; every other code means nothing changed.
 *
 * <p>The checks run in the order the constants are listed below {@code EXISTS} (first idempotency, then the request's
 * own fields, then the accounts, then the limits), and the first that fails is the answer.
 */
public enum TransferResult {
    /** Done. */
    OK,
    /** A transfer with this id and the same fields exists already: the original is returned, nothing changes. */
    EXISTS,
    /** The id has the wrong syntax (1 to 64 characters of {@code [A-Za-z0-9_.:-]}). */
    ID_INVALID,
    /** The id exists with a different debit account. */
    EXISTS_WITH_DIFFERENT_FROM,
    /** The id exists with a different credit account. */
    EXISTS_WITH_DIFFERENT_TO,
    /** The id exists with a different amount. */
    EXISTS_WITH_DIFFERENT_AMOUNT,
    /** The id exists with a different currency. */
    EXISTS_WITH_DIFFERENT_CURRENCY,
    /** The id exists with a different reference. */
    EXISTS_WITH_DIFFERENT_REFERENCE,
    /** The id exists, and one of the two is a hold and the other is not. */
    EXISTS_WITH_DIFFERENT_PENDING,
    /** The id exists with a different timeout. */
    EXISTS_WITH_DIFFERENT_TIMEOUT,
    /** The reference is longer than 256 characters. */
    REFERENCE_TOO_LONG,
    /** Debit and credit account are the same. */
    ACCOUNTS_MUST_DIFFER,
    /** The amount is zero or negative. */
    AMOUNT_MUST_BE_POSITIVE,
    /** A timeout on a single-phase transfer, or one that is not positive or longer than 100 years. */
    TIMEOUT_INVALID,
    /** The debit account does not exist. */
    DEBIT_ACCOUNT_NOT_FOUND,
    /** The credit account does not exist. */
    CREDIT_ACCOUNT_NOT_FOUND,
    /** The amount's currency differs from an account's. */
    CURRENCY_MISMATCH,
    /** The debit account is closed. */
    DEBIT_ACCOUNT_CLOSED,
    /** The credit account is closed. */
    CREDIT_ACCOUNT_CLOSED,
    /** A balance would overflow a {@code long} of minor units. */
    OVERFLOW,
    /** The debit account's debits would exceed its credits (plus its overdraft limit). */
    INSUFFICIENT_FUNDS,
    /** The credit account's credits would exceed its debits. */
    EXCEEDS_DEBITS,
    /** Post or void: no transfer has this id. */
    PENDING_NOT_FOUND,
    /** Post or void: the transfer with this id is not a hold. */
    NOT_PENDING,
    /** Post or void: the hold was posted already. */
    PENDING_ALREADY_POSTED,
    /** Post or void: the hold was voided already. */
    PENDING_ALREADY_VOIDED,
    /** Post or void: the hold expired. */
    PENDING_EXPIRED,
    /** Post: the amount exceeds what the hold reserved. */
    EXCEEDS_PENDING_AMOUNT,
    /** A chain: this member was fine but another failed, so none of the chain was applied. */
    LINKED_EVENT_FAILED,
    /** A chain with no members. */
    CHAIN_EMPTY;

    /** Whether the request succeeded: {@link #OK} or {@link #EXISTS}. */
    public boolean isSuccess() {
        return this == OK || this == EXISTS;
    }
}
