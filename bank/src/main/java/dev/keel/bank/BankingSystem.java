package dev.keel.bank;

import dev.keel.time.Ticker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A double-entry ledger: accounts, exactly-once transfers, two-phase holds, linked chains, an audit; in memory or
 * durable in a directory.
 *
 * <pre>{@code
 * BankingSystem bank = BankingSystem.inMemory();          // or BankingSystem.open(Path dir)
 * Account alice = bank.createAccount("Alice", Money.of("1000.00", "USD"));
 * Account bob   = bank.createAccount("Bob",   Money.of("500.00", "USD"));
 * bank.transfer("Alice", "Bob", Money.of("200.00", "USD"), "Payment");   // atomic
 * alice.getBalance();   // USD 800.00, read live from the ledger
 * }</pre>
 *
 * <p>How a request is served: every method hands its request to one sequencer thread, which runs requests in
 * batches against the ledger, writes each batch's changes to the write-ahead log as one record (one fsync under
 * {@code SyncPolicy.ALWAYS}) and only then answers the batch. So a returned transfer is on disk, concurrent requests
 * are serializable (they ran one at a time, in the order the sequencer took them), and reads see only durable state.
 * See {@code Sequencer} for why this beats locking accounts.
 *
 * <p>Rejections are values ({@link TransferOutcome}, {@link AccountOutcome}); exceptions are for caller mistakes
 * (null arguments), a closed system and failures of the disk ({@link BankException}).
 *
 * <p>Thread-safe.
 */
public final class BankingSystem implements AutoCloseable {

    private final BankOptions options;
    private final Sequencer sequencer;
    private final @Nullable DurableJournal durable;

    private BankingSystem(BankOptions options, Ledger ledger, Journal journal) {
        this.options = options;
        this.durable = journal instanceof DurableJournal d ? d : null;
        this.sequencer = new Sequencer(
                ledger,
                journal,
                options.maxBatch(),
                options.pipelineDepth(),
                options.commitGather(),
                options.forceThreads(),
                Ticker.system(),
                "keel-bank-sequencer");
    }

    /** A system in memory, on the system clock. */
    public static BankingSystem inMemory() {
        return inMemory(InstantSource.system());
    }

    /** A system in memory on {@code clock} (timestamps and hold expiry). */
    public static BankingSystem inMemory(InstantSource clock) {
        BankOptions options = BankOptions.builder().clock(clock).build();
        return new BankingSystem(options, new Ledger(clock), Journal.none());
    }

    /** A durable system in {@code directory} (created if missing), recovered from what is there. */
    public static BankingSystem open(Path directory) throws IOException {
        return open(BankOptions.builder(directory).build());
    }

    /** A system as {@code options} say: durable and recovered if they name a directory, else in memory. */
    public static BankingSystem open(BankOptions options) throws IOException {
        if (options.directory() == null) {
            return new BankingSystem(options, new Ledger(options.clock()), Journal.none());
        }
        DurableJournal journal = DurableJournal.open(options);
        return new BankingSystem(options, journal.ledger(), journal);
    }

    /** As {@link #open(BankOptions)} for a durable system whose snapshots are committed on {@code snapshotCommits}. */
    static BankingSystem open(BankOptions options, java.util.concurrent.Executor snapshotCommits) throws IOException {
        DurableJournal journal = DurableJournal.open(options);
        try {
            journal.commitSnapshotsOn(snapshotCommits);
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        return new BankingSystem(options, journal.ledger(), journal);
    }

    /**
     * Checks a data directory offline: replays the log after the snapshot (verifying every record's checksum and the
     * hash chain), then audits the books. Writes nothing but what the log's own recovery does (cutting a torn tail).
     * A damaged directory is a report with {@code ok} false, not an exception.
     */
    public static VerifyReport verify(Path directory) throws IOException {
        BankOptions options = BankOptions.builder(directory).build();
        DurableJournal journal;
        try {
            journal = DurableJournal.open(options, true);
        } catch (BankException e) {
            return VerifyReport.failed(e.getMessage());
        }
        journal.skipSnapshotAtClose();
        try (BankingSystem bank = new BankingSystem(options, journal.ledger(), journal)) {
            AuditReport audit = bank.sequencer.call(Audit::of);
            DurableJournal.Recovery recovery = journal.recovery();
            return new VerifyReport(
                    audit.ok(),
                    recovery.snapshot(),
                    recovery.records(),
                    recovery.events(),
                    journal.headHash(),
                    recovery.logReport(),
                    audit,
                    null);
        }
    }

    /**
     * What opening found: the snapshot used, the records and events replayed after it, and the log's recovery report;
     * empty for a system in memory.
     */
    public Optional<String> recoverySummary() {
        return Optional.ofNullable(durable).map(d -> {
            DurableJournal.Recovery recovery = d.recovery();
            return recovery.snapshot() + ", then " + recovery.records() + " log records (" + recovery.events()
                    + " events) replayed; " + recovery.logReport();
        });
    }

    /** Writes a snapshot now (durable systems only; a no-op in memory), so the next open replays less. */
    public void snapshot() {
        sequencer.callOnDurableState(ledger -> {
            if (durable != null) {
                try {
                    durable.snapshot();
                } catch (IOException e) {
                    throw new BankException(BankException.Code.LOG_FAILED, "writing a snapshot failed: " + e, e);
                }
            }
            return null;
        });
    }

    /** The options this system was opened with. */
    public BankOptions options() {
        return options;
    }

    // ---- accounts ---------------------------------------------------------------------------------------------

    /**
     * Opens a customer account named {@code owner} (its id is the owner's name), funded with {@code initialBalance}:
     * the seed's convenience. Opening it again with the same balance returns the same account.
     *
     * @throws BankException with {@link BankException.Code#REJECTED} if the ledger refused (the message names the
     *     {@link AccountResult})
     */
    public Account createAccount(String owner, Money initialBalance) {
        AccountOutcome outcome = createAccount(NewAccount.customer(owner, owner, initialBalance));
        if (!outcome.isSuccess()) {
            throw new BankException(
                    BankException.Code.REJECTED,
                    "account '" + owner + "' was not opened: " + outcome.result() + " (initial balance "
                            + initialBalance + ")");
        }
        return Objects.requireNonNull(outcome.account());
    }

    /** Opens an account; {@link AccountResult#EXISTS} if this very account exists already. */
    public AccountOutcome createAccount(NewAccount request) {
        Objects.requireNonNull(request, "request");
        return sequencer.call(ledger -> new AccountOutcome(ledger.openAccount(request), handle(ledger, request.id())));
    }

    /** Closes an account: later transfers to or from it are refused; holds on it may still be voided. */
    public AccountOutcome closeAccount(String id) {
        Objects.requireNonNull(id, "id");
        return sequencer.call(ledger -> new AccountOutcome(ledger.closeAccount(id), handle(ledger, id)));
    }

    /** The account with this id, if there is one. */
    public Optional<Account> account(String id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(read(ledger -> handle(ledger, id)));
    }

    /** The account's totals now, if it exists. */
    public Optional<Balance> balance(String id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(read(ledger -> {
            AccountState account = ledger.findAccount(id);
            return account == null ? null : account.balance();
        }));
    }

    /** The account's posted balance as it was at {@code at} (zero before its first posting), if it exists. */
    public Optional<Money> balanceAt(String id, Instant at) {
        Objects.requireNonNull(id, "id");
        long nanos = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
        return Optional.ofNullable(read(ledger -> {
            AccountState account = ledger.findAccount(id);
            return account == null
                    ? null
                    : new Money(account.balanceAfter(account.postingsUpTo(nanos) - 1), account.currency);
        }));
    }

    /**
     * A page of the account's statement: up to {@code limit} lines after line {@code after} (0 for the first page),
     * with running balances.
     */
    public Optional<Statement> statement(String id, long after, int limit) {
        Objects.requireNonNull(id, "id");
        if (after < 0) {
            throw new IllegalArgumentException("after (" + after + ") must not be negative");
        }
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit (" + limit + ") must be in [1, 10000]");
        }
        return Optional.ofNullable(read(ledger -> {
            AccountState account = ledger.findAccount(id);
            if (account == null) {
                return null;
            }
            List<StatementLine> lines = new ArrayList<>();
            int end = (int) Math.min(account.postings(), after + limit);
            for (int i = (int) Math.min(after, account.postings()); i < end; i++) {
                Transfer transfer = Objects.requireNonNull(ledger.findTransfer(account.postingTransfer(i)));
                lines.add(new StatementLine(
                        i + 1,
                        transfer.id(),
                        account.postingTimestamp(i),
                        new Money(account.postingAmount(i), account.currency),
                        new Money(account.balanceAfter(i), account.currency),
                        transfer.reference()));
            }
            return new Statement(id, lines, end < account.postings() ? end : -1);
        }));
    }

    boolean isClosed(String id) {
        return read(ledger -> {
            AccountState account = ledger.findAccount(id);
            return account != null && account.closed;
        });
    }

    // ---- transfers --------------------------------------------------------------------------------------------

    /** Moves {@code amount} from one account to another under an id the bank chooses: the seed's convenience. */
    public TransferOutcome transfer(String from, String to, Money amount, String reference) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reference, "reference");
        return sequencer.call(ledger -> ledger.transferWithAutoId(from, to, amount, reference));
    }

    /** Creates a transfer (single-phase or a hold); idempotent by its id. */
    public TransferOutcome transfer(NewTransfer request) {
        Objects.requireNonNull(request, "request");
        return sequencer.call(ledger -> ledger.transfer(request));
    }

    /** Creates independent transfers, each judged on its own, in one request (one log record). */
    public List<TransferOutcome> transferAll(List<NewTransfer> requests) {
        List<NewTransfer> copy = List.copyOf(requests);
        return sequencer.call(ledger -> ledger.transferAll(copy));
    }

    /** Creates a linked chain: all of it, or none of it. */
    public ChainOutcome transferLinked(List<NewTransfer> chain) {
        List<NewTransfer> copy = List.copyOf(chain);
        return sequencer.call(ledger -> ledger.transferLinked(copy));
    }

    /** Posts a hold: {@code amount} of it, or all of it if null; the rest is released. */
    public TransferOutcome post(String pendingId, @Nullable Money amount) {
        Objects.requireNonNull(pendingId, "pendingId");
        return sequencer.call(ledger -> ledger.post(pendingId, amount));
    }

    /** Voids a hold, releasing all of it. */
    public TransferOutcome voidPending(String pendingId) {
        Objects.requireNonNull(pendingId, "pendingId");
        return sequencer.call(ledger -> ledger.voidPending(pendingId));
    }

    /** The transfer with this id, if there is one. */
    public Optional<Transfer> lookupTransfer(String id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(read(ledger -> ledger.findTransfer(id)));
    }

    /** Expires the holds whose timeout has passed by the clock (every request does this too). */
    public void expireHolds() {
        sequencer.call(ledger -> {
            ledger.expireDue();
            return null;
        });
    }

    /** Checks the books from scratch; see {@link AuditReport}. */
    public AuditReport audit() {
        return read(Audit::of);
    }

    /** Answers every request already handed over, then closes the log. Idempotent. */
    @Override
    public void close() throws IOException {
        sequencer.close();
    }

    /** A query: first expires the holds that are due, so that it sees them released. */
    private <T> T read(java.util.function.Function<Ledger, T> query) {
        return sequencer.call(ledger -> {
            ledger.expireDue();
            return query.apply(ledger);
        });
    }

    private @Nullable Account handle(Ledger ledger, String id) {
        AccountState account = ledger.findAccount(id);
        return account == null ? null : new Account(this, account.id, account.owner, account.currency, account.flags);
    }
}
