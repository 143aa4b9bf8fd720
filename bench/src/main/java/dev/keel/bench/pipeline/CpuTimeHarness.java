package dev.keel.bench.pipeline;

import dev.keel.bench.ThreadCpuTime;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * CPU time per operation of one single-threaded pipeline workload, for comparisons on a loaded machine: wall time
 * there measures the other processes (JMH's error bars at a load average of 20 are wider than the scores), while the
 * CPU time the measuring thread itself spends is disturbed far less (caches and the sibling hyper-thread still are).
 * It runs the JMH benchmarks' own code, one workload per JVM so that no other workload's types reach its call sites,
 * warms up, then prints the median and the spread of the CPU nanoseconds per operation over 15 batches.
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.pipeline.CpuTimeHarness WORKLOAD}, WORKLOAD one of
 * {@code primitive:keel}, {@code primitive:jdk-intstream}, {@code windowed:keel}, {@code windowed:jdk-gatherers}, {@code windowed-first:LIBRARY},
 * {@code boxed:keel}, {@code boxed:jdk-stream}; compare two workloads run one after the other, and repeat.
 */
public final class CpuTimeHarness {

    private static final int BATCHES = 15;
    private static final long WARM_UP_NANOS = 4_000_000_000L;
    private static final long BATCH_NANOS = 400_000_000L;

    private CpuTimeHarness() {}

    public static void main(String[] args) {
        if (args.length != 1 || !args[0].contains(":")) {
            System.err.println(
                    "usage: CpuTimeHarness primitive|windowed|windowed-first|boxed:LIBRARY (for example windowed:keel)");
            System.exit(2);
        }
        String[] parts = args[0].split(":", 2);
        LongSupplier operation = workload(parts[0], parts[1]);
        long[] sink = new long[1]; // the results, summed and printed, so the JIT cannot drop the work
        double[] nanosPerOp = ThreadCpuTime.sortedNanosPerOperation(
                () -> sink[0] += operation.getAsLong(), WARM_UP_NANOS, BATCHES, BATCH_NANOS);
        System.out.printf(
                Locale.ROOT,
                "%s cpu ms/op median %.3f min %.3f max %.3f (checksum %d)%n",
                args[0],
                nanosPerOp[BATCHES / 2] / 1e6,
                nanosPerOp[0] / 1e6,
                nanosPerOp[BATCHES - 1] / 1e6,
                sink[0]);
    }

    private static LongSupplier workload(String name, String library) {
        return switch (name) {
            case "primitive" -> {
                var benchmark = new PrimitiveChainBenchmark();
                benchmark.library = library;
                yield benchmark::mapFilterSum;
            }
            case "windowed" -> {
                var benchmark = new WindowedBenchmark();
                benchmark.library = library;
                yield benchmark::windowedSum;
            }
            case "windowed-first" -> {
                var benchmark = new WindowedBenchmark();
                benchmark.library = library;
                yield benchmark::windowedFirst;
            }
            case "boxed" -> {
                var benchmark = new BoxedChainBenchmark();
                benchmark.library = library;
                yield benchmark::mapFilterSum;
            }
            default ->
                throw new IllegalArgumentException(
                        "workload: " + name + " (expected primitive, windowed, windowed-first or boxed)");
        };
    }
}
