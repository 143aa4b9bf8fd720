package dev.keel.bank;

/**
 * An account's balance limits, checked against every transfer that would debit or credit it (TigerBeetle's account
 * flags). Immutable.
 *
 * @param debitsMustNotExceedCredits debits (posted and pending) may not exceed posted credits plus the overdraft
 *     limit: a customer's account that cannot go into the red. The default for customers ({@link #CUSTOMER}).
 * @param creditsMustNotExceedDebits credits (posted and pending) may not exceed posted debits: an account that
 *     may only be paid back what it lent, such as a loan
 * @param overdraftLimit minor units by which debits may exceed credits; only with {@code debitsMustNotExceedCredits}
 */
public record AccountFlags(
        boolean debitsMustNotExceedCredits, boolean creditsMustNotExceedDebits, long overdraftLimit) {

    /** No overdraft: the default for customer accounts. */
    public static final AccountFlags CUSTOMER = new AccountFlags(true, false, 0);

    /** No limit at all: the bank's own funding accounts, or clearing accounts. */
    public static final AccountFlags NONE = new AccountFlags(false, false, 0);

    public AccountFlags {
        if (debitsMustNotExceedCredits && creditsMustNotExceedDebits) {
            throw new IllegalArgumentException("debitsMustNotExceedCredits and creditsMustNotExceedDebits are mutually"
                    + " exclusive (expected at most one of them)");
        }
        if (overdraftLimit < 0) {
            throw new IllegalArgumentException("overdraftLimit (" + overdraftLimit + ") must not be negative");
        }
        if (overdraftLimit > 0 && !debitsMustNotExceedCredits) {
            throw new IllegalArgumentException(
                    "overdraftLimit (" + overdraftLimit + ") needs debitsMustNotExceedCredits (expected 0 without it)");
        }
    }

    /** A customer account that may go {@code limit} minor units into the red. */
    public static AccountFlags overdraft(long limit) {
        return new AccountFlags(true, false, limit);
    }

    /** An account whose credits may not exceed its debits. */
    public static AccountFlags creditsLimited() {
        return new AccountFlags(false, true, 0);
    }

    /** The flags as bits, for the log: bit 0 debitsMustNotExceedCredits, bit 1 creditsMustNotExceedDebits. */
    int bits() {
        return (debitsMustNotExceedCredits ? 1 : 0) | (creditsMustNotExceedDebits ? 2 : 0);
    }

    static AccountFlags fromBits(int bits, long overdraftLimit) {
        if ((bits & ~3) != 0) {
            throw new IllegalArgumentException("account flag bits (" + bits + ") must be within 0..3");
        }
        return new AccountFlags((bits & 1) != 0, (bits & 2) != 0, overdraftLimit);
    }
}
