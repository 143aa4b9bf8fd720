package dev.keel.bank;

import static dev.keel.bank.Fixture.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.ManualTicker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots are captured by the sequencer, then encoded and committed off it: requests are answered meanwhile. */
final class BackgroundSnapshotTest {

    @TempDir
    Path dir;

    /** Runs nothing until told to: a snapshot commit held back for as long as the test likes. */
    private static final class HeldExecutor implements Executor {
        private final Queue<Runnable> held = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable command) {
            held.add(command);
        }

        synchronized int waiting() {
            return held.size();
        }

        void runAll() {
            Runnable next;
            while ((next = poll()) != null) {
                next.run();
            }
        }

        private synchronized Runnable poll() {
            return held.poll();
        }
    }

    private BankOptions options() {
        return BankOptions.builder(dir)
                .clock(ManualTicker.create())
                .snapshotEvery(10)
                .segmentSize(4096)
                .build();
    }

    private static void transfers(BankingSystem bank, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            TransferOutcome outcome = bank.transfer(NewTransfer.of(prefix + i, "alice", "bob", usd("1.00"), ""));
            assertThat(outcome.result()).isEqualTo(TransferResult.OK);
        }
    }

    @Test
    void requestsAreAnswered_whileASnapshotCommitIsHeldBack_andTheCommitThenCompletes() throws Exception {
        HeldExecutor commits = new HeldExecutor();
        try (BankingSystem bank = BankingSystem.open(options(), commits)) {
            bank.createAccount(NewAccount.customer("alice", "Alice", usd("1000.00")));
            bank.createAccount(NewAccount.customer("bob", "Bob", usd("0.00")));
            transfers(bank, "a", 20);
            assertThat(commits.waiting()).isEqualTo(1); // a snapshot fell due and waits to be committed
            assertThat(dir.resolve(LedgerSnapshot.FILE)).doesNotExist();
            transfers(bank, "b", 50); // answered although the commit has not run; no second commit is started
            assertThat(commits.waiting()).isEqualTo(1);
            commits.runAll();
            assertThat(dir.resolve(LedgerSnapshot.FILE)).exists();
            transfers(bank, "c", 50); // the next batch collects the finished commit and may start another
            commits.runAll();
        }
        try (BankingSystem bank = BankingSystem.open(options())) {
            assertThat(bank.recoverySummary().orElseThrow()).startsWith("snapshot at LSN");
            assertThat(bank.balance("bob").orElseThrow().posted()).isEqualTo(usd("120.00"));
            assertThat(bank.audit().ok()).isTrue();
        }
    }

    @Test
    void closingWaitsForTheCommitInFlight_andWritesTheFinalSnapshot() throws Exception {
        try (BankingSystem bank = BankingSystem.open(options())) {
            bank.createAccount(NewAccount.customer("alice", "Alice", usd("1000.00")));
            bank.createAccount(NewAccount.customer("bob", "Bob", usd("0.00")));
            transfers(bank, "a", 30);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".tmp")); // no staged file left behind
        }
        try (BankingSystem bank = BankingSystem.open(options())) {
            assertThat(bank.recoverySummary().orElseThrow()).contains("then 0 log records");
            assertThat(bank.balance("bob").orElseThrow().posted()).isEqualTo(usd("30.00"));
        }
    }

    @Test
    void opening_deletesTheStagedFileOfACommitThatACrashInterrupted() throws Exception {
        Files.createDirectories(dir);
        Path stale = dir.resolve("." + LedgerSnapshot.FILE + ".123456.tmp");
        Files.writeString(stale, "half a snapshot");
        try (BankingSystem bank = BankingSystem.open(options())) {
            assertThat(stale).doesNotExist();
            assertThat(bank.audit().ok()).isTrue();
        }
    }

    @Test
    void aFailedCommit_failsTheSystemAtItsNextBatch() throws Exception {
        Executor failing = command -> {
            throw new IllegalStateException("no thread for the commit");
        };
        BankingSystem bank = BankingSystem.open(options(), failing);
        try {
            bank.createAccount(NewAccount.customer("alice", "Alice", usd("1000.00")));
            bank.createAccount(NewAccount.customer("bob", "Bob", usd("0.00")));
            assertThatThrownBy(() -> transfers(bank, "a", 40))
                    .isInstanceOf(BankException.class)
                    .hasMessageContaining("snapshot");
        } finally {
            bank.close();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }
}
