package dev.keel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

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
}
