package dev.keel.bank;

import static dev.keel.bank.Fixture.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.storage.LogReader;
import dev.keel.storage.LogRecord;
import dev.keel.storage.WalOptions;
import dev.keel.storage.WriteAheadLog;
import dev.keel.testing.ManualTicker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reopening a durable ledger: from the log, from snapshots, and what verify says about damage and tampering. */
final class DurabilityTest {

    @TempDir
    Path dir;

    private final ManualTicker clock = ManualTicker.create();

    private BankingSystem open(BankOptions.Builder builder) throws Exception {
        return BankingSystem.open(builder.clock(clock).build());
    }

    private void history(BankingSystem bank) {
        bank.createAccount(NewAccount.customer("alice", "Alice", usd("1000.00")));
        bank.createAccount(NewAccount.customer("bob", "Bob", usd("500.00")));
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 20; i++) {
            bank.transfer(NewTransfer.of("t" + i, "alice", "bob", usd("1.00"), "n" + i));
        }
        bank.transfer(NewTransfer.pending("h1", "alice", "bob", usd("100.00"), "hold", Duration.ofMinutes(5)));
        bank.transfer(NewTransfer.pending("h2", "bob", "alice", usd("50.00"), "hold", null));
        bank.post("h2", usd("20.00"));
        bank.transferLinked(List.of(
                NewTransfer.of("c1", "alice", "bob", usd("3.00"), ""),
                NewTransfer.of("c2", "bob", "alice", usd("2.00"), "")));
        bank.closeAccount("bob");
    }

    private void assertHistory(BankingSystem bank) {
        assertThat(bank.balance("alice").orElseThrow())
                .isEqualTo(new Balance(usd("0").currency(), 2_300, 102_200, 10_000, 0));
        assertThat(bank.lookupTransfer("h2").orElseThrow().posted()).isEqualTo(usd("20.00"));
        assertThat(bank.account("bob").orElseThrow().isClosed()).isTrue();
        assertThat(bank.statement("alice", 0, 100).orElseThrow().lines()).hasSize(24);
        assertThat(bank.transfer(NewTransfer.of("t3", "alice", "bob", usd("1.00"), "n3"))
                        .result())
                .isEqualTo(TransferResult.EXISTS);
        assertThat(bank.audit().ok()).isTrue();
    }

    @Test
    void reopen_replaysTheLog_toTheSameBooks() throws Exception {
        try (BankingSystem bank = open(BankOptions.builder(dir).snapshotEvery(1_000_000))) {
            history(bank);
        }
        Files.delete(dir.resolve(LedgerSnapshot.FILE)); // force a replay of the whole log
        try (BankingSystem bank = open(BankOptions.builder(dir))) {
            assertThat(bank.recoverySummary().orElseThrow()).startsWith("no snapshot, then 27 log records");
            assertHistory(bank);
            // Holds keep expiring by the clock after a restart (h1 was created a few unique nanoseconds after the
            // clock's reading, as the 20 transfers before it shared that reading).
            clock.advance(Duration.ofMinutes(5).plusSeconds(1));
            assertThat(bank.lookupTransfer("h1").orElseThrow().status()).isEqualTo(TransferStatus.EXPIRED);
        }
    }

    @Test
    void reopen_fromSnapshots_withTruncatedLog_isTheSameBooks() throws Exception {
        try (BankingSystem bank = open(BankOptions.builder(dir).snapshotEvery(5).segmentSize(1024))) {
            history(bank);
            bank.transfer(NewTransfer.of("auto-check", "alice", "bank:funding:USD", usd("1.00"), ""));
        }
        try (WriteAheadLog log = WriteAheadLog.open(dir.resolve("log"), WalOptions.defaults())) {
            assertThat(log.firstLsn())
                    .as("old segments were deleted after snapshots")
                    .isPositive();
        }
        try (BankingSystem bank = open(BankOptions.builder(dir))) {
            assertThat(bank.recoverySummary().orElseThrow()).startsWith("snapshot at LSN");
            assertThat(bank.transfer("alice", "bank:funding:USD", usd("1.00"), "x")
                            .transfer()
                            .id())
                    .isEqualTo("auto#1");
            assertThat(bank.balance("alice").orElseThrow().posted()).isEqualTo(usd("997.00"));
        }
        VerifyReport report = BankingSystem.verify(dir);
        assertThat(report.ok()).as(report.toString()).isTrue();
    }

    @Test
    void snapshots_waitUntilTheLogHasGrownByTwiceTheLastSnapshot() throws Exception {
        Path snapshot = dir.resolve(LedgerSnapshot.FILE);
        try (BankingSystem bank = open(BankOptions.builder(dir).snapshotEvery(1))) {
            history(bank);
            bank.snapshot(); // a known starting point: nothing written since
            byte[] before = Files.readAllBytes(snapshot);
            bank.transfer(NewTransfer.of("x0", "alice", "bank:funding:USD", usd("0.01"), ""));
            assertThat(Files.readAllBytes(snapshot))
                    .as("one small record later")
                    .isEqualTo(before);
            int transfers = 1;
            while (java.util.Arrays.equals(Files.readAllBytes(snapshot), before)) {
                bank.transfer(NewTransfer.of("x" + transfers, "alice", "bank:funding:USD", usd("0.01"), ""));
                transfers++;
                assertThat(transfers).as("a snapshot comes eventually").isLessThan(1_000);
            }
            // Each of these records is under 120 bytes: it took twice the snapshot's size in log to get a new one.
            assertThat(transfers * 120L).isGreaterThanOrEqualTo(2L * before.length);
        }
    }

    /**
     * snapshot() while other threads' batches are still being forced: the snapshot covers exactly what it holds. The
     * directory is copied while the system is open (everything acknowledged is on disk), so that recovery starts from
     * that snapshot, not from the one written at close.
     */
    @Test
    void snapshot_duringConcurrentTransfers_coversExactlyTheLedger() throws Exception {
        int threads = 4;
        int perThread = 300;
        Path live = dir.resolve("live");
        Path image = dir.resolve("image");
        try (BankingSystem bank =
                        open(BankOptions.builder(live).snapshotEvery(1_000_000).pipelineDepth(64));
                java.util.concurrent.ExecutorService pool =
                        java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            bank.createAccount(NewAccount.customer("alice", "Alice", usd("100000.00")));
            bank.createAccount(NewAccount.customer("bob", "Bob", usd("0.00")));
            List<java.util.concurrent.Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                senders.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        bank.transfer(NewTransfer.of("s" + thread + "-" + i, "alice", "bob", usd("1.00"), ""));
                    }
                }));
            }
            for (int i = 0; i < 20; i++) {
                bank.snapshot();
            }
            for (java.util.concurrent.Future<?> sender : senders) {
                sender.get(1, java.util.concurrent.TimeUnit.MINUTES);
            }
            copyTree(live, image);
        }
        try (BankingSystem bank = open(BankOptions.builder(image))) {
            assertThat(bank.balance("bob").orElseThrow().posted()).isEqualTo(usd("1200.00"));
            assertThat(bank.audit().ok()).isTrue();
        }
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("wal.lock")) {
                    Files.copy(file, target);
                }
            }
        }
    }

    /** The commit pipeline writes several sealed records with one appendBatch: they replay in order, chain intact. */
    @Test
    void sealedRecords_writtenTogether_replayInOrder_withTheChainIntact() throws Exception {
        BankOptions options = BankOptions.builder(dir).clock(clock).build();
        try (DurableJournal journal = DurableJournal.open(options)) {
            journal.skipSnapshotAtClose();
            Ledger ledger = journal.ledger();
            List<byte[]> records = new ArrayList<>();
            ledger.openAccount(NewAccount.customer("alice", "Alice", usd("100.00")));
            records.add(journal.seal(ledger.drainEvents()));
            ledger.openAccount(NewAccount.customer("bob", "Bob", usd("0.00")));
            records.add(journal.seal(ledger.drainEvents()));
            ledger.transfer(NewTransfer.of("t1", "alice", "bob", usd("30.00"), ""));
            records.add(journal.seal(ledger.drainEvents()));
            journal.write(records);
        }
        VerifyReport report = BankingSystem.verify(dir);
        assertThat(report.ok()).as(String.valueOf(report.failure())).isTrue();
        assertThat(report.records()).isEqualTo(3);
        try (BankingSystem bank = open(BankOptions.builder(dir))) {
            assertThat(bank.balance("bob").orElseThrow().posted()).isEqualTo(usd("30.00"));
        }
    }

    @Test
    void verify_cleanDirectory_isOk_withTheChainHead() throws Exception {
        try (BankingSystem bank = open(BankOptions.builder(dir))) {
            history(bank);
        }
        VerifyReport report = BankingSystem.verify(dir);
        assertThat(report.ok()).isTrue();
        assertThat(report.failure()).isNull();
        assertThat(report.headHash()).hasSize(64);
        assertThat(report.audit().accounts()).isEqualTo(3);
    }

    @Test
    void verify_recordAlteredWithValidChecksum_isCaughtByTheHashChain() throws Exception {
        try (BankingSystem bank = open(BankOptions.builder(dir))) {
            history(bank);
        }
        Files.delete(dir.resolve(LedgerSnapshot.FILE));
        rewriteLog(5, events -> {
            // Turn transfer t3's 1.00 into 900.00 and write the record back, checksum and all, as a forger would.
            Transfer t = ((Event.TransferCreated) events.getFirst()).transfer();
            Transfer forged = new Transfer(
                    t.id(),
                    t.from(),
                    t.to(),
                    usd("900.00"),
                    t.reference(),
                    false,
                    null,
                    t.timestamp(),
                    TransferStatus.POSTED,
                    90_000,
                    0);
            return List.of(new Event.TransferCreated(forged));
        });
        VerifyReport report = BankingSystem.verify(dir);
        assertThat(report.ok()).isFalse();
        assertThat(report.failure()).contains("hash chain broken at LSN");
        assertThatThrownBy(() -> BankingSystem.open(dir))
                .isInstanceOf(BankException.class)
                .hasMessageContaining("hash chain broken");
    }

    @Test
    void verify_recordBeforeTheSnapshotAltered_isCaughtToo() throws Exception {
        try (BankingSystem bank = open(BankOptions.builder(dir))) {
            history(bank);
        }
        rewriteLog(5, events -> {
            // Same size, so the snapshot still lines up with the log: only the chain can tell.
            Transfer t = ((Event.TransferCreated) events.getFirst()).transfer();
            Transfer forged = new Transfer(
                    t.id(),
                    t.from(),
                    t.to(),
                    t.amount(),
                    "x3",
                    false,
                    null,
                    t.timestamp(),
                    TransferStatus.POSTED,
                    t.postedAmount(),
                    0);
            return List.of(new Event.TransferCreated(forged));
        });
        assertThat(BankingSystem.verify(dir).failure()).contains("hash chain broken");
    }

    /** Rewrites the log with record {@code index}'s events replaced, keeping its link to the record before. */
    private void rewriteLog(int index, java.util.function.UnaryOperator<List<Event>> change) throws Exception {
        List<byte[]> payloads = new ArrayList<>();
        try (WriteAheadLog log = WriteAheadLog.open(dir.resolve("log"), WalOptions.defaults());
                LogReader reader = log.reader()) {
            while (reader.hasNext()) {
                LogRecord record = reader.next();
                payloads.add(record.payload());
            }
        }
        LedgerLog.Decoded decoded = LedgerLog.decode(payloads.get(index));
        payloads.set(index, LedgerLog.encode(decoded.previous(), change.apply(decoded.events())));
        Path fresh = dir.resolve("log-forged");
        try (WriteAheadLog log = WriteAheadLog.open(fresh, WalOptions.defaults())) {
            for (byte[] payload : payloads) {
                log.append(payload);
            }
        }
        try (var files = Files.list(dir.resolve("log"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir.resolve("log"));
        Files.move(fresh, dir.resolve("log"));
    }

    @Test
    void snapshotDamaged_withTheWholeLogPresent_replaysTheLogInstead() throws Exception {
        try (BankingSystem bank = open(BankOptions.builder(dir))) {
            history(bank);
        }
        byte[] bytes = Files.readAllBytes(dir.resolve(LedgerSnapshot.FILE));
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(dir.resolve(LedgerSnapshot.FILE), bytes);
        try (BankingSystem bank = open(BankOptions.builder(dir))) {
            assertThat(bank.recoverySummary().orElseThrow()).startsWith("no snapshot");
            assertHistory(bank);
        }
    }
}
