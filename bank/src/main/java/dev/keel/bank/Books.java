package dev.keel.bank;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * The state of the books: accounts, transfers, the holds waiting to expire, the last timestamp; and how each
 * {@link Event} changes them. No rules live here: {@link Ledger} decides whether a request may happen, this class only
 * records what did (and undoes the newest transfers when a chain rolls back). Replay uses it directly.
 *
 * <p>Not thread-safe: confined to the sequencer's thread with its ledger.
 */
final class Books {

    /** A hold's place in the expiry queue; stale once its transfer is resolved or rolled back. */
    private record Hold(long expiresAt, long createdAt, String id) implements Comparable<Hold> {
        @Override
        public int compareTo(Hold other) {
            return Long.compare(expiresAt, other.expiresAt);
        }
    }

    final Map<String, AccountState> accounts = new HashMap<>();
    final Map<String, Transfer> transfers = new HashMap<>();
    /** The transfers as created (or restored), in that order: what a snapshot encodes, off this thread. */
    private final AppendOnlyList<Transfer> created = new AppendOnlyList<>();
    /** The holds resolved since, in order: with {@link #created}, they rebuild {@link #transfers}. */
    private final AppendOnlyList<Event.PendingResolved> resolutions = new AppendOnlyList<>();

    private final PriorityQueue<Hold> holds = new PriorityQueue<>();
    private long lastTimestamp;
    private long autoIds;

    long lastTimestamp() {
        return lastTimestamp;
    }

    /** The highest n of the {@code auto#n} ids the bank has chosen. */
    long autoIds() {
        return autoIds;
    }

    AccountState account(String id) {
        AccountState account = accounts.get(id);
        if (account == null) {
            throw new IllegalStateException("no account " + id + " in the ledger");
        }
        return account;
    }

    /** The id of a hold still pending whose deadline is at or before {@code now}, removed from the queue; or null. */
    @Nullable
    String pollDueHold(long now) {
        while (!holds.isEmpty() && holds.peek().expiresAt() <= now) {
            Hold due = holds.poll();
            Transfer hold = transfers.get(due.id());
            if (hold != null && hold.status() == TransferStatus.PENDING && hold.timestamp() == due.createdAt()) {
                return due.id();
            }
        }
        return null;
    }

    /**
     * The books as they are now, readable from another thread while this one goes on ({@link LedgerView}). Called
     * between requests, never inside a linked chain: O(accounts).
     */
    LedgerView capture(long coveredLsn, byte[] head) {
        LedgerView.AccountImage[] images = new LedgerView.AccountImage[accounts.size()];
        int i = 0;
        for (AccountState account : accounts.values()) {
            images[i++] = LedgerView.AccountImage.of(account);
        }
        return new LedgerView(
                coveredLsn, head, lastTimestamp, Arrays.asList(images), created.capture(), resolutions.capture());
    }

    void restoreAccount(AccountState account) {
        if (accounts.putIfAbsent(account.id, account) != null) {
            throw new IllegalStateException("account " + account.id + " is in the snapshot twice");
        }
    }

    void restoreTransfer(Transfer transfer) {
        if (transfers.putIfAbsent(transfer.id(), transfer) != null) {
            throw new IllegalStateException("transfer " + transfer.id() + " is in the snapshot twice");
        }
        created.add(transfer);
        if (transfer.status() == TransferStatus.PENDING && transfer.timeout() != null) {
            holds.add(new Hold(transfer.expiresAt(), transfer.timestamp(), transfer.id()));
        }
        if (transfer.id().startsWith("auto#")) {
            autoIds = Math.max(autoIds, Long.parseLong(transfer.id().substring(5)));
        }
    }

    /** Resolves a restored hold as a snapshot recorded it; the balances come from the snapshot's account totals. */
    void restoreResolution(Event.PendingResolved resolved) {
        Transfer hold = transfers.get(resolved.id());
        if (hold == null || hold.status() != TransferStatus.PENDING) {
            throw new IllegalStateException("the snapshot resolves " + resolved.id() + ", which is "
                    + (hold == null ? "not in it" : hold.status() + ", not PENDING"));
        }
        transfers.put(hold.id(), hold.resolve(resolved.status(), resolved.amount(), resolved.timestamp()));
        resolutions.add(resolved);
    }

    void restoreTimestamp(long timestamp) {
        lastTimestamp = Math.max(lastTimestamp, timestamp);
    }

    /** Applies one event: from a request just judged, or from the log on replay. */
    void apply(Event event) {
        switch (event) {
            case Event.AccountOpened opened -> {
                if (accounts.containsKey(opened.id())) {
                    throw new IllegalStateException("account " + opened.id() + " is opened twice");
                }
                accounts.put(
                        opened.id(),
                        new AccountState(
                                opened.id(),
                                opened.owner(),
                                opened.currency(),
                                opened.flags(),
                                opened.initialBalance(),
                                opened.timestamp()));
            }
            case Event.TransferCreated creation -> applyCreated(creation.transfer());
            case Event.PendingResolved resolved -> applyResolved(resolved);
            case Event.AccountClosed closed -> account(closed.id()).closed = true;
        }
        lastTimestamp = Math.max(lastTimestamp, event.timestamp());
    }

    private void applyCreated(Transfer transfer) {
        AccountState debit = account(transfer.from());
        AccountState credit = account(transfer.to());
        // One lookup in a map of millions (each a cache miss or two): the check and the insert are one putIfAbsent,
        // done after the accounts are found and before they change, so that a bad event leaves the books as they were.
        if (transfers.putIfAbsent(transfer.id(), transfer) != null) {
            throw new IllegalStateException("transfer " + transfer.id() + " is created twice");
        }
        created.add(transfer);
        long amount = transfer.amount().minorUnits();
        if (transfer.status() == TransferStatus.PENDING) {
            debit.debitsPending = Math.addExact(debit.debitsPending, amount);
            credit.creditsPending = Math.addExact(credit.creditsPending, amount);
            if (transfer.timeout() != null) {
                holds.add(new Hold(transfer.expiresAt(), transfer.timestamp(), transfer.id()));
            }
        } else {
            debit.debitsPosted = Math.addExact(debit.debitsPosted, amount);
            credit.creditsPosted = Math.addExact(credit.creditsPosted, amount);
            debit.recordPosting(transfer.timestamp(), transfer.id());
            credit.recordPosting(transfer.timestamp(), transfer.id());
        }
        if (transfer.id().startsWith("auto#")) {
            autoIds = Math.max(autoIds, Long.parseLong(transfer.id().substring(5)));
        }
    }

    private void applyResolved(Event.PendingResolved resolved) {
        Transfer hold = transfers.get(resolved.id());
        if (hold == null || hold.status() != TransferStatus.PENDING) {
            throw new IllegalStateException("hold " + resolved.id() + " is not pending (" + hold + ")");
        }
        AccountState debit = account(hold.from());
        AccountState credit = account(hold.to());
        long reserved = hold.amount().minorUnits();
        debit.debitsPending -= reserved;
        credit.creditsPending -= reserved;
        if (resolved.status() == TransferStatus.POSTED) {
            debit.debitsPosted = Math.addExact(debit.debitsPosted, resolved.amount());
            credit.creditsPosted = Math.addExact(credit.creditsPosted, resolved.amount());
            debit.recordPosting(resolved.timestamp(), hold.id());
            credit.recordPosting(resolved.timestamp(), hold.id());
        }
        transfers.put(hold.id(), hold.resolve(resolved.status(), resolved.amount(), resolved.timestamp()));
        resolutions.add(resolved);
    }

    /** Undoes {@link #applyCreated} of the newest transfer touching its accounts (a chain rolling back). */
    void unapply(Transfer transfer) {
        AccountState debit = account(transfer.from());
        AccountState credit = account(transfer.to());
        long amount = transfer.amount().minorUnits();
        if (transfer.status() == TransferStatus.PENDING) {
            debit.debitsPending -= amount;
            credit.creditsPending -= amount;
        } else {
            debit.debitsPosted -= amount;
            credit.creditsPosted -= amount;
            debit.dropLastPosting(transfer.id());
            credit.dropLastPosting(transfer.id());
        }
        transfers.remove(transfer.id());
        created.removeLast(transfer);
    }
}
