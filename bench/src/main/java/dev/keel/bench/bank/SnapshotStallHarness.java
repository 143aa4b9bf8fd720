package dev.keel.bench.bank;

import dev.keel.bank.BankOptions;
import dev.keel.bank.BankingSystem;
import dev.keel.bank.Money;
import dev.keel.bank.NewAccount;
import dev.keel.bank.NewTransfer;
import dev.keel.bench.ScratchDirectory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * How long requests wait while the ledger writes a snapshot: 1,000 accounts, then N transfers in batches of 8,000 into
 * a durable ledger whose first automatic snapshot falls due at N/2 events, while one probe thread sends single transfers
 * and records each one's latency. The longest probe latency around the automatic snapshot is the stall requests see
 * (the sequencer only captures the ledger's view; the snapshot is encoded and forced off its thread, so this should be
 * the same as in a run without a snapshot); the same run then times a synchronous
 * {@code snapshot()} of the same ledger (encode, write, force, rename, force the directory), which is what every
 * request waited for when snapshots were written whole on the sequencer's thread, with the sequencer thread's CPU time
 * during it (the encoding), which a loaded machine does not distort as it does the wall time.
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.bank.SnapshotStallHarness [transfers, default 1000000]}.
 */
public final class SnapshotStallHarness {

    private SnapshotStallHarness() {}

    public static void main(String[] args) throws Exception {
        int transfers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (ScratchDirectory scratch = ScratchDirectory.create("keel-bank-stall")) {
            Path dir = scratch.path();
            BankOptions options =
                    BankOptions.builder(dir).snapshotEvery(transfers / 2).build();
            try (BankingSystem bank = BankingSystem.open(options)) {
                for (int i = 0; i < 1_000; i++) {
                    bank.createAccount(NewAccount.customer("a" + i, "owner", Money.of("1000000000", "USD")));
                }
                AtomicBoolean loading = new AtomicBoolean(true);
                long[] worst = new long[2]; // nanoseconds, and when (nanoTime) it ended
                Thread probe = Thread.ofPlatform().name("keel-bench-probe").start(() -> {
                    long n = 0;
                    while (loading.get()) {
                        long start = System.nanoTime();
                        bank.transfer(NewTransfer.of("probe-" + n++, "a0", "a1", Money.ofMinor(1, "USD"), ""));
                        long took = System.nanoTime() - start;
                        if (took > worst[0]) {
                            worst[0] = took;
                            worst[1] = System.nanoTime();
                        }
                    }
                });
                long loadStart = System.nanoTime();
                load(bank, transfers);
                loading.set(false);
                probe.join();
                boolean snapshotted = Files.exists(dir.resolve("ledger.snapshot"));
                long snapshotBytes = snapshotted ? Files.size(dir.resolve("ledger.snapshot")) : 0;
                System.out.printf(
                        Locale.ROOT,
                        "%,d transfers loaded in %.1f s; automatic snapshot at N/2 %s (%,d bytes); longest"
                                + " single-transfer latency during the load: %.1f ms, ending %.1f s into it%n",
                        transfers,
                        (System.nanoTime() - loadStart) / 1e9,
                        snapshotted ? "written" : "NOT written",
                        snapshotBytes,
                        worst[0] / 1e6,
                        (worst[1] - loadStart) / 1e9);
                long sequencerCpu = sequencerCpuNanos();
                long start = System.nanoTime();
                bank.snapshot();
                long took = System.nanoTime() - start;
                System.out.printf(
                        Locale.ROOT,
                        "synchronous snapshot() of the whole ledger (%,d bytes): %.1f ms, of which the sequencer"
                                + " thread's CPU time (the encoding; what a loaded machine does not distort): %.1f ms%n",
                        Files.size(dir.resolve("ledger.snapshot")),
                        took / 1e6,
                        (sequencerCpuNanos() - sequencerCpu) / 1e6);
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(file -> System.out.println("  " + file.getFileName()));
            }
        }
    }

    /** CPU time so far of the ledger's sequencer thread (found by its name), in nanoseconds. */
    private static long sequencerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("keel-bank-sequencer"))
                .mapToLong(thread -> threads.getThreadCpuTime(thread.threadId()))
                .sum();
    }

    private static void load(BankingSystem bank, int transfers) {
        SplittableRandom random = new SplittableRandom(1);
        for (int done = 0; done < transfers; ) {
            List<NewTransfer> batch = new ArrayList<>(8_000);
            for (int i = 0; i < 8_000 && done < transfers; i++, done++) {
                int from = 2 + random.nextInt(998);
                int to = 2 + (from - 2 + 1 + random.nextInt(997)) % 998;
                batch.add(NewTransfer.of(
                        "transfer-" + done, "a" + from, "a" + to, Money.ofMinor(1 + random.nextInt(100), "USD"), ""));
            }
            bank.transferAll(batch);
        }
    }
}
