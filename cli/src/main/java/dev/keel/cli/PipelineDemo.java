package dev.keel.cli;

import dev.keel.pipeline.IntPipeline;
import dev.keel.pipeline.LazyPipeline;
import java.io.PrintWriter;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pipelines' tour: the seed example with the number of elements it pulled, an infinite source cut short by
 * take, and mapConcurrent handing results out in input order while its tasks finish in another.
 */
final class PipelineDemo {

    private final PrintWriter out;

    PipelineDemo(PrintWriter out) {
        this.out = out;
    }

    void run() {
        seedExample();
        out.println();
        infiniteSource();
        out.println();
        orderedConcurrency();
        out.flush();
    }

    private void seedExample() {
        AtomicInteger pulled = new AtomicInteger();
        List<Integer> result = LazyPipeline.range(1, 100)
                .peek(x -> pulled.incrementAndGet())
                .filter(x -> x % 2 == 0)
                .map(x -> x * x)
                .take(5)
                .toList();
        out.println("The seed example: LazyPipeline.range(1, 100).filter(x -> x % 2 == 0).map(x -> x * x).take(5)");
        out.println("  result: " + result);
        out.println("  pulled from the source: " + pulled.get() + " of 99 numbers (1..10: take stops the pull loop"
                + " the moment it has 5)");
    }

    private void infiniteSource() {
        AtomicInteger pulled = new AtomicInteger();
        List<Long> primes = LazyPipeline.iterate(2L, n -> n + 1)
                .peek(n -> pulled.incrementAndGet())
                .filter(PipelineDemo::isPrime)
                .take(10)
                .toList();
        out.println("An infinite source cut by take: iterate(2, n -> n + 1).filter(isPrime).take(10)");
        out.println("  " + primes + " after pulling " + pulled.get() + " numbers");
        List<List<Integer>> windows =
                LazyPipeline.iterate(1, n -> n * 2).windowed(3).take(3).toList();
        out.println("  powers of two, windowed(3).take(3): " + windows);
        out.println("  primitive chain, no boxing: IntPipeline.range(0, 1_000_000).map(x -> x * 3).filter(x -> x % 2"
                + " == 0).sum() = "
                + IntPipeline.range(0, 1_000_000)
                        .map(x -> x * 3)
                        .filter(x -> x % 2 == 0)
                        .sum());
    }

    private void orderedConcurrency() {
        Queue<Integer> completed = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        List<String> results = LazyPipeline.range(0, 8)
                .mapConcurrent(8, i -> {
                    simulatedIo(80 - 10 * i); // later elements answer sooner
                    completed.add(i);
                    return "r" + i;
                })
                .toList();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        out.println("mapConcurrent(8, simulated I/O of 80 ms for element 0 down to 10 ms for element 7)");
        out.println("  tasks finished in the order: " + completed);
        out.println("  results handed out in input order: " + results);
        out.println("  wall time " + millis + " ms (sequentially: 360 ms); every task thread was joined before"
                + " toList returned");
    }

    private static boolean isPrime(long n) {
        for (long d = 2; d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return n >= 2;
    }

    /** Stands in for a network call: the task's thread blocks, which is what virtual threads are for. */
    private static void simulatedIo(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
