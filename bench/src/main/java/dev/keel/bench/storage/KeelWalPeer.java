package dev.keel.bench.storage;

import dev.keel.bench.ScratchDirectory;
import dev.keel.storage.SyncPolicy;
import dev.keel.storage.WalOptions;
import dev.keel.storage.WalStats;
import dev.keel.storage.WriteAheadLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * keel's {@link WriteAheadLog} under load: N threads calling {@code append} (one record per call) or
 * {@code appendBatch} (a batch per call) on one log, in a fresh directory per run with default segments, for each
 * {@link SyncPolicy}. Besides throughput and latency it reads the log's own {@link WalStats} at both edges of the
 * measured window, so the report can show how many records each force carried: the group-commit factor, which is
 * what decides throughput under {@link SyncPolicy#ALWAYS}.
 *
 * <p>Run (as a section of): {@code ./keel bench run dev.keel.bench.storage.WalAppendHarness}
 *
 * <p>Not thread-safe: one run at a time, from the main thread.
 */
final class KeelWalPeer {

    /**
     * One run's measurement. Immutable.
     *
     * @param load what the threads measured
     * @param records records the log counted in the window
     * @param forces forces the log counted in the window
     */
    record Run(LoadResult load, long records, long forces) {
        /** Records per force in the window, or empty if nothing was forced (under {@link SyncPolicy#NONE}). */
        OptionalDouble recordsPerForce() {
            return forces == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) records / forces);
        }
    }

    private final LoadRunner runner;
    private final Path parent;

    KeelWalPeer(LoadRunner runner, Path parent) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.parent = Objects.requireNonNull(parent, "parent");
    }

    /** {@code threads} threads each appending {@code payloadSize}-byte records one at a time under {@code policy}. */
    Run append(SyncPolicy policy, int payloadSize, int threads) throws Exception {
        return run("keel-append", policy, threads, index -> {
            byte[] payload = RecordBytes.payload(payloadSize, index);
            return log -> () -> {
                log.append(payload);
                return 1;
            };
        });
    }

    /** {@code threads} threads each appending batches of {@code batchSize} records of {@code payloadSize} bytes. */
    Run appendBatch(SyncPolicy policy, int payloadSize, int batchSize, int threads) throws Exception {
        return run("keel-batch", policy, threads, index -> {
            List<byte[]> batch = new ArrayList<>(batchSize);
            for (int i = 0; i < batchSize; i++) {
                batch.add(RecordBytes.payload(payloadSize, (long) index * batchSize + i));
            }
            List<byte[]> frozen = List.copyOf(batch);
            return log -> () -> {
                log.appendBatch(frozen);
                return batchSize;
            };
        });
    }

    /** Makes thread {@code index}'s worker once the log is open. */
    @FunctionalInterface
    private interface LogWorkerFactory {
        LogWorker forThread(int index);
    }

    @FunctionalInterface
    private interface LogWorker {
        LoadRunner.Worker on(WriteAheadLog log);
    }

    private Run run(String name, SyncPolicy policy, int threads, LogWorkerFactory workers) throws Exception {
        WalOptions options = WalOptions.builder().syncPolicy(policy).build();
        try (ScratchDirectory directory = ScratchDirectory.create(parent, "keel-wal-");
                WriteAheadLog log = WriteAheadLog.open(directory.path(), options)) {
            StatsWindow window = new StatsWindow(log);
            LoadResult load = runner.run(
                    name + "-" + threads + "t",
                    threads,
                    index -> workers.forThread(index).on(log),
                    window);
            return new Run(load, window.records(), window.forces());
        }
    }

    /** Samples the log's counters when the window opens and closes. Confined to the main thread. */
    private static final class StatsWindow implements LoadRunner.WindowObserver {
        private final WriteAheadLog log;
        private @Nullable WalStats opened;
        private @Nullable WalStats closed;

        StatsWindow(WriteAheadLog log) {
            this.log = log;
        }

        @Override
        public void opened() {
            opened = log.stats();
        }

        @Override
        public void closed() {
            closed = log.stats();
        }

        long records() {
            return ends().closed().records() - ends().opened().records();
        }

        long forces() {
            return ends().closed().forces() - ends().opened().forces();
        }

        private Ends ends() {
            if (opened == null || closed == null) {
                throw new IllegalStateException("the measured window of " + log + " never closed");
            }
            return new Ends(opened, closed);
        }

        private record Ends(WalStats opened, WalStats closed) {}
    }
}
