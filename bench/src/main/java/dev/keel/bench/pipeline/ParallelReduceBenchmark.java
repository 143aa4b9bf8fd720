package dev.keel.bench.pipeline;

import dev.keel.bench.KeelBenchmark;
import dev.keel.pipeline.LazyPipeline;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A CPU-bound function (32 rounds of a 64-bit LCG, about 30 ns) reduced over 10M elements, sequentially and in
 * parallel on the common ForkJoin pool: keel's {@code parallel()} against its own sequential run (the speed-up; the
 * issue's goal is at least 1.7x on 2 cores) and against the JDK's parallel {@code Stream}.
 *
 * <p>Run: {@code ./keel bench pipeline.ParallelReduce -f 1 -wi 2 -i 3 -w 1s -r 1s}; results in
 * {@code bench/results/pipeline-*.md}. The speed-up needs idle cores: on a loaded machine it measures the load.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParallelReduceBenchmark extends KeelBenchmark {

    static final int SIZE = 10_000_000;

    @Param({"keel-sequential", "keel-parallel", "jdk-sequential", "jdk-parallel"})
    public String run;

    static long cpuBound(int x) {
        long h = x;
        for (int i = 0; i < 32; i++) {
            h = h * 6364136223846793005L + 1442695040888963407L;
        }
        return h >>> 33;
    }

    @Benchmark
    public long reduce() {
        return switch (run) {
            case "keel-sequential" ->
                LazyPipeline.range(0, SIZE)
                        .map(ParallelReduceBenchmark::cpuBound)
                        .reduce(0L, Long::sum);
            case "keel-parallel" ->
                LazyPipeline.range(0, SIZE)
                        .parallel()
                        .map(ParallelReduceBenchmark::cpuBound)
                        .reduce(0L, Long::sum);
            case "jdk-sequential" ->
                IntStream.range(0, SIZE)
                        .boxed()
                        .map(ParallelReduceBenchmark::cpuBound)
                        .reduce(0L, Long::sum);
            case "jdk-parallel" ->
                IntStream.range(0, SIZE)
                        .boxed()
                        .parallel()
                        .map(ParallelReduceBenchmark::cpuBound)
                        .reduce(0L, Long::sum);
            default -> throw new IllegalArgumentException("library: " + run);
        };
    }
}
