package dev.keel.bench.storage;

import dev.keel.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Runs N named threads (platform, or virtual as a server's connections are) that each call their own {@link Worker} in a loop: a warm-up that is not recorded,
 * then a measured window, then a stop; returns the calls, records and merged per-call latency of the window.
 *
 * <p>How a run is designed, and why:
 *
 * <ul>
 *   <li>Each worker thread records into its own {@link Histogram} and counters, so measuring adds no shared write
 *       (a shared histogram or counter would be a second point of contention next to the one being measured). The
 *       main thread reads them after {@link Thread#join()}, which is what makes their plain fields visible to it.
 *   <li>The phase (warm-up, measure, stop) is one volatile field that only the main thread writes. A worker reads it
 *       before each call and records the call only if the window was open when the call <em>started</em>: a call that
 *       began in the warm-up is not counted, and one that began in the window is counted even if it ends just after
 *       the stop. Counting by start time is unbiased (calls straddle both edges alike), and the window's length is
 *       taken by the main thread between its two phase changes.
 *   <li>Platform threads, not virtual ones: an appender blocked in {@code fsync} pins its carrier anyway, and the
 *       question is how the log behaves under N real threads of a server.
 *   <li>The main thread waits for the warm-up and the window on a latch that a failing worker counts down, so a
 *       failure ends the run at once instead of after the window; it never sleeps to synchronise. Workers are joined
 *       with a bound, so a log that deadlocks fails the run with the thread names instead of hanging it.
 * </ul>
 *
 * <p>Not thread-safe: one run at a time, from one thread.
 */
final class LoadRunner {

    /** One thread's repeated operation. Called only from that thread. */
    @FunctionalInterface
    interface Worker {
        /** Does one operation; returns how many records it carried (1 for an append, the batch size for a batch). */
        int call() throws Exception;
    }

    /** Creates the worker of thread {@code index} (0-based); called on the main thread before any thread starts. */
    @FunctionalInterface
    interface WorkerFactory {
        Worker create(int index) throws Exception;
    }

    /** Told when the measured window opens and closes, on the main thread, e.g. to sample a log's counters. */
    interface WindowObserver {
        WindowObserver NONE = new WindowObserver() {};

        default void opened() {}

        default void closed() {}
    }

    private static final int WARMUP = 0;
    private static final int MEASURE = 1;
    private static final int STOP = 2;
    private static final Duration JOIN_BOUND = Duration.ofSeconds(60);

    private final Duration warmup;
    private final Duration measurement;
    private final Ticker ticker;
    private final boolean virtualThreads;

    LoadRunner(Duration warmup, Duration measurement, Ticker ticker, boolean virtualThreads) {
        this.virtualThreads = virtualThreads;
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup (" + warmup + ") must not be negative");
        }
        if (measurement.isNegative() || measurement.isZero()) {
            throw new IllegalArgumentException("measurement (" + measurement + ") must be positive");
        }
        this.warmup = warmup;
        this.measurement = measurement;
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    Duration warmup() {
        return warmup;
    }

    Duration measurement() {
        return measurement;
    }

    /**
     * Runs {@code threads} workers named {@code name-0 ... name-(threads-1)} through warm-up and measurement.
     *
     * @throws Exception the first failure of any worker (the others' are suppressed into it), after all are joined
     */
    LoadResult run(String name, int threads, WorkerFactory factory, WindowObserver observer) throws Exception {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads (" + threads + ") must be positive");
        }
        Run run = new Run();
        List<Thread> started = new ArrayList<>(threads);
        List<Lane> lanes = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            lanes.add(new Lane(factory.create(i)));
        }
        long openedAt = 0;
        long closedAt = 0;
        try {
            for (int i = 0; i < threads; i++) {
                Lane lane = lanes.get(i);
                Thread.Builder builder = virtualThreads ? Thread.ofVirtual() : Thread.ofPlatform();
                started.add(builder.name(name + "-" + i).start(() -> lane.loop(run)));
            }
            run.go.countDown();
            if (!run.awaitFailure(warmup)) {
                observer.opened();
                openedAt = ticker.read();
                run.phase = MEASURE;
                run.awaitFailure(measurement);
                run.phase = STOP;
                closedAt = ticker.read();
                observer.closed();
            }
        } finally {
            run.phase = STOP;
            run.go.countDown();
            joinAll(started, run);
        }
        Throwable failure = run.failure.get();
        if (failure instanceof Exception e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        } else if (failure != null) {
            throw new IllegalStateException(failure);
        }
        Histogram merged = LatencySummary.newHistogram();
        long calls = 0;
        long records = 0;
        for (Lane lane : lanes) {
            merged.add(lane.latency);
            calls += lane.calls;
            records += lane.records;
        }
        return new LoadResult(threads, calls, records, closedAt - openedAt, LatencySummary.of(merged));
    }

    private void joinAll(List<Thread> threads, Run run) throws InterruptedException {
        long deadline = ticker.read() + JOIN_BOUND.toNanos();
        List<String> stuck = new ArrayList<>();
        for (Thread thread : threads) {
            long left = deadline - ticker.read();
            if (left <= 0 || !thread.join(Duration.ofNanos(left))) {
                stuck.add(thread.getName());
            }
        }
        if (!stuck.isEmpty()) {
            run.fail(new IllegalStateException(
                    "worker threads " + stuck + " did not stop within " + JOIN_BOUND + " of the end of the run"));
        }
    }

    /** What the main thread and the workers share during one run. */
    private static final class Run {
        final CountDownLatch go = new CountDownLatch(1);
        final CountDownLatch failed = new CountDownLatch(1);
        final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        volatile int phase = WARMUP;

        void fail(Throwable error) {
            if (!failure.compareAndSet(null, error)) {
                Throwable first = failure.get();
                if (first != null && first != error) {
                    first.addSuppressed(error);
                }
            }
            phase = STOP;
            failed.countDown();
        }

        /** Waits {@code duration} unless a worker fails first; true if one did. */
        boolean awaitFailure(Duration duration) throws InterruptedException {
            return failed.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** One worker thread's loop and its confined measurements, read by the main thread only after the join. */
    private final class Lane {
        private final Worker worker;
        private final Histogram latency = LatencySummary.newHistogram();
        private long calls;
        private long records;

        Lane(Worker worker) {
            this.worker = worker;
        }

        void loop(Run run) {
            try {
                run.go.await();
                while (true) {
                    int phase = run.phase;
                    if (phase == STOP) {
                        return;
                    }
                    long start = ticker.read();
                    int carried = worker.call();
                    long end = ticker.read();
                    if (phase == MEASURE) {
                        LatencySummary.record(latency, end - start);
                        calls++;
                        records += carried;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.fail(e);
            } catch (Throwable e) {
                run.fail(e);
            }
        }
    }
}
