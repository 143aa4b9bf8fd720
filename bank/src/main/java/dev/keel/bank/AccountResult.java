package dev.keel.bank;

/**
 * The outcome of opening or closing an account, as a stable code. {@link #OK} and {@link #EXISTS} are successes;
 * every other code means nothing changed.
 */
public enum AccountResult {
    /** Done. */
    OK,
    /** An account with this id and the same fields exists already (only from opening). */
    EXISTS,
    /** The id has the wrong syntax (1 to 64 characters of {@code [A-Za-z0-9_.:-]}). */
    ID_INVALID,
    /** The id starts with {@code bank:}, which is reserved for the bank's own accounts. */
    ID_RESERVED,
    /** The id exists with a different currency. */
    EXISTS_WITH_DIFFERENT_CURRENCY,
    /** The id exists with a different owner. */
    EXISTS_WITH_DIFFERENT_OWNER,
    /** The id exists with different flags. */
    EXISTS_WITH_DIFFERENT_FLAGS,
    /** The id exists with a different initial balance. */
    EXISTS_WITH_DIFFERENT_INITIAL_BALANCE,
    /** The owner is empty or longer than 256 characters. */
    OWNER_INVALID,
    /** The initial balance is negative. */
    INITIAL_BALANCE_NEGATIVE,
    /** An initial balance on an account whose credits must not exceed its debits: it would break that limit. */
    INITIAL_BALANCE_NOT_ALLOWED,
    /** The initial balance would overflow the funding account. */
    OVERFLOW,
    /** Close: no account has this id. */
    ACCOUNT_NOT_FOUND,
    /** Close: the account is closed already. */
    ACCOUNT_ALREADY_CLOSED;

    /** Whether the request succeeded: {@link #OK} or {@link #EXISTS}. */
    public boolean isSuccess() {
        return this == OK || this == EXISTS;
    }
}
