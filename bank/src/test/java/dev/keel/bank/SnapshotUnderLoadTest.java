package dev.keel.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots are encoded on their own thread while clients keep the sequencer applying transfers, holds, posts, voids
 * and chains; reopening from the newest snapshot and the log after it gives back every acknowledged transfer and a
 * clean audit. The first snapshot (due after 500 events, long before the clients are halfway) is held until every
 * client is halfway through its work, so that its encoding runs while they go on (a latch, not a timing).
 */
@ExtendWith(SeedExtension.class)
final class SnapshotUnderLoadTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 600;
    private static final String[] ACCOUNTS = {"h0", "h1", "h2", "h3", "h4", "h5"};

    @TempDir
    Path dir;

    /** Runs snapshots on a thread of its own; the first waits for {@code release}. */
    private static final class HeldFirstSnapshot implements Executor, AutoCloseable {
        final CountDownLatch submitted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger runs = new AtomicInteger();
        private final ExecutorService thread = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("test-snapshot").factory());

        @Override
        public void execute(Runnable command) {
            boolean first = runs.getAndIncrement() == 0;
            if (first) {
                submitted.countDown();
            }
            thread.execute(() -> {
                if (first) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted before the held snapshot ran", e);
                    }
                }
                command.run();
            });
        }

        @Override
        public void close() {
            release.countDown();
            thread.close();
        }
    }

    @Test
    void snapshotsEncodedWhileTheSequencerWrites_recoverEveryAcknowledgedTransfer(SeededRandom random)
            throws Exception {
        BankOptions options = BankOptions.builder(dir)
                .snapshotEvery(500)
                .segmentSize(64 * 1024)
                .build();
        AtomicLong acknowledged = new AtomicLong();
        AtomicInteger done = new AtomicInteger();
        try (HeldFirstSnapshot snapshots = new HeldFirstSnapshot();
                BankingSystem bank = BankingSystem.open(options, snapshots)) {
            for (String id : ACCOUNTS) {
                bank.createAccount(NewAccount.customer(id, id, Money.of("1000.00", "USD")));
            }
            List<Future<?>> workers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(
                    THREADS, Thread.ofPlatform().name("client-", 0).factory())) {
                for (int t = 0; t < THREADS; t++) {
                    SeededRandom mine = random.split();
                    int thread = t;
                    workers.add(pool.submit(() -> {
                        for (int i = 0; i < PER_THREAD; i++) {
                            acknowledged.addAndGet(work(bank, mine, "w" + thread + "-" + i));
                            if (i == PER_THREAD / 2 && done.incrementAndGet() == THREADS) {
                                snapshots.release.countDown(); // everyone went on well past the capture
                            }
                        }
                        return null;
                    }));
                }
                try {
                    for (Future<?> worker : workers) {
                        worker.get(120, TimeUnit.SECONDS);
                    }
                } finally {
                    snapshots.release.countDown(); // a failed client must not leave the snapshot (and close) waiting
                }
            }
            assertThat(snapshots.submitted.await(0, TimeUnit.SECONDS)).isTrue();
            assertThat(bank.audit().ok()).isTrue();
        }
        try (BankingSystem reopened = BankingSystem.open(options)) {
            assertThat(reopened.recoverySummary().orElseThrow()).startsWith("snapshot at LSN");
            assertThat(reopened.audit().ok()).isTrue();
            long total = 0;
            for (String id : ACCOUNTS) {
                Balance balance = reopened.balance(id).orElseThrow();
                assertThat(balance.debitsPending()).as(id).isZero();
                total += balance.posted().minorUnits();
            }
            assertThat(total).isEqualTo(100_000L * ACCOUNTS.length);
            long stored = 0;
            for (int t = 0; t < THREADS; t++) {
                for (int i = 0; i < PER_THREAD; i++) {
                    stored += reopened.lookupTransfer("w" + t + "-" + i).isPresent() ? 1 : 0;
                    stored += reopened.lookupTransfer("w" + t + "-" + i + "c").isPresent() ? 1 : 0;
                }
            }
            assertThat(stored).isEqualTo(acknowledged.get());
        }
    }

    /** A transfer, a hold posted or voided, or a chain of two that may roll back; returns the transfers it created. */
    private static long work(BankingSystem bank, SeededRandom random, String id) {
        String from = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
        String to = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
        Money amount = Money.ofMinor(random.nextLong(1, 3_000), "USD");
        int dice = random.nextInt(10);
        if (dice < 3) {
            TransferOutcome held = bank.transfer(NewTransfer.pending(id, from, to, amount, "", Duration.ofHours(1)));
            if (held.result() != TransferResult.OK) {
                return 0;
            }
            TransferOutcome resolved = random.chance(1, 2) ? bank.post(id, null) : bank.voidPending(id);
            assertThat(resolved.result()).isEqualTo(TransferResult.OK);
            return 1;
        }
        if (dice < 5) {
            Money second = random.chance(1, 3) ? Money.ofMinor(1, "EUR") : amount; // EUR fails: the chain rolls back
            ChainOutcome chain = bank.transferLinked(List.of(
                    NewTransfer.of(id, from, to, amount, "chain"), NewTransfer.of(id + "c", to, from, second, "")));
            return chain.result() == TransferResult.OK ? 2 : 0;
        }
        return bank.transfer(NewTransfer.of(id, from, to, amount, "")).result() == TransferResult.OK ? 1 : 0;
    }
}
