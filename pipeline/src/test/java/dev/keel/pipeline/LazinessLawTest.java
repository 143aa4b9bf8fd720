package dev.keel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The laziness law: a run pulls from its source exactly the elements its answer needs. For every operation and every
 * {@code take(k)}, the number pulled from a counting source is compared with the least prefix of the source that
 * already gives the same answer: {@code pulled == needed} when the answer has k elements; when it has fewer, the run
 * had to see the end (one element more, as for {@code takeWhile}, or the rest of a finite source). sorted needs the
 * whole source; mapConcurrent may pull its window ahead.
 */
@Timeout(60)
final class LazinessLawTest {

    static Stream<Operators.Case> operators() {
        return Operators.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void everyOperation_takeK_pullsOnlyWhatTheAnswerNeeds(Operators.Case operation) {
        for (int k = 0; k <= 8; k++) {
            for (boolean infinite : new boolean[] {false, true}) {
                if (infinite && operation.needsAll()) {
                    continue;
                }
                CountingSource source = infinite ? CountingSource.infinite() : CountingSource.upTo(20);
                List<?> answer =
                        operation.apply().apply(source.pipeline()).take(k).toList();
                String context = operation + " take(" + k + ") over " + (infinite ? "an infinite" : "a 20-element")
                        + " source: " + answer;
                if (operation.needsAll()) {
                    assertThat(source.pulled()).as(context).isEqualTo(k == 0 ? 0 : 20);
                    continue;
                }
                int needed = leastPrefixGiving(operation, answer, k, infinite ? Integer.MAX_VALUE : 20);
                if (answer.size() == k) {
                    assertThat(source.pulled()).as(context).isBetween(needed, needed + operation.lookahead());
                } else if (infinite) {
                    // the operation itself saw its end: one element more than the answer needed
                    assertThat(source.pulled()).as(context).isBetween(needed, needed + 1 + operation.lookahead());
                } else {
                    // fewer than k: the run had to find the end, either the operation's or the source's
                    assertThat(source.pulled()).as(context).isBetween(needed, 20);
                }
            }
        }
    }

    /** The least m such that the operation over the source's first m elements gives the same first k answers. */
    private static int leastPrefixGiving(Operators.Case operation, List<?> answer, int k, int limit) {
        for (int m = 0; m <= Math.min(limit, 10_000); m++) {
            List<?> fromPrefix = operation
                    .apply()
                    .apply(CountingSource.upTo(m).pipeline())
                    .take(k)
                    .toList();
            if (fromPrefix.equals(answer)) {
                return m;
            }
        }
        throw new AssertionError(operation + ": no prefix gives " + answer);
    }

    @Test
    void seedExample_takeFiveSquaresOfEvens_pullsTenNumbers() {
        List<Integer> pulled = new ArrayList<>();
        List<Integer> result = LazyPipeline.range(1, 100)
                .peek(pulled::add)
                .filter(x -> x % 2 == 0)
                .map(x -> x * x)
                .take(5)
                .toList();

        assertThat(result).containsExactly(4, 16, 36, 64, 100);
        assertThat(pulled).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void shortCircuitingTerminals_onAnInfiniteSource_stopAtTheDecisiveElement() {
        CountingSource first = CountingSource.infinite();
        assertThat(first.pipeline().first()).contains(1);
        assertThat(first.pulled()).isEqualTo(1);

        CountingSource any = CountingSource.infinite();
        assertThat(any.pipeline().anyMatch(x -> x == 5)).isTrue();
        assertThat(any.pulled()).isEqualTo(5);

        CountingSource all = CountingSource.infinite();
        assertThat(all.pipeline().allMatch(x -> x < 7)).isFalse();
        assertThat(all.pulled()).isEqualTo(7);

        CountingSource none = CountingSource.infinite();
        assertThat(none.pipeline().noneMatch(x -> x == 3)).isFalse();
        assertThat(none.pulled()).isEqualTo(3);
    }

    @Test
    void iterator_pullsOneElementPerNext() {
        CountingSource source = CountingSource.infinite();
        try (PipelineIterator<Integer> iterator =
                source.pipeline().filter(x -> x % 2 == 1).iterator()) {
            assertThat(source.pulled()).isZero();
            assertThat(iterator.next()).isEqualTo(1);
            assertThat(source.pulled()).isEqualTo(1);
            assertThat(iterator.hasNext()).isTrue();
            assertThat(source.pulled()).isEqualTo(3);
            assertThat(iterator.next()).isEqualTo(3);
            assertThat(source.pulled()).isEqualTo(3);
        }
    }

    @Test
    void building_aPipeline_pullsNothing() {
        CountingSource source = CountingSource.infinite();
        LazyPipeline<?> unused =
                source.pipeline().map(x -> x + 1).sorted().windowed(3).zipWithIndex();
        assertThat(unused).isNotNull();
        assertThat(source.pulled()).isZero();
    }

    @Test
    void primitiveChains_takeK_pullOnlyWhatTheyNeed() {
        int[] pulled = {0};
        long sum = IntPipeline.range(0, 1_000_000)
                .peek(x -> pulled[0]++)
                .filter(x -> x % 3 == 0)
                .map(x -> x * 2)
                .take(4)
                .sum();
        assertThat(sum).isEqualTo(0 + 6 + 12 + 18);
        assertThat(pulled[0]).isEqualTo(10);
    }
}
