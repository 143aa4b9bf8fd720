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
 * A flatMap-heavy chain: 1M outer elements, each expanded into an inner range of 8 of the same library, then mapped,
 * filtered and summed (8M inner elements, 1M inner pipelines built and closed). Peers: the JDK's {@code Stream},
 * StreamEx, jOOλ's {@code Seq}, Vavr's {@code Stream}.
 *
 * <p>Run: {@code ./keel bench pipeline.FlatMap -f 1 -wi 2 -i 3 -w 1s -r 1s}; results in
 * {@code bench/results/pipeline-*.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FlatMapBenchmark extends KeelBenchmark {

    static final int OUTER = 1_000_000;
    static final int INNER = 8;

    @Param({"keel", "jdk-stream", "streamex", "jool", "vavr"})
    public String library;

    @Benchmark
    public long flatMapChain() {
        return switch (library) {
            case "keel" ->
                LazyPipeline.range(0, OUTER)
                        .flatMap(x -> LazyPipeline.range(x, x + INNER))
                        .map(x -> x ^ 0x5bd1e995)
                        .filter(x -> (x & 3) != 0)
                        .fold(0L, (sum, x) -> sum + x);
            case "jdk-stream" ->
                IntStream.range(0, OUTER)
                        .boxed()
                        .flatMap(x -> IntStream.range(x, x + INNER).boxed())
                        .map(x -> x ^ 0x5bd1e995)
                        .filter(x -> (x & 3) != 0)
                        .reduce(0L, (sum, x) -> sum + x, Long::sum);
            case "streamex" ->
                IntStreamEx.range(0, OUTER)
                        .boxed()
                        .flatMap(x -> IntStreamEx.range(x, x + INNER).boxed())
                        .map(x -> x ^ 0x5bd1e995)
                        .filter(x -> (x & 3) != 0)
                        .foldLeft(0L, (sum, x) -> sum + x);
            case "jool" ->
                Seq.range(0, OUTER)
                        .flatMap(x -> Seq.range(x, x + INNER))
                        .map(x -> x ^ 0x5bd1e995)
                        .filter(x -> (x & 3) != 0)
                        .foldLeft(0L, (sum, x) -> sum + x);
            case "vavr" ->
                io.vavr.collection.Stream.range(0, OUTER)
                        .flatMap(x -> io.vavr.collection.Stream.range(x, x + INNER))
                        .map(x -> x ^ 0x5bd1e995)
                        .filter(x -> (x & 3) != 0)
                        .foldLeft(0L, (sum, x) -> sum + x);
            default -> throw new IllegalArgumentException("library: " + library);
        };
    }
}
