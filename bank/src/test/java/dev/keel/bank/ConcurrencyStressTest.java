package dev.keel.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many threads transfer among a few hot accounts at once, with holds, posts and chains mixed in, while another
 * thread audits: no deadlock (everything finishes within a bound), no lost update (each account's balance is exactly
 * what the acknowledged transfers add up to), the books balance throughout.
 */
@ExtendWith(SeedExtension.class)
final class ConcurrencyStressTest {

    private static final int THREADS = 16;
    private static final int PER_THREAD = 2_000;
    private static final String[] ACCOUNTS = {"h0", "h1", "h2", "h3"};

    @TempDir
    Path dir;

    @Test
    void manyThreads_fewHotAccounts_conserveMoney_andAuditPassesThroughout(SeededRandom random) throws Exception {
        try (BankingSystem bank = BankingSystem.inMemory()) {
            stress(bank, random, PER_THREAD);
        }
    }

    /** The same, durable, with the sequencer gathering batches (it waits for clients coming back between forces). */
    @Test
    void manyThreads_durableWithCommitGather_conserveMoney_andAuditPassesThroughout(SeededRandom random)
            throws Exception {
        BankOptions options =
                BankOptions.builder(dir).commitGather(Duration.ofMillis(1)).build();
        try (BankingSystem bank = BankingSystem.open(options)) {
            stress(bank, random, 200);
        }
        try (BankingSystem reopened = BankingSystem.open(dir)) {
            assertThat(reopened.audit().ok()).isTrue();
        }
    }

    /** The same, durable, with overlapping forces (the sequencer writes, two threads force and answer). */
    @Test
    void manyThreads_durableWithOverlappingForces_conserveMoney_andAuditPassesThroughout(SeededRandom random)
            throws Exception {
        try (BankingSystem bank =
                BankingSystem.open(BankOptions.builder(dir).forceThreads(2).build())) {
            stress(bank, random, 200);
        }
        try (BankingSystem reopened = BankingSystem.open(dir)) {
            assertThat(reopened.audit().ok()).isTrue();
        }
    }

    private static void stress(BankingSystem bank, SeededRandom random, int perThread) throws Exception {
        for (String id : ACCOUNTS) {
            bank.createAccount(NewAccount.customer(id, id, Money.of("1000.00", "USD")));
        }
        Map<String, Long> expected = new ConcurrentHashMap<>();
        for (String id : ACCOUNTS) {
            expected.put(id, 100_000L);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(
                THREADS + 1, Thread.ofPlatform().name("stress-", 0).factory())) {
            for (int t = 0; t < THREADS; t++) {
                SeededRandom mine = random.split();
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        transferOnce(bank, mine, "w" + thread + "-" + i, expected);
                    }
                    return null;
                }));
            }
            Future<Integer> auditor = pool.submit(() -> {
                start.await();
                int audits = 0;
                while (!workers.stream().allMatch(Future::isDone)) {
                    AuditReport report = bank.audit();
                    assertThat(report.violations()).isEmpty();
                    audits++;
                }
                return audits;
            });
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            assertThat(auditor.get(60, TimeUnit.SECONDS)).isPositive();
        }
        long total = 0;
        for (String id : ACCOUNTS) {
            Balance balance = bank.balance(id).orElseThrow();
            assertThat(balance.posted().minorUnits()).as(id).isEqualTo(expected.get(id));
            assertThat(balance.debitsPending()).as(id).isZero();
            total += balance.posted().minorUnits();
        }
        assertThat(total).isEqualTo(400_000L);
        assertThat(bank.audit().ok()).isTrue();
    }

    /** One transfer (single-phase, or a hold then posted or voided); records what it moved when acknowledged. */
    private static void transferOnce(BankingSystem bank, SeededRandom random, String id, Map<String, Long> expected) {
        String from = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
        String to = ACCOUNTS[(indexOf(from) + 1 + random.nextInt(ACCOUNTS.length - 1)) % ACCOUNTS.length];
        Money amount = Money.ofMinor(random.nextLong(1, 5_000), "USD");
        TransferOutcome outcome;
        if (random.chance(1, 4)) {
            outcome = bank.transfer(NewTransfer.pending(id, from, to, amount, "", Duration.ofHours(1)));
            if (outcome.result() == TransferResult.OK) {
                outcome = random.chance(1, 2) ? bank.post(id, null) : bank.voidPending(id);
                if (outcome.result() == TransferResult.OK && outcome.transfer().status() == TransferStatus.VOIDED) {
                    return;
                }
            }
        } else {
            outcome = bank.transfer(NewTransfer.of(id, from, to, amount, ""));
        }
        if (outcome.result() == TransferResult.OK) {
            expected.merge(from, -amount.minorUnits(), Long::sum);
            expected.merge(to, amount.minorUnits(), Long::sum);
        } else {
            assertThat(outcome.result()).isEqualTo(TransferResult.INSUFFICIENT_FUNDS);
        }
    }

    private static int indexOf(String account) {
        return Integer.parseInt(account.substring(1));
    }
}
