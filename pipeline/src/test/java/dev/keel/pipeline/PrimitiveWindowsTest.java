package dev.keel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** IntPipeline's and LongPipeline's windows over unboxed blocks: the same windows as the object pipeline's. */
final class PrimitiveWindowsTest {

    /** The object pipeline's windows, themselves checked against Gatherers and java.util.stream elsewhere. */
    private static List<List<Integer>> reference(int n, int size, int step, boolean partial) {
        return LazyPipeline.range(0, n).windowed(size, step, partial).toList();
    }

    @Test
    void windowed_everySmallShape_equalsTheObjectPipelinesWindows_inBulkAndPullRuns() {
        for (int n = 0; n <= 20; n++) {
            for (int size = 1; size <= 5; size++) {
                for (int step = 1; step <= 6; step++) {
                    for (boolean partial : new boolean[] {false, true}) {
                        List<List<Integer>> expected = reference(n, size, step, partial);
                        LazyPipeline<List<Integer>> ours =
                                IntPipeline.range(0, n).windowed(size, step, partial);
                        String shape = "n=" + n + " size=" + size + " step=" + step + " partial=" + partial;
                        assertThat(ours.toList()).as(shape).isEqualTo(expected);
                        List<List<Integer>> pulled = new ArrayList<>();
                        ours.iterator().forEachRemaining(pulled::add);
                        assertThat(pulled).as(shape).isEqualTo(expected);
                        assertThat(ours.take(2).toList())
                                .as(shape)
                                .isEqualTo(expected.subList(0, Math.min(2, expected.size())));
                    }
                }
            }
        }
    }

    /** Past the first full block (1,024 slots, more for big windows) windows lie in blocks that carry values over. */
    @Test
    void windowed_acrossManyBlocks_equalsTheObjectPipelinesWindows() {
        int[][] shapes = {{16, 1}, {7, 3}, {200, 1}, {1, 1}, {300, 250}};
        for (int[] shape : shapes) {
            int n = 5_000;
            assertThat(IntPipeline.range(0, n)
                            .windowed(shape[0], shape[1], true)
                            .toList())
                    .as("size=" + shape[0] + " step=" + shape[1])
                    .isEqualTo(reference(n, shape[0], shape[1], true));
        }
        assertThat(IntPipeline.range(0, 3_000).chunked(64).toList())
                .isEqualTo(LazyPipeline.range(0, 3_000).chunked(64).toList());
    }

    /** A mix of pull and bulk in one run: the window a pull left ready is handed on first, then the rest. */
    @Test
    void windowed_pullThenBulk_continuesWhereThePullStopped() {
        List<List<Integer>> seen = new ArrayList<>();
        try (PipelineIterator<List<Integer>> run =
                IntPipeline.range(0, 10).windowed(4, 2, true).iterator()) {
            seen.add(run.next());
            run.forEachRemaining(seen::add);
        }
        assertThat(seen).isEqualTo(reference(10, 4, 2, true));
    }

    @Test
    void windowed_pullsOnlyUpToTheLastValueOfTheWindowsTaken() {
        AtomicLong pulled = new AtomicLong();
        List<List<Integer>> firstTwo = IntPipeline.range(0, Integer.MAX_VALUE)
                .peek(x -> pulled.incrementAndGet())
                .windowed(3)
                .take(2)
                .toList();
        assertThat(firstTwo).containsExactly(List.of(0, 1, 2), List.of(1, 2, 3));
        assertThat(pulled).hasValue(4);
    }

    @Test
    void longWindows_holdValuesBeyondTheIntRange_andChunkedKeepsTheShortTail() {
        long base = 5_000_000_000L;
        assertThat(LongPipeline.range(base, base + 5).chunked(2).toList())
                .containsExactly(List.of(base, base + 1), List.of(base + 2, base + 3), List.of(base + 4));
        assertThat(LongPipeline.of(1, 2, 3).windowed(2).toList()).containsExactly(List.of(1L, 2L), List.of(2L, 3L));
        assertThat(IntPipeline.of(-1, Integer.MIN_VALUE).windowed(2).first()).contains(List.of(-1, Integer.MIN_VALUE));
    }

    @Test
    void windows_areReadOnlyLists() {
        List<Integer> window = IntPipeline.range(0, 3).windowed(3).first().orElseThrow();
        assertThat(window).containsExactly(0, 1, 2).hasSize(3);
        assertThat(window.get(2)).isEqualTo(2);
        assertThatThrownBy(() -> window.add(3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> window.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        var values = window.iterator();
        values.forEachRemaining(v -> {});
        assertThatThrownBy(values::next).isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void windowed_badArguments_areRejectedWhenThePipelineIsBuilt() {
        assertThatThrownBy(() -> IntPipeline.range(0, 3).windowed(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("windowed: size (0) must be positive");
        assertThatThrownBy(() -> LongPipeline.range(0, 3).windowed(2, -1, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("windowed: step (-1) must be positive");
        assertThatThrownBy(() -> IntPipeline.range(0, 3).chunked(-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunked: size (-2) must be positive");
    }

    /** A failing function upstream of the windows is reported with its source position, as without them. */
    @Test
    void windowed_failureUpstream_keepsTheSourcePosition() {
        assertThatThrownBy(() -> IntPipeline.range(0, 10)
                        .map(x -> 10 / (x - 6))
                        .windowed(3)
                        .count())
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.index()).isEqualTo(6));
    }
}
