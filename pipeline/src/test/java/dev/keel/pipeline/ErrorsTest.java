package dev.keel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Bad input is refused with a message naming the value; a failing function is reported with its element's index. */
final class ErrorsTest {

    private static final LazyPipeline<Integer> NUMBERS = LazyPipeline.range(0, 10);

    @Test
    void counts_thatAreNegativeOrZero_areRefusedWhenBuilding() {
        assertThatThrownBy(() -> NUMBERS.take(-1)).hasMessage("take: n (-1) must not be negative");
        assertThatThrownBy(() -> NUMBERS.skip(-2)).hasMessage("skip: n (-2) must not be negative");
        assertThatThrownBy(() -> NUMBERS.chunked(0)).hasMessage("chunked: size (0) must be positive");
        assertThatThrownBy(() -> NUMBERS.windowed(0)).hasMessage("windowed: size (0) must be positive");
        assertThatThrownBy(() -> NUMBERS.windowed(2, -1, true)).hasMessage("windowed: step (-1) must be positive");
        assertThatThrownBy(() -> NUMBERS.mapConcurrent(0, x -> x))
                .hasMessage("mapConcurrent: maxConcurrency (0) must be positive");
        assertThatThrownBy(() -> LazyPipeline.rangeClosed(0, Integer.MAX_VALUE))
                .hasMessageContaining("rangeClosed: to (2147483647)");
        assertThatThrownBy(() -> IntPipeline.range(0, 3).take(-5)).hasMessage("take: n (-5) must not be negative");
    }

    @Test
    void nulls_areRefusedWithTheParameterName() {
        assertThatThrownBy(() -> NUMBERS.map(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("mapper");
        assertThatThrownBy(() -> NUMBERS.filter(null)).hasMessage("predicate");
        assertThatThrownBy(() -> NUMBERS.zip(null)).hasMessage("other");
        assertThatThrownBy(() -> LazyPipeline.of(1, null, 3))
                .hasMessage("of: element 1 is null (expected: no null elements)");
        assertThatThrownBy(() -> LazyPipeline.from((Iterable<Integer>) null)).hasMessage("iterable");
    }

    @Test
    void aFailingFunction_isReportedWithTheOperationAndTheElementsIndex() {
        Function<Integer, Integer> failAtSeven = x -> {
            if (x == 7) {
                throw new ArithmeticException("seven");
            }
            return x;
        };
        assertThatThrownBy(
                        () -> NUMBERS.filter(x -> x % 2 == 1).map(failAtSeven).toList())
                .isInstanceOfSatisfying(PipelineException.class, e -> {
                    assertThat(e.code()).isEqualTo(PipelineException.Code.FUNCTION_FAILED);
                    assertThat(e.operation()).isEqualTo("map");
                    assertThat(e.index()).as("7 is the 4th odd number").isEqualTo(3);
                    assertThat(e.getCause()).isInstanceOf(ArithmeticException.class);
                })
                .hasMessage("map failed at element 3: java.lang.ArithmeticException: seven");

        assertThatThrownBy(() -> NUMBERS.filter(x -> 10 / (x - 4) > -100).toList())
                .isInstanceOfSatisfying(PipelineException.class, e -> {
                    assertThat(e.operation()).isEqualTo("filter");
                    assertThat(e.index()).isEqualTo(4);
                });
        assertThatThrownBy(() -> NUMBERS.forEach(x -> failAtSeven.apply(x)))
                .isInstanceOfSatisfying(PipelineException.class, e -> {
                    assertThat(e.operation()).isEqualTo("forEach");
                    assertThat(e.index()).isEqualTo(7);
                });
        assertThatThrownBy(() -> NUMBERS.reduce((a, b) -> failAtSeven.apply(b)))
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.index()).isEqualTo(7));
    }

    @Test
    void aFailureInANestedPipeline_keepsTheInnermostPosition() {
        assertThatThrownBy(() -> NUMBERS.flatMap(x -> LazyPipeline.of(1, 0).map(y -> x / y))
                        .toList())
                .isInstanceOfSatisfying(PipelineException.class, e -> {
                    assertThat(e.operation()).isEqualTo("map");
                    assertThat(e.index()).isEqualTo(1);
                });
    }

    @Test
    void aFailingFunctionInAPrimitiveChain_isReportedWithTheSourcePosition() {
        assertThatThrownBy(() -> IntPipeline.range(10, 20)
                        .filter(x -> x % 2 == 1)
                        .map(x -> 100 / (x - 15))
                        .sum())
                .isInstanceOfSatisfying(PipelineException.class, e -> {
                    assertThat(e.operation()).isEqualTo("map");
                    assertThat(e.index())
                            .as("15 is at position 5 of range(10, 20)")
                            .isEqualTo(5);
                    assertThat(e.getCause()).isInstanceOf(ArithmeticException.class);
                })
                .hasMessageStartingWith("map failed at element 5 of the source");
        assertThatThrownBy(() -> LongPipeline.of(1, 2, 3)
                        .peek(x -> {
                            if (x == 3) {
                                throw new IllegalStateException("three");
                            }
                        })
                        .toList())
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.index()).isEqualTo(2));
        assertThatThrownBy(() ->
                        IntPipeline.range(0, 5).filter(x -> 1 / (x - 3) > 9).first())
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.index()).isEqualTo(3));
    }

    @Test
    void toMap_duplicateKey_namesTheKeyAndBothValues() {
        assertThatThrownBy(() -> LazyPipeline.of("a", "b", "cc").toMap(String::length, s -> s))
                .hasMessageContaining("toMap failed at element 1")
                .hasRootCauseMessage("duplicate key 1 (values a and b; pass a merge function to combine them)");
    }

    @Test
    void iterator_pastTheEnd_throwsNoSuchElement() {
        PipelineIterator<Integer> iterator = LazyPipeline.of(1).iterator();
        assertThat(iterator.next()).isEqualTo(1);
        assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void sums_thatOverflow_throwInsteadOfWrapping() {
        assertThatThrownBy(() -> LongPipeline.of(Long.MAX_VALUE, 1).sum()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void parallel_overAnUnsplittableSource_failsClearlyWhenBuilding() {
        assertThatThrownBy(() -> NUMBERS.take(3).parallel()).hasMessageContaining("parallel() needs a splittable");
    }
}
