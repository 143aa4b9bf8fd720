package dev.keel.bench.pipeline;

import dev.keel.bench.KeelBenchmark;
import dev.keel.pipeline.LazyPipeline;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import one.util.streamex.IntStreamEx;
import org.jooq.lambda.Seq;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Map-filter-sum over 10M boxed integers: keel's {@code LazyPipeline} against the JDK's {@code Stream}, StreamEx,
 * jOOλ's {@code Seq} and Vavr's {@code Stream} (a memoising lazy list: its cost is the point of the comparison). Each
 * starts from its own boxed range and sums into a {@code long}. The goals: at least 1.0x the JDK's
 * {@code Stream} and 1.5x Vavr.
 *
 * <p>Run: {@code ./keel bench pipeline.BoxedChain -f 1 -wi 2 -i 3 -w 1s -r 1s}; results in
 * {@code bench/results/pipeline-*.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BoxedChainBenchmark extends KeelBenchmark {

    static final int SIZE = 10_000_000;

    @Param({"keel", "jdk-stream", "streamex", "jool", "vavr"})
    public String library;

    @Benchmark
    public long mapFilterSum() {
        return switch (library) {
            case "keel" ->
                LazyPipeline.range(0, SIZE)
                        .map(x -> x * 3)
                        .filter(x -> (x & 1) == 0)
                        .fold(0L, (sum, x) -> sum + x);
            case "jdk-stream" ->
                IntStream.range(0, SIZE)
                        .boxed()
                        .map(x -> x * 3)
                        .filter(x -> (x & 1) == 0)
                        .reduce(0L, (sum, x) -> sum + x, Long::sum);
            case "streamex" ->
                IntStreamEx.range(0, SIZE)
                        .boxed()
                        .map(x -> x * 3)
                        .filter(x -> (x & 1) == 0)
                        .foldLeft(0L, (sum, x) -> sum + x);
            case "jool" ->
                Seq.range(0, SIZE).map(x -> x * 3).filter(x -> (x & 1) == 0).foldLeft(0L, (sum, x) -> sum + x);
            case "vavr" ->
                io.vavr.collection.Stream.range(0, SIZE)
                        .map(x -> x * 3)
                        .filter(x -> (x & 1) == 0)
                        .foldLeft(0L, (sum, x) -> sum + x);
            default -> throw new IllegalArgumentException("library: " + library);
        };
    }
}
