package dev.keel.bench.bank;

import dev.keel.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * A closed-loop load generator: N client threads, each with its own connection, each making one transfer at a time as
 * fast as answers come back, for a warm-up and then a measured window; latency per transfer in a per-thread
 * HdrHistogram (merged after the threads are joined, so measuring adds no shared write).
 *
 * <p>The accounts a transfer touches: uniform over all accounts, or "hot", where 90% of transfers debit or credit
 * account 0 (the hot-account case: one merchant, one settlement account). Transfer ids are unique per run.
 * A transfer is counted if it started inside the window. Not thread-safe: one run at a time.
 */
final class TransferLoad {

    /** The measured outcome of one run. */
    record Result(
            int clients,
            long transfers,
            long refused,
            long elapsedNanos,
            long p50Nanos,
            long p99Nanos,
            CpuMeter.Reading cpu) {
        long perSecond() {
            return Math.round(transfers * 1e9 / elapsedNanos);
        }

        /** CPU microseconds per transfer in the window, of the whole harness JVM and of its ledger threads. */
        double processMicrosPerTransfer() {
            return transfers == 0 ? 0 : cpu.processNanos() / 1e3 / transfers;
        }

        double ledgerMicrosPerTransfer() {
            return transfers == 0 ? 0 : cpu.ledgerNanos() / 1e3 / transfers;
        }

        double switchesPerTransfer() {
            return transfers == 0 ? 0 : (double) cpu.voluntarySwitches() / transfers;
        }

        double ledgerKernelMicrosPerTransfer() {
            return transfers == 0 ? 0 : cpu.ledgerKernelNanos() / 1e3 / transfers;
        }
    }

    private static final int WARMUP = 0;
    private static final int MEASURE = 1;
    private static final int STOP = 2;

    private final Duration warmup;
    private final Duration measurement;
    private final Ticker ticker = Ticker.system();
    private final CpuMeter cpuMeter = new CpuMeter();

    TransferLoad(Duration warmup, Duration measurement) {
        this.warmup = warmup;
        this.measurement = measurement;
    }

    Result run(TransferTarget target, int clients, int accounts, boolean hot, String runId) throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        AtomicInteger phase = new AtomicInteger(WARMUP);
        List<Lane> lanes = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            lanes.add(new Lane(target.newClient(), new SplittableRandom(c * 7919L + runId.hashCode())));
        }
        for (int c = 0; c < clients; c++) {
            Lane lane = lanes.get(c);
            String prefix = runId + "-" + c + "-";
            threads.add(Thread.ofPlatform().name("bank-load-" + c).start(() -> {
                try (lane.client) {
                    for (long i = 0; ; i++) {
                        int now = phase.get();
                        if (now == STOP) {
                            return;
                        }
                        int from;
                        int to;
                        if (hot && lane.random.nextInt(10) < 9) {
                            int other = 1 + lane.random.nextInt(accounts - 1);
                            boolean debitHot = lane.random.nextBoolean();
                            from = debitHot ? 0 : other;
                            to = debitHot ? other : 0;
                        } else {
                            from = lane.random.nextInt(accounts);
                            to = (from + 1 + lane.random.nextInt(accounts - 1)) % accounts;
                        }
                        long start = ticker.read();
                        boolean ok = lane.client.transfer(prefix + i, from, to, 1 + lane.random.nextInt(100));
                        long took = ticker.read() - start;
                        if (now == MEASURE) {
                            lane.histogram.recordValue(Math.min(took, TimeUnit.SECONDS.toNanos(60)));
                            if (ok) {
                                lane.transfers++;
                            } else {
                                lane.refused++;
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    failed.countDown();
                }
            }));
        }
        long opened = 0;
        long closed = 0;
        CpuMeter.Reading cpuAtOpen = new CpuMeter.Reading(0, 0, 0, 0);
        CpuMeter.Reading cpuAtClose = cpuAtOpen;
        try {
            if (!failed.await(warmup.toNanos(), TimeUnit.NANOSECONDS)) {
                cpuAtOpen = cpuMeter.read();
                phase.set(MEASURE);
                opened = ticker.read();
                failed.await(measurement.toNanos(), TimeUnit.NANOSECONDS);
                closed = ticker.read();
                cpuAtClose = cpuMeter.read();
            }
        } finally {
            phase.set(STOP);
            for (Thread thread : threads) {
                if (!thread.join(Duration.ofSeconds(60))) {
                    throw new IllegalStateException(thread.getName() + " did not stop within 60 s");
                }
            }
        }
        Throwable error = failure.get();
        if (error != null) {
            throw new IllegalStateException("a client of " + target.name() + " failed: " + error, error);
        }
        Histogram merged = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long transfers = 0;
        long refused = 0;
        for (Lane lane : lanes) {
            merged.add(lane.histogram);
            transfers += lane.transfers;
            refused += lane.refused;
        }
        return new Result(
                clients,
                transfers,
                refused,
                closed - opened,
                merged.getValueAtPercentile(50),
                merged.getValueAtPercentile(99),
                cpuAtClose.minus(cpuAtOpen));
    }

    /** One client thread's connection, randomness and measurements; read by the main thread after the join. */
    private static final class Lane {
        final TransferTarget.Client client;
        final SplittableRandom random;
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long transfers;
        long refused;

        Lane(TransferTarget.Client client, SplittableRandom random) {
            this.client = client;
            this.random = random;
        }
    }
}
