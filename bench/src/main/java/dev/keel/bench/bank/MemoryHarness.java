package dev.keel.bench.bank;

import dev.keel.bank.BankingSystem;
import dev.keel.bank.Money;
import dev.keel.bank.NewAccount;
import dev.keel.bank.NewTransfer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How much heap the ledger holds per transfer (every transfer and every statement line stays in memory): 1,000
 * accounts, then N transfers with ids like {@code transfer-123456} in batches of 8,000, and the heap in use after full
 * collections before and after. An estimate, as any heap measurement from inside the JVM is.
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.bank.MemoryHarness [transfers, default 1000000]} (give the JVM room:
 * the harness runs in the launcher's default heap, a quarter of the machine's memory).
 */
public final class MemoryHarness {

    private MemoryHarness() {}

    public static void main(String[] args) throws Exception {
        int transfers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (BankingSystem bank = BankingSystem.inMemory()) {
            for (int i = 0; i < 1_000; i++) {
                bank.createAccount(NewAccount.customer("a" + i, "owner", Money.of("1000000000", "USD")));
            }
            long before = heapInUse();
            SplittableRandom random = new SplittableRandom(1);
            for (int done = 0; done < transfers; ) {
                List<NewTransfer> batch = new ArrayList<>(8_000);
                for (int i = 0; i < 8_000 && done < transfers; i++, done++) {
                    int from = random.nextInt(1_000);
                    int to = (from + 1 + random.nextInt(999)) % 1_000;
                    batch.add(NewTransfer.of(
                            "transfer-" + done,
                            "a" + from,
                            "a" + to,
                            Money.ofMinor(1 + random.nextInt(100), "USD"),
                            "ref"));
                }
                bank.transferAll(batch);
            }
            long after = heapInUse();
            System.out.printf(
                    Locale.ROOT,
                    "%,d transfers: %.1f MB of heap, %.0f bytes per transfer%n",
                    transfers,
                    (after - before) / 1e6,
                    (after - before) / (double) transfers);
        }
    }

    /** Heap in use after full collections until it stops shrinking (at most five). */
    private static long heapInUse() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
