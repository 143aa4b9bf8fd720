package dev.keel.bench.pipeline;

import dev.keel.bench.KeelBenchmark;
import dev.keel.pipeline.IntPipeline;
import dev.keel.pipeline.LazyPipeline;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
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
 * {@code Gatherers.windowSliding(16)}. {@code hand-loop} is the floor: the same work as one plain loop with no window
 * objects, which no library handing out boxed windows can beat. {@code keel-int} is keel's windows over an
 * {@code IntPipeline} ({@code List<Integer>} views of unboxed storage, boxing a value only when it is read), which the
 * JDK has no counterpart of: the same consumer code, without the boxes that the others allocate per element.
 *
 * <p>{@link #windowedFirst} asks the other question: what the window machinery itself costs, with a consumer that reads
 * one element per window. In {@link #windowedSum} the consumer's 16 reads and unboxings per window are most of the
 * work and every library pays them alike, which bounds any library's ratio to the JDK's near the hand loop's;
 * {@code windowedFirst} shows the ratio of the libraries' own work (making a window: a view here, a copied array and
 * list in the JDK).
 *
 * <p>Run: {@code ./keel bench pipeline.WindowedBenchmark -p library=keel,keel-int,jdk-gatherers,hand-loop -f 2 -wi 3
 * -i 5 -w 1s -r 1s} (drop {@code -p} for every library); results in {@code bench/results/pipeline-*.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WindowedBenchmark extends KeelBenchmark {

    static final int SIZE = 1_000_000;
    static final int WINDOW = 16;

    @Param({"keel", "keel-int", "jdk-gatherers", "jool", "vavr", "hand-loop"})
    public String library;

    private static long sumOf(Iterable<Integer> window) {
        long sum = 0;
        for (int value : window) {
            sum += value;
        }
        return sum;
    }

    private static long firstOf(Iterable<Integer> window) {
        return window.iterator().next();
    }

    @Benchmark
    public long windowedSum() {
        return windows(WindowedBenchmark::sumOf, WINDOW);
    }

    /** The same windows, of which the consumer reads only the first element: the cost of making the windows. */
    @Benchmark
    public long windowedFirst() {
        return windows(WindowedBenchmark::firstOf, 1);
    }

    /**
     * Folds {@code read} of every window into a boxed {@code Long}; the hand loop reads the first
     * {@code handLoopReads} elements of each. One JVM runs one benchmark method, so {@code read} is one function there
     * and inlined.
     */
    private long windows(ToLongFunction<Iterable<Integer>> read, int handLoopReads) {
        return switch (library) {
            case "keel" ->
                LazyPipeline.range(0, SIZE).windowed(WINDOW).fold(0L, (sum, window) -> sum + read.applyAsLong(window));
            case "keel-int" ->
                IntPipeline.range(0, SIZE).windowed(WINDOW).fold(0L, (sum, window) -> sum + read.applyAsLong(window));
            case "jdk-gatherers" ->
                IntStream.range(0, SIZE)
                        .boxed()
                        .gather(Gatherers.windowSliding(WINDOW))
                        .reduce(0L, (sum, window) -> sum + read.applyAsLong(window), Long::sum);
            case "jool" ->
                Seq.range(0, SIZE).sliding(WINDOW).foldLeft(0L, (sum, window) -> sum + read.applyAsLong(window));
            case "vavr" ->
                io.vavr.collection.Stream.range(0, SIZE)
                        .sliding(WINDOW)
                        .foldLeft(0L, (sum, window) -> sum + read.applyAsLong(window));
            case "hand-loop" -> handLoop(handLoopReads);
            default -> throw new IllegalArgumentException("library: " + library);
        };
    }

    /**
     * The floor for any library that hands out boxed windows: the same work written as one loop with nothing to spare
     * (each int boxed once into a block, each window's 16 elements read by index, the sum folded into a boxed
     * {@code Long} as the others' folds do), and no window object at all. It reads the first {@code reads} elements of
     * each window: all of them for {@link #windowedSum}, one for {@link #windowedFirst}.
     */
    private static long handLoop(int reads) {
        Object[] block = new Object[1_024];
        int filled = 0;
        Long total = 0L;
        for (int i = 0; i < SIZE; i++) {
            if (filled == block.length) {
                Object[] next = new Object[block.length];
                System.arraycopy(block, filled - (WINDOW - 1), next, 0, WINDOW - 1);
                block = next;
                filled = WINDOW - 1;
            }
            block[filled++] = Integer.valueOf(i);
            if (filled >= WINDOW) {
                long sum = 0;
                for (int k = filled - WINDOW; k < filled - WINDOW + reads; k++) {
                    sum += (Integer) block[k];
                }
                total = total + sum;
            }
        }
        return total;
    }
}
