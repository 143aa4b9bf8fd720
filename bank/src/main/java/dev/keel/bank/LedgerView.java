package dev.keel.bank;

import java.util.Currency;
import java.util.List;

/**
 * The ledger as it stood between two batches, captured in O(accounts) on the sequencer's thread so that a snapshot can
 * be encoded from it on another thread while the sequencer keeps applying requests ({@link LedgerSnapshot#stage}).
 *
 * <p>How it is designed, and why: copying the ledger would cost as much as encoding it (millions of transfers), and
 * persistent data structures throughout would tax every request. Instead the capture copies only what is mutable in
 * place (each account's totals and flags: a few words an account) and keeps O(1) prefixes of what only grows at its
 * end: each account's {@link PostingHistory}, the books' transfers in the order they were created and the resolutions
 * of holds in the order they happened ({@link AppendOnlyList}). A transfer's record in the map is replaced only when
 * its hold is resolved, and that resolution is appended to the list, so "the transfers as created, then the
 * resolutions up to the capture" is exactly the map at the capture. The capture happens between batches, when no
 * linked chain is open, so a rollback later only removes elements added after it: nothing below a prefix's size is
 * written again.
 *
 * <p>Immutable; safe to read from any thread once published (handing it to an executor publishes it: everything the
 * sequencer wrote before the capture happens-before the encoding).
 *
 * @param coveredLsn the log's end at the capture: replay after loading starts there
 * @param head the hash chain's head at {@code coveredLsn}
 * @param lastTimestamp the ledger's last timestamp
 * @param accounts every account, in the ledger's iteration order
 * @param created every transfer as it was created (or restored from a snapshot), in that order
 * @param resolutions every hold resolved since its transfer was created or restored, in order
 */
record LedgerView(
        long coveredLsn,
        byte[] head,
        long lastTimestamp,
        List<AccountImage> accounts,
        AppendOnlyList.Prefix<Transfer> created,
        AppendOnlyList.Prefix<Event.PendingResolved> resolutions) {

    LedgerView {
        head = head.clone();
        accounts = List.copyOf(accounts);
    }

    @Override
    public byte[] head() {
        return head.clone();
    }

    /** One account's fields at the capture, and a prefix of its postings. Immutable. */
    record AccountImage(
            String id,
            String owner,
            Currency currency,
            AccountFlags flags,
            long initialBalance,
            long openedAt,
            boolean closed,
            long debitsPosted,
            long creditsPosted,
            long debitsPending,
            long creditsPending,
            PostingHistory.Prefix postings) {

        static AccountImage of(AccountState account) {
            return new AccountImage(
                    account.id,
                    account.owner,
                    account.currency,
                    account.flags,
                    account.initialBalance,
                    account.openedAt,
                    account.closed,
                    account.debitsPosted,
                    account.creditsPosted,
                    account.debitsPending,
                    account.creditsPending,
                    account.capturePostings());
        }
    }
}
