package dev.keel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** IntPipeline and LongPipeline: the numeric chains without boxing. */
final class PrimitivePipelinesTest {

    @Test
    void intPipeline_numericChain() {
        IntPipeline evens = IntPipeline.rangeClosed(1, 10).filter(x -> x % 2 == 0);
        assertThat(evens.toArray()).containsExactly(2, 4, 6, 8, 10);
        assertThat(evens.sum()).isEqualTo(30);
        assertThat(evens.count()).isEqualTo(5);
        assertThat(evens.average()).hasValue(6.0);
        assertThat(evens.min()).hasValue(2);
        assertThat(evens.max()).hasValue(10);
        assertThat(evens.map(x -> x * x).reduce(0, Integer::sum)).isEqualTo(220);
        assertThat(evens.first()).hasValue(2);
        assertThat(evens.anyMatch(x -> x > 9)).isTrue();
        assertThat(evens.allMatch(x -> x % 2 == 0)).isTrue();
        assertThat(evens.noneMatch(x -> x == 3)).isTrue();
        assertThat(evens.skip(1).take(2).toList()).containsExactly(4, 6);
        assertThat(evens.mapToObj(x -> "n" + x).first()).contains("n2");
        assertThat(IntPipeline.of().average()).isEmpty();
        assertThat(IntPipeline.of().max()).isEmpty();
    }

    @Test
    void intSum_isExactBeyondTheIntRange() {
        assertThat(IntPipeline.of(Integer.MAX_VALUE, Integer.MAX_VALUE).sum()).isEqualTo(2L * Integer.MAX_VALUE);
    }

    @Test
    void longPipeline_numericChain() {
        LongPipeline big = LongPipeline.range(3_000_000_000L, 3_000_000_005L).map(x -> x * 2);
        assertThat(big.toArray())
                .containsExactly(6_000_000_000L, 6_000_000_002L, 6_000_000_004L, 6_000_000_006L, 6_000_000_008L);
        assertThat(big.sum()).isEqualTo(30_000_000_020L);
        assertThat(IntPipeline.range(0, 4).asLongPipeline().map(x -> x << 40).max())
                .hasValue(3L << 40);
        assertThat(LazyPipeline.of("a", "bb").mapToLong(String::length).boxed().toList())
                .containsExactly(1L, 2L);
    }

    /** IntPipeline runs on the long core: its values must still wrap around as ints do, at every stage. */
    @Test
    void intPipeline_onTheLongCore_keepsIntArithmetic() {
        int[] values = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0, 1 << 30};
        IntPipeline doubled = IntPipeline.of(values).map(x -> x * 2);
        assertThat(doubled.toArray())
                .containsExactly(
                        java.util.stream.IntStream.of(values).map(x -> x * 2).toArray());
        assertThat(doubled.filter(x -> x < 0).toList()).containsExactly(-2, -2, Integer.MIN_VALUE);
        assertThat(doubled.reduce(0, (a, b) -> a + b))
                .isEqualTo(java.util.stream.IntStream.of(values).map(x -> x * 2).reduce(0, Integer::sum));
        assertThat(doubled.max()).hasValue(0);
        assertThat(doubled.asLongPipeline().toArray()).containsExactly(-2L, 0L, -2L, 0L, -2_147_483_648L);
        assertThat(doubled.mapToObj(Integer::toHexString).first()).contains("fffffffe");
        assertThat(IntPipeline.of(values).sum())
                .isEqualTo(java.util.stream.IntStream.of(values).asLongStream().sum());
    }

    /** Ranges run with an int loop counter when they fit in an int, and a long one otherwise: both give the same. */
    @Test
    void ranges_atTheEdgesOfTheIntLoop_giveEveryValueOnce() {
        assertThat(IntPipeline.range(Integer.MAX_VALUE - 3, Integer.MAX_VALUE).toArray())
                .containsExactly(Integer.MAX_VALUE - 3, Integer.MAX_VALUE - 2, Integer.MAX_VALUE - 1);
        assertThat(IntPipeline.range(Integer.MIN_VALUE, Integer.MIN_VALUE + 2).toArray())
                .containsExactly(Integer.MIN_VALUE, Integer.MIN_VALUE + 1);
        assertThat(LongPipeline.range(Integer.MAX_VALUE - 1L, Integer.MAX_VALUE + 2L)
                        .toArray())
                .containsExactly(Integer.MAX_VALUE - 1L, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L);
        assertThat(LongPipeline.range(Integer.MIN_VALUE - 2L, Integer.MIN_VALUE + 1L)
                        .count())
                .isEqualTo(3);
        assertThat(LongPipeline.range(-5, 5).map(x -> x * x).sum()).isEqualTo(85);
        assertThat(IntPipeline.range(5, 5).count()).isZero();
    }

    /** mapToInt and mapToLong share one bridge; a failure still names the operation the caller wrote. */
    @Test
    void mapToIntAndMapToLong_failures_nameTheirOperation() {
        assertThatThrownBy(() ->
                        LazyPipeline.of("1", "x").mapToInt(Integer::parseInt).sum())
                .isInstanceOfSatisfying(PipelineException.class, e -> {
                    assertThat(e.operation()).isEqualTo("mapToInt");
                    assertThat(e.index()).isEqualTo(1);
                });
        assertThatThrownBy(() ->
                        LazyPipeline.of("1", "x").mapToLong(Long::parseLong).sum())
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.operation()).isEqualTo("mapToLong"));
    }

    /** A long range that does not fit the int loop reports the failing element's position like one that does. */
    @Test
    void aFailureInALongRange_beyondTheIntLoop_isReportedWithItsSourcePosition() {
        long from = Integer.MAX_VALUE - 2L;
        assertThatThrownBy(() -> LongPipeline.range(from, from + 10)
                        .map(x -> 10 / (x - from - 6))
                        .sum())
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.index()).isEqualTo(6));
        assertThatThrownBy(() -> IntPipeline.range(-3, 7).map(x -> 10 / (x - 4)).sum())
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.index()).isEqualTo(7));
    }

    /**
     * sum, count and reduce fold through the chain (each stage composes its function into the fold) instead of pushing
     * through it: the same answers, every element observed once, failures named with their operation and position.
     */
    @Test
    void reducingTerminals_foldThroughTheChain_likeTheBulkPath() {
        java.util.List<Long> observed = new java.util.ArrayList<>();
        IntPipeline chain = IntPipeline.range(-5, 15)
                .peek(x -> observed.add((long) x))
                .map(x -> x * 3)
                .filter(x -> x % 2 != 0);
        assertThat(chain.sum())
                .isEqualTo(java.util.stream.IntStream.range(-5, 15)
                        .map(x -> x * 3)
                        .filter(x -> x % 2 != 0)
                        .asLongStream()
                        .sum());
        assertThat(observed).hasSize(20).startsWith(-5L, -4L).endsWith(14L);
        assertThat(chain.count()).isEqualTo(10);
        assertThat(chain.reduce(1, (a, b) -> a * 31 + b))
                .isEqualTo(java.util.stream.IntStream.range(-5, 15)
                        .map(x -> x * 3)
                        .filter(x -> x % 2 != 0)
                        .reduce(1, (a, b) -> a * 31 + b));
        assertThat(LongPipeline.range(0, 10).skip(3).take(4).sum()).isEqualTo(3 + 4 + 5 + 6);
        assertThat(LongPipeline.of(4, 5, 6).map(x -> x * 2).count()).isEqualTo(3);
        assertThatThrownBy(() ->
                        IntPipeline.range(0, 9).filter(x -> 10 / (x - 7) != 0).count())
                .isInstanceOfSatisfying(PipelineException.class, e -> {
                    assertThat(e.operation()).isEqualTo("filter");
                    assertThat(e.index()).isEqualTo(7);
                });
        assertThatThrownBy(() -> LongPipeline.range(Integer.MAX_VALUE - 1L, Integer.MAX_VALUE + 5L)
                        .peek(x -> {
                            if (x == Integer.MAX_VALUE + 2L) {
                                throw new IllegalStateException("beyond the int loop");
                            }
                        })
                        .reduce(0, Long::sum))
                .isInstanceOfSatisfying(PipelineException.class, e -> {
                    assertThat(e.operation()).isEqualTo("peek");
                    assertThat(e.index()).isEqualTo(3);
                });
    }
}
