package dev.keel.bench.bank;

import dev.keel.bank.AccountFlags;
import dev.keel.bank.BankOptions;
import dev.keel.bank.BankingSystem;
import dev.keel.bank.Money;
import dev.keel.bank.NewAccount;
import dev.keel.bank.NewTransfer;
import dev.keel.bank.TransferOutcome;
import dev.keel.bank.TransferResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * keel's ledger: durable ({@code SyncPolicy.ALWAYS}), every request through the batching sequencer; as shipped (each
 * batch's force awaited before the next batch runs) or with pipelined commits.
 */
final class KeelTarget implements TransferTarget {

    static final Currency USD = Currency.getInstance("USD");

    private final BankingSystem bank;
    private final String name;
    /**
     * Account ids by number, made once: a client knows its accounts' names (the JDBC targets bind ints), so the load
     * generator does not build two strings per transfer on the cores the ledger needs.
     */
    private String[] ids = new String[0];

    /**
     * keel as shipped: the sequencer waits for each batch's force ({@code pipelineDepth} 0), and between forces for the
     * last cycle's clients (the default gather wait, 50 µs).
     */
    KeelTarget(Path directory) throws Exception {
        this(BankOptions.builder(directory).build(), "keel (sequencer)");
    }

    /** keel with pipelined commits ({@code pipelineDepth} 64): batch N+1 runs while batch N is forced. */
    static KeelTarget pipelined(Path directory) throws Exception {
        return new KeelTarget(BankOptions.builder(directory).pipelineDepth(64).build(), "keel (sequencer, pipelined)");
    }

    /**
     * keel without the gather wait ({@code BankOptions.commitGather} zero; the default is 50 µs): between forces the
     * sequencer cuts the next batch from whatever is queued, without waiting for the clients it just answered.
     */
    static KeelTarget ungathered(Path directory) throws Exception {
        return new KeelTarget(
                BankOptions.builder(directory)
                        .commitGather(java.time.Duration.ZERO)
                        .build(),
                "keel (sequencer, no gather)");
    }

    /**
     * keel with overlapping forces ({@code BankOptions.forceThreads}, 2): the sequencer writes each batch and goes on,
     * two threads force the log concurrently and answer the batches each force covered.
     */
    static KeelTarget overlapped(Path directory) throws Exception {
        return new KeelTarget(
                BankOptions.builder(directory).forceThreads(FORCE_THREADS).build(),
                "keel (sequencer, overlapping forces)");
    }

    static final int FORCE_THREADS = Integer.getInteger("keel.bank.forceThreads", 2);

    private KeelTarget(BankOptions options, String name) throws Exception {
        this.bank = BankingSystem.open(options);
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void setUp(int accounts) {
        ids = new String[accounts];
        for (int i = 0; i < accounts; i++) {
            ids[i] = "a" + i;
            bank.createAccount(new NewAccount(ids[i], "owner", USD, AccountFlags.CUSTOMER, 1_000_000_000_000L));
        }
    }

    @Override
    public Client newClient() {
        return (id, from, to, amount) -> {
            TransferOutcome outcome =
                    bank.transfer(NewTransfer.of(id, ids[from], ids[to], new Money(amount, USD), "bench"));
            return outcome.result() == TransferResult.OK;
        };
    }

    /** {@code count} transfers in one request (one log record): linked as a chain, or independent. */
    int batch(String prefix, int count, int accounts, boolean linked, java.util.SplittableRandom random) {
        List<NewTransfer> transfers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = random.nextInt(accounts);
            int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
            transfers.add(
                    NewTransfer.of(prefix + i, ids[from], ids[to], new Money(1 + random.nextInt(100), USD), "bench"));
        }
        if (linked) {
            return bank.transferLinked(transfers).isSuccess() ? count : 0;
        }
        return (int) bank.transferAll(transfers).stream()
                .filter(outcome -> outcome.result() == TransferResult.OK)
                .count();
    }

    @Override
    public void close() throws java.io.IOException {
        bank.close();
    }
}
