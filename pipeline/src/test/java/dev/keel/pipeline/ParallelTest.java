package dev.keel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** parallel() over splittable sources, and one pipeline run by several threads at once. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class ParallelTest {

    private static long cpuBound(int x) {
        long h = x;
        for (int i = 0; i < 50; i++) {
            h = h * 6364136223846793005L + 1442695040888963407L;
        }
        return h >>> 40;
    }

    @Test
    void reduce_ofACpuBoundFunction_equalsTheSequentialReduce() {
        LazyPipeline<Long> hashes = LazyPipeline.range(0, 200_000).map(ParallelTest::cpuBound);
        assertThat(hashes.parallel().reduce(0L, Long::sum)).isEqualTo(hashes.reduce(0L, Long::sum));
        assertThat(hashes.parallel().filter(h -> h % 2 == 0).count())
                .isEqualTo(hashes.filter(h -> h % 2 == 0).count());
    }

    @Test
    void parts_runOnSeveralThreadsOfTheExecutor() {
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
            CyclicBarrier twoAtOnce = new CyclicBarrier(2);
            AtomicInteger met = new AtomicInteger();
            List<Integer> result = LazyPipeline.of(1, 2, 3, 4, 5, 6, 7, 8)
                    .parallel(executor)
                    .map(x -> {
                        workers.add(Thread.currentThread());
                        if (met.getAndIncrement() < 2) {
                            try {
                                twoAtOnce.await(10, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new IllegalStateException("parts did not run concurrently", e);
                            }
                        }
                        return x * 10;
                    })
                    .toList();
            assertThat(result).containsExactly(10, 20, 30, 40, 50, 60, 70, 80);
        }
        assertThat(workers).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aFailingPart_isRethrown_afterEveryPartHasEnded() {
        LongAdder started = new LongAdder();
        LongAdder finished = new LongAdder();
        List<Integer> source = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            source.add(i);
        }
        try (ExecutorService executor = Executors.newFixedThreadPool(2)) {
            assertThatThrownBy(() -> LazyPipeline.from(source)
                            .parallel(executor)
                            .map(x -> {
                                started.increment();
                                if (x == 13) {
                                    throw new IllegalStateException("13");
                                }
                                finished.increment();
                                return x;
                            })
                            .toList())
                    .isInstanceOfSatisfying(PipelineException.class, e -> {
                        assertThat(e.operation()).isEqualTo("map");
                        assertThat(e.getCause()).hasMessage("13");
                        assertThat(started.sum())
                                .as("when the failure is rethrown, no call is still running")
                                .isEqualTo(finished.sum() + 1);
                    });
        }
        assertThat(finished.sum()).as("the other parts ran to their end").isGreaterThanOrEqualTo(32);
    }

    @Test
    void emptySource_givesEmptyResults() {
        assertThat(LazyPipeline.<Integer>of().parallel().toList()).isEmpty();
        assertThat(LazyPipeline.range(5, 5).parallel().reduce(Integer::sum)).isEmpty();
        assertThat(LazyPipeline.range(5, 5).parallel().reduce(7, Integer::sum)).isEqualTo(7);
    }

    @Test
    void onePipeline_runByManyThreadsAtOnce_givesEachTheSameAnswer() throws Exception {
        LazyPipeline<Integer> shared = LazyPipeline.range(0, 5_000)
                .filter(x -> x % 7 != 0)
                .windowed(3)
                .map(w -> w.get(0) + w.get(2))
                .distinct();
        List<Integer> expected = shared.toList();
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            List<Future<List<Integer>>> answers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                answers.add(executor.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    List<Integer> last = List.of();
                    for (int run = 0; run < 20; run++) {
                        last = shared.toList();
                    }
                    return last;
                }));
            }
            for (Future<List<Integer>> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        }
    }
}
