package dev.keel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * All scenarios agree: each operation's result is the same whether the run is a toList, an iterator, a forEach, a JDK
 * stream, a parallel run (where the operation keeps the pipeline splittable) or a short-circuiting run.
 */
@Timeout(60)
final class ScenariosAgreeTest {

    static Stream<Operators.Case> operators() {
        return Operators.all().stream();
    }

    private static LazyPipeline<Integer> source() {
        return LazyPipeline.range(1, 41);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void everyOperation_everyWayOfRunning_givesTheSameElements(Operators.Case operation) {
        LazyPipeline<?> pipeline = operation.apply().apply(source());
        List<?> expected = pipeline.toList();

        List<Object> viaIterator = new ArrayList<>();
        try (PipelineIterator<?> iterator = pipeline.iterator()) {
            iterator.forEachRemaining(viaIterator::add);
        }
        assertThat(viaIterator).as("iterator").isEqualTo(expected);

        List<Object> viaForEach = new ArrayList<>();
        pipeline.forEach(viaForEach::add);
        assertThat(viaForEach).as("forEach").isEqualTo(expected);

        try (Stream<?> stream = pipeline.toStream()) {
            assertThat(stream.toList()).as("toStream").isEqualTo(expected);
        }
        assertThat(pipeline.count()).as("count").isEqualTo(expected.size());
        assertThat(pipeline.fold(new ArrayList<>(), (list, x) -> {
                    list.add(x);
                    return list;
                }))
                .as("fold")
                .isEqualTo(expected);

        for (int k = 0; k <= expected.size() + 1; k += 3) {
            assertThat(pipeline.take(k).toList())
                    .as("take(%d)", k)
                    .isEqualTo(expected.subList(0, Math.min(k, expected.size())));
        }
        assertThat(pipeline.first().orElse(null)).as("first").isEqualTo(expected.isEmpty() ? null : expected.get(0));
        assertThat(pipeline.last().orElse(null))
                .as("last")
                .isEqualTo(expected.isEmpty() ? null : expected.get(expected.size() - 1));
    }

    @Test
    void statelessOperations_parallel_giveTheSequentialResult() {
        LazyPipeline<Integer> sequential = source().map(x -> x * 7)
                .filter(x -> x % 3 != 0)
                .flatMap(x -> LazyPipeline.of(x, x + 1))
                .<Integer>mapMulti((x, sink) -> {
                    if (x % 5 != 0) {
                        sink.accept(x);
                    }
                })
                .peek(x -> {});
        List<Integer> expected = sequential.toList();

        assertThat(sequential.parallel().toList()).isEqualTo(expected);
        assertThat(sequential.parallel().count()).isEqualTo(expected.size());
        assertThat(sequential.parallel().reduce(Integer::sum)).isEqualTo(sequential.reduce(Integer::sum));
        assertThat(sequential.parallel().map(x -> List.of(x)).reduce(List.of(), ScenariosAgreeTest::append))
                .as("an associative but not commutative reduction keeps input order")
                .isEqualTo(expected);
        try (ExecutorService executor = Executors.newFixedThreadPool(3)) {
            assertThat(sequential.parallel(executor).toList()).isEqualTo(expected);
        }
        assertThat(source().parallel().map(x -> x + 1).sequential().take(3).toList())
                .containsExactly(2, 3, 4);
    }

    private static <T> List<T> append(List<T> left, List<T> right) {
        List<T> both = new ArrayList<>(left);
        both.addAll(right);
        return both;
    }
}
