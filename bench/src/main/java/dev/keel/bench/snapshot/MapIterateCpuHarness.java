package dev.keel.bench.snapshot;

import dev.keel.bench.ThreadCpuTime;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CPU time per whole-map iteration of one library, for comparisons on a loaded machine: at a load average of 15-25
 * JMH's wall-clock error bars at 1M entries are wider than the scores, while the CPU time the measuring thread itself
 * spends is disturbed far less (the caches it shares still are). It runs {@link MapIterateBenchmark}'s own fixture and
 * code, one library per JVM as JMH's forks do (so each map is built, and laid out by the collector, as in the
 * benchmark), warms up, then prints the median and the spread of the CPU milliseconds per iteration over 15 batches.
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.snapshot.MapIterateCpuHarness iterate|forEach MAP KEYS SIZE}, for
 * example {@code iterate clojure String 1048576}; compare libraries run one after the other, and repeat.
 */
public final class MapIterateCpuHarness {

    private static final int BATCHES = 15;
    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final long BATCH_NANOS = 300_000_000L;

    private MapIterateCpuHarness() {}

    public static void main(String[] args) {
        if (args.length != 4 || !(args[0].equals("iterate") || args[0].equals("forEach"))) {
            System.err.println("usage: MapIterateCpuHarness iterate|forEach MAP KEYS SIZE"
                    + " (for example: iterate clojure String 1048576)");
            System.exit(2);
        }
        MapIterateBenchmark benchmark = new MapIterateBenchmark();
        benchmark.map = args[1];
        benchmark.keys = args[2];
        benchmark.size = Integer.parseInt(args[3]);
        benchmark.buildMap();
        boolean forEach = args[0].equals("forEach");
        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        double[] nanosPerOp = ThreadCpuTime.sortedNanosPerOperation(
                () -> run(benchmark, forEach, blackhole), WARM_UP_NANOS, BATCHES, BATCH_NANOS);
        blackhole.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
        System.out.printf(
                Locale.ROOT,
                "%s %s %s %d cpu ms/op median %.3f min %.3f max %.3f%n",
                args[0],
                args[1],
                args[2],
                benchmark.size,
                nanosPerOp[BATCHES / 2] / 1e6,
                nanosPerOp[0] / 1e6,
                nanosPerOp[BATCHES - 1] / 1e6);
    }

    private static void run(MapIterateBenchmark benchmark, boolean forEach, Blackhole blackhole) {
        if (forEach) {
            benchmark.forEach(blackhole);
        } else {
            benchmark.iterate(blackhole);
        }
    }
}
