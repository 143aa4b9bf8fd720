package dev.keel.bench.pipeline;

import dev.keel.bench.KeelBenchmark;
import dev.keel.pipeline.LazyPipeline;
import java.util.concurrent.TimeUnit;
import java.util.stream.Gatherers;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ordered concurrent mapping of 2,000 tasks of 10 ms simulated blocking I/O, at most 64 at a time, on virtual threads:
 * keel's {@code mapConcurrent(64, f)} against the JDK's {@code Gatherers.mapConcurrent(64, f)}. The floor is
 * 2,000 / 64 x 10 ms = 313 ms; what is measured is how close each gets, and keel pays one thread join per element for
 * its guarantee that no task outlives the terminal operation. The goal: keel within 1.05x of the JDK's wall
 * time, with at most 64 results held (keel's bound is by construction and tested in {@code MapConcurrentTest}).
 *
 * <p>Run: {@code ./keel bench pipeline.MapConcurrent -f 1 -wi 2 -i 5}; results in {@code bench/results/pipeline-*.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class MapConcurrentBenchmark extends KeelBenchmark {

    static final int TASKS = 2_000;
    static final int CONCURRENCY = 64;

    @Param({"keel", "jdk-gatherers"})
    public String library;

    /** Stands in for a network call of 10 ms: the virtual thread blocks and releases its carrier. */
    static int simulatedIo(int x) {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return x * 2;
    }

    @Benchmark
    public long orderedMapConcurrent() {
        return switch (library) {
            case "keel" ->
                LazyPipeline.range(0, TASKS)
                        .mapConcurrent(CONCURRENCY, MapConcurrentBenchmark::simulatedIo)
                        .fold(0L, (sum, x) -> sum + x);
            case "jdk-gatherers" ->
                IntStream.range(0, TASKS)
                        .boxed()
                        .gather(Gatherers.mapConcurrent(CONCURRENCY, MapConcurrentBenchmark::simulatedIo))
                        .reduce(0L, (sum, x) -> sum + x, Long::sum);
            default -> throw new IllegalArgumentException("library: " + library);
        };
    }
}
