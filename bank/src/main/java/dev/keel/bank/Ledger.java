package dev.keel.bank;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The books: accounts, transfers and holds, and every rule that decides a request. A deterministic state machine.
 *
 * <p>How it is designed, and why: each request is judged against the current state ({@link Books}) and, if accepted,
 * turned into {@link Event}s that are {@linkplain #apply applied} at once and collected for the log
 * ({@link #drainEvents()}).
 * Replay on open applies the same events through the same {@code apply}, without judging them again, so the state
 * after a restart is exactly the state that was acknowledged (the clock, the order of checks and any later change to
 * a rule cannot make replay disagree with history). Every request first reads the injected clock once and expires the
 * holds that are due (a priority queue by deadline; entries whose hold was resolved are skipped when they surface),
 * so an expiry is an event like any other, in the log, at a definite point.
 *
 * <p>Timestamps are nanoseconds since the epoch, unique and increasing: the clock's reading, or one more than the
 * last timestamp if the clock has not moved or went back (TigerBeetle does the same). They order statements and
 * answer "the balance as of".
 *
 * <p>A linked chain applies its members one by one (a later member may spend what an earlier one credited); when one
 * fails, the members applied so far are undone in reverse ({@link Books#unapply}) and their events dropped. Only
 * creating a transfer can be undone, which is all a chain holds.
 *
 * <p>Not thread-safe: confined to the sequencer's thread.
 */
final class Ledger {

    /** Funding accounts, one per currency, are named this plus the currency code. */
    static final String FUNDING_PREFIX = "bank:funding:";

    static final int MAX_TEXT = 256;
    static final Duration MAX_TIMEOUT = Duration.ofDays(36_500);
    static final int MAX_ID = 64;

    private final InstantSource clock;
    private final Books books = new Books();
    private final Map<String, AccountState> accounts = books.accounts;
    private final Map<String, Transfer> transfers = books.transfers;
    private final List<Event> events = new ArrayList<>();

    Ledger(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Whether {@code id} is 1 to 64 of {@code [A-Za-z0-9_.:-]}. A loop rather than a regex: it runs for every transfer
     * on the sequencer's thread, where the regex's matcher showed as 9% of a batch's CPU in a JFR profile.
     */
    static boolean isValidId(String id) {
        int length = id.length();
        if (length == 0 || length > MAX_ID) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            boolean valid = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '.'
                    || c == ':'
                    || c == '-';
            if (!valid) {
                return false;
            }
        }
        return true;
    }

    // ---- requests -------------------------------------------------------------------------------------------

    AccountResult openAccount(NewAccount request) {
        long now = begin();
        if (!isValidId(request.id())) {
            return AccountResult.ID_INVALID;
        }
        if (request.id().startsWith("bank:")) {
            return AccountResult.ID_RESERVED;
        }
        AccountState existing = accounts.get(request.id());
        if (existing != null) {
            return compare(existing, request);
        }
        if (request.owner().isBlank() || request.owner().length() > MAX_TEXT) {
            return AccountResult.OWNER_INVALID;
        }
        if (request.initialBalance() < 0) {
            return AccountResult.INITIAL_BALANCE_NEGATIVE;
        }
        if (request.initialBalance() > 0 && request.flags().creditsMustNotExceedDebits()) {
            return AccountResult.INITIAL_BALANCE_NOT_ALLOWED;
        }
        AccountState funding = accounts.get(FUNDING_PREFIX + request.currency().getCurrencyCode());
        if (funding != null && sum(funding.debitsPosted, funding.debitsPending, request.initialBalance()) < 0) {
            return AccountResult.OVERFLOW;
        }
        if (funding == null) {
            String fundingId = FUNDING_PREFIX + request.currency().getCurrencyCode();
            emit(new Event.AccountOpened(
                    fundingId, "bank", request.currency(), AccountFlags.NONE, 0, nextTimestamp(now)));
            funding = accounts.get(fundingId);
        }
        emit(new Event.AccountOpened(
                request.id(),
                request.owner(),
                request.currency(),
                request.flags(),
                request.initialBalance(),
                nextTimestamp(now)));
        if (request.initialBalance() > 0) {
            Money amount = new Money(request.initialBalance(), request.currency());
            emit(new Event.TransferCreated(new Transfer(
                    "open#" + request.id(),
                    funding.id,
                    request.id(),
                    amount,
                    "opening balance",
                    false,
                    null,
                    nextTimestamp(now),
                    TransferStatus.POSTED,
                    amount.minorUnits(),
                    0)));
        }
        return AccountResult.OK;
    }

    AccountResult closeAccount(String id) {
        long now = begin();
        AccountState account = accounts.get(id);
        if (account == null) {
            return AccountResult.ACCOUNT_NOT_FOUND;
        }
        if (account.closed) {
            return AccountResult.ACCOUNT_ALREADY_CLOSED;
        }
        emit(new Event.AccountClosed(id, nextTimestamp(now)));
        return AccountResult.OK;
    }

    TransferOutcome transfer(NewTransfer request) {
        return create(request, begin(), false);
    }

    /** A transfer whose id the bank chooses ({@code auto#<n>}). */
    TransferOutcome transferWithAutoId(String from, String to, Money amount, String reference) {
        long now = begin();
        return create(NewTransfer.of("auto#" + (books.autoIds() + 1), from, to, amount, reference), now, true);
    }

    /** Independent transfers, each judged on its own, under one reading of the clock. */
    List<TransferOutcome> transferAll(List<NewTransfer> requests) {
        long now = begin();
        List<TransferOutcome> outcomes = new ArrayList<>(requests.size());
        for (NewTransfer request : requests) {
            outcomes.add(create(request, now, false));
        }
        return outcomes;
    }

    ChainOutcome transferLinked(List<NewTransfer> chain) {
        long now = begin();
        if (chain.isEmpty()) {
            return new ChainOutcome(TransferResult.CHAIN_EMPTY, 0, List.of());
        }
        int mark = events.size();
        List<Transfer> created = new ArrayList<>();
        List<TransferOutcome> outcomes = new ArrayList<>(chain.size());
        for (int i = 0; i < chain.size(); i++) {
            TransferOutcome outcome = create(chain.get(i), now, false);
            if (!outcome.isSuccess()) {
                for (Transfer applied : created.reversed()) {
                    books.unapply(applied);
                }
                events.subList(mark, events.size()).clear();
                List<TransferOutcome> failed = new ArrayList<>(chain.size());
                for (int j = 0; j < chain.size(); j++) {
                    failed.add(j == i ? outcome : TransferOutcome.rejected(TransferResult.LINKED_EVENT_FAILED));
                }
                return new ChainOutcome(outcome.result(), i, failed);
            }
            if (outcome.result() == TransferResult.OK) {
                created.add(Objects.requireNonNull(outcome.transfer()));
            }
            outcomes.add(outcome);
        }
        return new ChainOutcome(TransferResult.OK, -1, outcomes);
    }

    /** Posts a hold: {@code amount} of it (null: all), releasing the rest. */
    TransferOutcome post(String pendingId, @Nullable Money amount) {
        long now = begin();
        Transfer hold = transfers.get(pendingId);
        TransferResult unresolvable = checkResolvable(hold);
        if (unresolvable != null) {
            return new TransferOutcome(unresolvable, hold);
        }
        Objects.requireNonNull(hold);
        long posted = amount == null ? hold.amount().minorUnits() : amount.minorUnits();
        if (amount != null && !amount.currency().equals(hold.amount().currency())) {
            return new TransferOutcome(TransferResult.CURRENCY_MISMATCH, hold);
        }
        if (posted <= 0) {
            return new TransferOutcome(TransferResult.AMOUNT_MUST_BE_POSITIVE, hold);
        }
        if (posted > hold.amount().minorUnits()) {
            return new TransferOutcome(TransferResult.EXCEEDS_PENDING_AMOUNT, hold);
        }
        if (account(hold.from()).closed) {
            return new TransferOutcome(TransferResult.DEBIT_ACCOUNT_CLOSED, hold);
        }
        if (account(hold.to()).closed) {
            return new TransferOutcome(TransferResult.CREDIT_ACCOUNT_CLOSED, hold);
        }
        emit(new Event.PendingResolved(pendingId, TransferStatus.POSTED, posted, nextTimestamp(now)));
        return new TransferOutcome(TransferResult.OK, transfers.get(pendingId));
    }

    /** Voids a hold, releasing all of it. Allowed on closed accounts: it only gives back. */
    TransferOutcome voidPending(String pendingId) {
        long now = begin();
        Transfer hold = transfers.get(pendingId);
        TransferResult unresolvable = checkResolvable(hold);
        if (unresolvable != null) {
            return new TransferOutcome(unresolvable, hold);
        }
        emit(new Event.PendingResolved(pendingId, TransferStatus.VOIDED, 0, nextTimestamp(now)));
        return new TransferOutcome(TransferResult.OK, transfers.get(pendingId));
    }

    /** Expires the holds that are due by the clock; every request does this first. */
    void expireDue() {
        begin();
    }

    // ---- queries ----------------------------------------------------------------------------------------------

    @Nullable
    AccountState findAccount(String id) {
        return accounts.get(id);
    }

    @Nullable
    Transfer findTransfer(String id) {
        return transfers.get(id);
    }

    Collection<AccountState> accounts() {
        return Collections.unmodifiableCollection(accounts.values());
    }

    Collection<Transfer> transfers() {
        return Collections.unmodifiableCollection(transfers.values());
    }

    long lastTimestamp() {
        return books.lastTimestamp();
    }

    /** The events produced since the last call, in order, and forgets them. */
    List<Event> drainEvents() {
        List<Event> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    boolean hasEvents() {
        return !events.isEmpty();
    }

    int eventCount() {
        return events.size();
    }

    // ---- state ----------------------------------------------------------------------------------------------

    /** Applies one event: from a request just judged, or from the log on replay. */
    void apply(Event event) {
        books.apply(event);
    }

    void restoreAccount(AccountState account) {
        books.restoreAccount(account);
    }

    void restoreTransfer(Transfer transfer) {
        books.restoreTransfer(transfer);
    }

    void restoreResolution(Event.PendingResolved resolved) {
        books.restoreResolution(resolved);
    }

    /** The ledger as it is now, to encode on another thread (see {@link LedgerView}); between requests only. */
    LedgerView capture(long coveredLsn, byte[] head) {
        return books.capture(coveredLsn, head);
    }

    void restoreTimestamp(long timestamp) {
        books.restoreTimestamp(timestamp);
    }

    // ---- judging ------------------------------------------------------------------------------------------

    private TransferOutcome create(NewTransfer request, long now, boolean bankChosenId) {
        if (!bankChosenId && !isValidId(request.id())) {
            return TransferOutcome.rejected(TransferResult.ID_INVALID);
        }
        Transfer existing = transfers.get(request.id());
        if (existing != null) {
            return new TransferOutcome(TransferRules.compare(existing, request), existing);
        }
        TransferResult refused = TransferRules.judge(request, accounts);
        if (refused != null) {
            return TransferOutcome.rejected(refused);
        }
        long amount = request.amount().minorUnits();
        // The accounts' own id strings, not the request's copies: a million transfers between a few thousand accounts
        // then hold a few thousand strings instead of two million (about 100 bytes per transfer, measured).
        Transfer transfer = new Transfer(
                request.id(),
                account(request.from()).id,
                account(request.to()).id,
                request.amount(),
                request.reference(),
                request.pending(),
                request.timeout(),
                nextTimestamp(now),
                request.pending() ? TransferStatus.PENDING : TransferStatus.POSTED,
                request.pending() ? 0 : amount,
                0);
        emit(new Event.TransferCreated(transfer));
        return new TransferOutcome(TransferResult.OK, transfer);
    }

    private static @Nullable TransferResult checkResolvable(@Nullable Transfer hold) {
        if (hold == null) {
            return TransferResult.PENDING_NOT_FOUND;
        }
        if (!hold.pending()) {
            return TransferResult.NOT_PENDING;
        }
        return switch (hold.status()) {
            case PENDING -> null;
            case POSTED -> TransferResult.PENDING_ALREADY_POSTED;
            case VOIDED -> TransferResult.PENDING_ALREADY_VOIDED;
            case EXPIRED -> TransferResult.PENDING_EXPIRED;
        };
    }

    private static AccountResult compare(AccountState existing, NewAccount request) {
        if (!existing.currency.equals(request.currency())) {
            return AccountResult.EXISTS_WITH_DIFFERENT_CURRENCY;
        }
        if (!existing.owner.equals(request.owner())) {
            return AccountResult.EXISTS_WITH_DIFFERENT_OWNER;
        }
        if (!existing.flags.equals(request.flags())) {
            return AccountResult.EXISTS_WITH_DIFFERENT_FLAGS;
        }
        if (existing.initialBalance != request.initialBalance()) {
            return AccountResult.EXISTS_WITH_DIFFERENT_INITIAL_BALANCE;
        }
        return AccountResult.EXISTS;
    }

    /** a + b + c for non-negative values, or -1 if it overflows. */
    static long sum(long a, long b, long c) {
        long ab = a + b;
        if (ab < 0) {
            return -1;
        }
        long abc = ab + c;
        return abc < 0 ? -1 : abc;
    }

    // ---- time and events ----------------------------------------------------------------------------------

    /** Reads the clock once for a request and expires the holds due by then; returns the reading. */
    private long begin() {
        Instant instant = clock.instant();
        long now = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        for (String due = books.pollDueHold(now); due != null; due = books.pollDueHold(now)) {
            emit(new Event.PendingResolved(due, TransferStatus.EXPIRED, 0, nextTimestamp(now)));
        }
        return now;
    }

    private long nextTimestamp(long now) {
        long next = Math.max(now, books.lastTimestamp() + 1);
        books.restoreTimestamp(next);
        return next;
    }

    private void emit(Event event) {
        apply(event);
        events.add(event);
    }

    private AccountState account(String id) {
        return books.account(id);
    }
}
