package dev.keel.bench.snapshot;

import dev.keel.bench.ThreadCpuTime;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CPU time per operation of one library, for comparisons on a loaded machine: at a load average of 10-25 JMH's
 * wall-clock error bars at 1M entries are wider than the scores, while the CPU time the measuring thread itself
 * spends is disturbed far less (the caches it shares still are). It runs the JMH benchmarks' own fixture and code
 * ({@link MapIterateBenchmark}, {@link MapUpdateBenchmark}), one library per JVM as JMH's forks do (so each map is
 * built, and laid out by the collector, as in the benchmark), warms up, then prints the median and the spread of the
 * CPU time per operation over 15 batches (a whole-map walk in microseconds, an update in nanoseconds).
 *
 * <p>The measuring thread's CPU time leaves out the collector's threads: for the updates, which allocate a path per
 * call, it is the cost of the trie code and its cache misses, not of collecting what it threw away ({@code -prof gc}
 * on the JMH benchmark gives the bytes allocated per operation for that).
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.snapshot.MapCpuHarness OPERATION MAP KEYS SIZE}, OPERATION one of
 * iterate, forEach, insert, delete; for example {@code insert scala String 1048576}; compare libraries run one after
 * the other, and repeat. For walks of small maps give the JVM the flags JMH gives its forks, so that
 * {@code Blackhole.consume} is the compiler's blackhole (nearly free), not the fallback that steps a random number per
 * call and now and then keeps the object (keel at 16 String keys: 0.049 us per walk with it, 0.018 without): {@code java -DcompilerBlackholesEnabled=true -XX:+UnlockExperimentalVMOptions
 * -XX:CompileCommand=blackhole,org/openjdk/jmh/infra/Blackhole.consumeCompiler -cp bench/target/benchmarks.jar
 * dev.keel.bench.snapshot.MapCpuHarness iterate keel String 16}.
 */
public final class MapCpuHarness {

    private static final int BATCHES = 15;
    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final long BATCH_NANOS = 300_000_000L;

    /** Updates per timed call: reading the thread's CPU clock costs about as much as one update. */
    private static final int UPDATES_PER_CALL = 1024;

    /**
     * Entries walked per timed call, at least: a walk of 16 entries takes about 30 ns, far less than a read of the
     * thread's CPU clock, so small maps are walked many times per call (2^16 / size walks).
     */
    private static final int ENTRIES_PER_CALL = 1 << 16;

    private MapCpuHarness() {}

    public static void main(String[] args) {
        if (args.length != 4 || !args[0].matches("iterate|forEach|insert|delete")) {
            System.err.println("usage: MapCpuHarness iterate|forEach|insert|delete MAP KEYS SIZE"
                    + " (for example: insert scala String 1048576)");
            System.exit(2);
        }
        String operation = args[0];
        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        Runnable call;
        int perCall;
        MapFixture fixture;
        if (operation.equals("iterate") || operation.equals("forEach")) {
            MapIterateBenchmark benchmark = new MapIterateBenchmark();
            fixture = benchmark;
            int walks = Math.max(1, ENTRIES_PER_CALL / Integer.parseInt(args[3]));
            call = operation.equals("iterate")
                    ? () -> {
                        for (int i = 0; i < walks; i++) {
                            benchmark.iterate(blackhole);
                        }
                    }
                    : () -> {
                        for (int i = 0; i < walks; i++) {
                            benchmark.forEach(blackhole);
                        }
                    };
            perCall = walks;
        } else {
            MapUpdateBenchmark benchmark = new MapUpdateBenchmark();
            fixture = benchmark;
            boolean insert = operation.equals("insert");
            call = () -> {
                for (int i = 0; i < UPDATES_PER_CALL; i++) {
                    blackhole.consume(insert ? benchmark.insert() : benchmark.delete());
                }
            };
            perCall = UPDATES_PER_CALL;
        }
        fixture.map = args[1];
        fixture.keys = args[2];
        fixture.size = Integer.parseInt(args[3]);
        fixture.buildMap();
        double[] nanosPerCall = ThreadCpuTime.sortedNanosPerOperation(call, WARM_UP_NANOS, BATCHES, BATCH_NANOS);
        blackhole.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
        boolean updates = !(operation.equals("iterate") || operation.equals("forEach"));
        double scale = updates ? perCall : perCall * 1e3; // updates in ns, whole-map walks in us
        System.out.printf(
                Locale.ROOT,
                "%s %s %s %d cpu %s/op median %.4f min %.4f max %.4f%n",
                operation,
                fixture.map,
                fixture.keys,
                fixture.size,
                updates ? "ns" : "us",
                nanosPerCall[BATCHES / 2] / scale,
                nanosPerCall[0] / scale,
                nanosPerCall[BATCHES - 1] / scale);
    }
}
