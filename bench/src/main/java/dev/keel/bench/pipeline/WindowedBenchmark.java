package dev.keel.bench.pipeline;

import dev.keel.bench.KeelBenchmark;
import dev.keel.pipeline.LazyPipeline;
import java.util.concurrent.TimeUnit;
import java.util.stream.Gatherers;
import java.util.stream.IntStream;
import org.jooq.lambda.Seq;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Sliding windows of 16 over 1M boxed integers, every element of every window read (so a lazy window view cannot
 * win by not being looked at): keel's {@code windowed(16)} against {@code Gatherers.windowSliding(16)}, jOOλ's
 * {@code Seq.sliding(16)} and Vavr's {@code Stream.sliding(16)}. The goal: keel at least 2x
 * {@code Gatherers.windowSliding(16)}.
 *
 * <p>Run: {@code ./keel bench pipeline.Windowed -f 1 -wi 2 -i 3 -w 1s -r 1s}; results in
 * {@code bench/results/pipeline-*.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WindowedBenchmark extends KeelBenchmark {

    static final int SIZE = 1_000_000;
    static final int WINDOW = 16;

    @Param({"keel", "jdk-gatherers", "jool", "vavr"})
    public String library;

    private static long sumOf(Iterable<Integer> window) {
        long sum = 0;
        for (int value : window) {
            sum += value;
        }
        return sum;
    }

    @Benchmark
    public long windowedSum() {
        return switch (library) {
            case "keel" -> LazyPipeline.range(0, SIZE).windowed(WINDOW).fold(0L, (sum, window) -> sum + sumOf(window));
            case "jdk-gatherers" ->
                IntStream.range(0, SIZE)
                        .boxed()
                        .gather(Gatherers.windowSliding(WINDOW))
                        .reduce(0L, (sum, window) -> sum + sumOf(window), Long::sum);
            case "jool" -> Seq.range(0, SIZE).sliding(WINDOW).foldLeft(0L, (sum, window) -> sum + sumOf(window));
            case "vavr" ->
                io.vavr.collection.Stream.range(0, SIZE)
                        .sliding(WINDOW)
                        .foldLeft(0L, (sum, window) -> sum + sumOf(window));
            default -> throw new IllegalArgumentException("library: " + library);
        };
    }
}
