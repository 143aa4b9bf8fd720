package dev.keel.bank;

import java.util.Currency;

/**
 * One account inside the {@link Ledger}: its fixed fields, its four totals and its posting history (for statements and
 * balances as of a past time). Not thread-safe: confined to the sequencer's thread, like the ledger.
 *
 * <p>The history is a {@link PostingHistory} (chunked parallel arrays of time, running balance and transfer); the
 * balance as of a time is a binary search over the timestamps, which increase.
 */
final class AccountState {

    final String id;
    final String owner;
    final Currency currency;
    final AccountFlags flags;
    final long initialBalance;
    final long openedAt;
    boolean closed;

    long debitsPosted;
    long creditsPosted;
    long debitsPending;
    long creditsPending;

    private final PostingHistory history = new PostingHistory();

    AccountState(String id, String owner, Currency currency, AccountFlags flags, long initialBalance, long openedAt) {
        this.id = id;
        this.owner = owner;
        this.currency = currency;
        this.flags = flags;
        this.initialBalance = initialBalance;
        this.openedAt = openedAt;
    }

    Balance balance() {
        return new Balance(currency, debitsPosted, creditsPosted, debitsPending, creditsPending);
    }

    /** Records a posted change, after the totals were updated: the running balance is taken from them. */
    void recordPosting(long timestamp, String transferId) {
        restorePosting(timestamp, creditsPosted - debitsPosted, transferId);
    }

    /** Appends a posting as a snapshot recorded it. */
    void restorePosting(long timestamp, long balance, String transferId) {
        history.append(timestamp, balance, transferId);
    }

    /** Drops the newest posting (a chain member rolled back); it must be {@code transferId}'s. */
    void dropLastPosting(String transferId) {
        if (history.size() == 0 || !history.transfer(history.size() - 1).equals(transferId)) {
            throw new IllegalStateException("account " + id + ": the newest posting is not " + transferId);
        }
        history.dropLast();
    }

    /** The postings as they are now, readable from another thread ({@link PostingHistory#capture()}). */
    PostingHistory.Prefix capturePostings() {
        return history.capture();
    }

    int postings() {
        return history.size();
    }

    long postingTimestamp(int index) {
        return history.timestamp(index);
    }

    /** The posted balance after posting {@code index}. */
    long balanceAfter(int index) {
        return index < 0 ? 0 : history.balance(index);
    }

    /** The change posting {@code index} made: positive for a credit. */
    long postingAmount(int index) {
        return balanceAfter(index) - balanceAfter(index - 1);
    }

    String postingTransfer(int index) {
        return history.transfer(index);
    }

    /** The number of postings at or before {@code timestamp}. */
    int postingsUpTo(long timestamp) {
        int low = 0;
        int high = history.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (history.timestamp(middle) <= timestamp) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
