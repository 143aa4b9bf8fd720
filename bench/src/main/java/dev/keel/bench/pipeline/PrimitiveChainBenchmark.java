package dev.keel.bench.pipeline;

import dev.keel.bench.KeelBenchmark;
import dev.keel.pipeline.IntPipeline;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import one.util.streamex.IntStreamEx;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Map-filter-sum over the 10M ints of a range, without boxing: keel's {@code IntPipeline} against the JDK's
 * {@code IntStream} and StreamEx's {@code IntStreamEx}. Every library sums into a {@code long} (the JDK and StreamEx
 * through {@code asLongStream()}, keel's {@code sum()} with an overflow check), so all compute the same number. The
 * issue's goal: keel at least 0.9x {@code IntStream}.
 *
 * <p>Run: {@code ./keel bench pipeline.PrimitiveChainBenchmark -p library=keel,jdk-intstream -f 5 -wi 3 -i 5 -w 1s
 * -r 1s}; results in {@code bench/results/pipeline-*.md}. Several forks, compared by their medians: each JVM's C2 may
 * compile the loop to a faster or a slower shape depending on when it compiles it (docs/pipeline.md, session 5).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PrimitiveChainBenchmark extends KeelBenchmark {

    static final int SIZE = 10_000_000;

    @Param({"keel", "jdk-intstream", "streamex"})
    public String library;

    @Benchmark
    public long mapFilterSum() {
        return switch (library) {
            case "keel" ->
                IntPipeline.range(0, SIZE)
                        .map(x -> x * 3)
                        .filter(x -> (x & 1) == 0)
                        .sum();
            case "jdk-intstream" ->
                IntStream.range(0, SIZE)
                        .map(x -> x * 3)
                        .filter(x -> (x & 1) == 0)
                        .asLongStream()
                        .sum();
            case "streamex" ->
                IntStreamEx.range(0, SIZE)
                        .map(x -> x * 3)
                        .filter(x -> (x & 1) == 0)
                        .asLongStream()
                        .sum();
            default -> throw new IllegalArgumentException("library: " + library);
        };
    }
}
