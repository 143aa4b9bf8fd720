package dev.keel.bank;

import java.util.Arrays;
import java.util.Currency;

/**
 * One account inside the {@link Ledger}: its fixed fields, its four totals and its posting history (for statements and
 * balances as of a past time). Not thread-safe: confined to the sequencer's thread, like the ledger.
 *
 * <p>The history is three parallel growable arrays (time, running balance, transfer) rather than a list of objects: a million postings cost about 24 MB
 * instead of about 56, and the balance as of a time is a binary search over the timestamps, which increase.
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

    private long[] postedAt = new long[4];
    private long[] balances = new long[4];
    private String[] transferIds = new String[4];
    private int postings;

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
        if (postings == postedAt.length) {
            int capacity = postings * 2;
            postedAt = Arrays.copyOf(postedAt, capacity);
            balances = Arrays.copyOf(balances, capacity);
            transferIds = Arrays.copyOf(transferIds, capacity);
        }
        postedAt[postings] = timestamp;
        balances[postings] = balance;
        transferIds[postings] = transferId;
        postings++;
    }

    /** Drops the newest posting (a chain member rolled back); it must be {@code transferId}'s. */
    void dropLastPosting(String transferId) {
        if (postings == 0 || !transferIds[postings - 1].equals(transferId)) {
            throw new IllegalStateException("account " + id + ": the newest posting is not " + transferId);
        }
        postings--;
        transferIds[postings] = null;
    }

    int postings() {
        return postings;
    }

    long postingTimestamp(int index) {
        return postedAt[index];
    }

    /** The posted balance after posting {@code index}. */
    long balanceAfter(int index) {
        return index < 0 ? 0 : balances[index];
    }

    /** The change posting {@code index} made: positive for a credit. */
    long postingAmount(int index) {
        return balanceAfter(index) - balanceAfter(index - 1);
    }

    String postingTransfer(int index) {
        return transferIds[index];
    }

    /** The number of postings at or before {@code timestamp}. */
    int postingsUpTo(long timestamp) {
        int low = 0;
        int high = postings;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (postedAt[middle] <= timestamp) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
