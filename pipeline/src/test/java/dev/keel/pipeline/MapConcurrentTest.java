package dev.keel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * mapConcurrent: input order under random latencies, at most maxConcurrency results held, the first failure cancelling
 * the rest, early exit cancelling the rest, and no task thread alive when the terminal operation returns. Every test is
 * bounded in time; tasks that would block forever are released only by interruption.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(SeedExtension.class)
final class MapConcurrentTest {

    /** Records each task's thread, so that the test can check none is alive afterwards. */
    private final Queue<Thread> taskThreads = new ConcurrentLinkedQueue<>();

    private <T, R> Function<T, R> recorded(Function<T, R> function) {
        return element -> {
            taskThreads.add(Thread.currentThread());
            return function.apply(element);
        };
    }

    private void assertNoTaskThreadAlive() {
        assertThat(taskThreads)
                .isNotEmpty()
                .allSatisfy(thread ->
                        assertThat(thread.isAlive()).as("%s alive", thread).isFalse());
    }

    @Test
    void ordered_underRandomLatencies_keepsInputOrder(SeededRandom random) {
        long[] latencies = new long[200];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = random.nextLong(0, 2_000_000);
        }
        List<Integer> result = LazyPipeline.range(0, latencies.length)
                .mapConcurrent(16, recorded(i -> {
                    simulateIo(latencies[i]);
                    return i * 2;
                }))
                .toList();

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < latencies.length; i++) {
            expected.add(i * 2);
        }
        assertThat(result).isEqualTo(expected);
        assertNoTaskThreadAlive();
        assertThat(taskThreads)
                .allSatisfy(thread -> assertThat(thread.isVirtual()).isTrue());
    }

    @Test
    void window_holdsAtMostMaxConcurrencyElements_andFillsUp() throws Exception {
        int max = 4;
        AtomicInteger pulled = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        AtomicInteger worstHeld = new AtomicInteger();
        CyclicBarrier allRunning = new CyclicBarrier(max);

        LazyPipeline.range(0, 40)
                .peek(x -> worstHeld.accumulateAndGet(pulled.incrementAndGet() - consumed.get(), Math::max))
                .mapConcurrent(max, recorded(x -> {
                    if (x < max) {
                        await(allRunning); // proves the first max tasks run at the same time
                    }
                    return x;
                }))
                .forEach(x -> consumed.incrementAndGet());

        assertThat(consumed).hasValue(40);
        assertThat(worstHeld.get()).isEqualTo(max);
        assertNoTaskThreadAlive();
    }

    @Test
    void firstFailure_cancelsTheOtherTasks_andIsRethrownWithItsIndex() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();

        assertThatThrownBy(() -> LazyPipeline.range(0, 100)
                        .mapConcurrent(8, recorded(x -> {
                            if (x == 5) {
                                throw new IllegalStateException("task 5 failed");
                            }
                            try {
                                never.await();
                            } catch (InterruptedException e) {
                                interrupted.incrementAndGet();
                                Thread.currentThread().interrupt();
                            }
                            return x;
                        }))
                        .toList())
                .isInstanceOfSatisfying(PipelineException.class, e -> {
                    assertThat(e.code()).isEqualTo(PipelineException.Code.TASK_FAILED);
                    assertThat(e.index()).isEqualTo(5);
                    assertThat(e.getCause()).hasMessage("task 5 failed");
                });

        assertThat(interrupted).as("the seven blocked tasks were interrupted").hasValue(7);
        assertNoTaskThreadAlive();
    }

    @Test
    void earlyExit_cancelsTheTasksStillRunning() {
        CountDownLatch never = new CountDownLatch(1);
        List<Integer> firstTwo = LazyPipeline.range(0, 1_000)
                .mapConcurrent(10, recorded(x -> {
                    if (x >= 2) {
                        awaitUninterruptedOrExit(never);
                    }
                    return x;
                }))
                .take(2)
                .toList();

        assertThat(firstTwo).containsExactly(0, 1);
        assertThat(taskThreads).hasSizeLessThanOrEqualTo(12);
        assertNoTaskThreadAlive();
    }

    @Test
    void exceptionDownstream_cancelsTheTasks() {
        CountDownLatch never = new CountDownLatch(1);
        assertThatThrownBy(() -> LazyPipeline.range(0, 100)
                        .mapConcurrent(5, recorded(x -> {
                            if (x > 0) {
                                awaitUninterruptedOrExit(never);
                            }
                            return x;
                        }))
                        .forEach(x -> {
                            throw new IllegalArgumentException("consumer failed");
                        }))
                .hasRootCauseMessage("consumer failed");
        assertNoTaskThreadAlive();
    }

    /** Element 0 finishes only after element 1 has been handed out, which an ordered stage could never do. */
    @Test
    void unordered_handsOutResultsAsTheyComplete() {
        CountDownLatch oneHandedOut = new CountDownLatch(1);
        List<Integer> result = LazyPipeline.of(0, 1)
                .mapConcurrentUnordered(2, recorded(x -> {
                    if (x == 0) {
                        await(oneHandedOut);
                    }
                    return x;
                }))
                .peek(x -> {
                    if (x == 1) {
                        oneHandedOut.countDown();
                    }
                })
                .toList();

        assertThat(result).containsExactly(1, 0);
        assertNoTaskThreadAlive();
    }

    @Test
    void unordered_underRandomLatencies_givesEveryResultOnce(SeededRandom random) {
        long[] latencies = new long[100];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = random.nextLong(0, 1_000_000);
        }
        List<Integer> result = LazyPipeline.range(0, 100)
                .mapConcurrentUnordered(8, recorded(i -> {
                    simulateIo(latencies[i]);
                    return i;
                }))
                .toList();
        assertThat(result)
                .containsExactlyInAnyOrderElementsOf(LazyPipeline.range(0, 100).toList());
        assertNoTaskThreadAlive();
    }

    @Test
    void interruptedConsumer_cancelsTheTasks_andKeepsItsInterruptFlag() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Throwable[] outcome = new Throwable[1];
        boolean[] flagAfter = new boolean[1];
        Thread consumer = Thread.ofPlatform().name("mapConcurrent-consumer").start(() -> {
            try {
                LazyPipeline.range(0, 10)
                        .mapConcurrent(3, recorded(x -> {
                            started.countDown();
                            awaitUninterruptedOrExit(never);
                            return x;
                        }))
                        .toList();
            } catch (Throwable t) {
                outcome[0] = t;
            }
            flagAfter[0] = Thread.currentThread().isInterrupted();
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        consumer.interrupt();
        consumer.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(consumer.isAlive()).isFalse();
        assertThat(outcome[0])
                .isInstanceOfSatisfying(
                        PipelineException.class,
                        e -> assertThat(e.code()).isEqualTo(PipelineException.Code.INTERRUPTED));
        assertThat(flagAfter[0]).isTrue();
        assertNoTaskThreadAlive();
    }

    /**
     * Stress: random window sizes, latencies, failing elements and early exits. Whatever happens, the answer is a
     * correct prefix or the injected failure, and no task thread is alive afterwards.
     */
    @Test
    void randomRuns_withFailuresAndEarlyExits_neverLeakAndAreEitherCorrectOrTheFailure(SeededRandom random) {
        for (int trial = 0; trial < 40; trial++) {
            int size = random.nextInt(0, 60);
            int max = random.nextInt(1, 10);
            int failAt = random.chance(1, 2) ? random.nextInt(0, 60) : -1;
            int take = random.nextInt(0, 70);
            long[] latencies = new long[size];
            for (int i = 0; i < size; i++) {
                latencies[i] = random.nextLong(0, 300_000);
            }
            boolean ordered = random.chance(1, 2);
            Function<Integer, Integer> task = recorded(i -> {
                simulateIo(latencies[i]);
                if (i == failAt) {
                    throw new IllegalStateException("injected at " + i);
                }
                return i;
            });
            LazyPipeline<Integer> source = LazyPipeline.range(0, size);
            LazyPipeline<Integer> mapped =
                    ordered ? source.mapConcurrent(max, task) : source.mapConcurrentUnordered(max, task);
            String context = "trial " + trial + ": size " + size + ", max " + max + ", failAt " + failAt + ", take "
                    + take + (ordered ? ", ordered" : ", unordered");
            try {
                List<Integer> result = mapped.take(take).toList();
                int expectedSize = Math.min(take, size);
                assertThat(result).as(context).hasSize(expectedSize);
                if (ordered) {
                    assertThat(result)
                            .as(context)
                            .isEqualTo(LazyPipeline.range(0, expectedSize).toList());
                }
                assertThat(result).as(context).doesNotContain(failAt);
            } catch (PipelineException e) {
                assertThat(e.code()).as(context).isEqualTo(PipelineException.Code.TASK_FAILED);
                assertThat(e.index()).as(context).isEqualTo(failAt);
            }
            if (!taskThreads.isEmpty()) {
                assertNoTaskThreadAlive();
            }
            taskThreads.clear();
        }
    }

    /** Simulated blocking I/O: sleeping is the work here, not a way of waiting for another thread. */
    private static void simulateIo(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released in 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the first tasks did not all run at once", e);
        }
    }

    /** Blocks until interrupted (the cancellation under test), or fails the task after 10 s. */
    private static void awaitUninterruptedOrExit(CountDownLatch never) {
        try {
            if (!never.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never cancelled");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
