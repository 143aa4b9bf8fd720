package dev.keel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.Gatherer;
import java.util.stream.Gatherers;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What each operation and terminal operation gives, on small inputs whose answers are written out by hand. */
final class OperationsTest {

    private static LazyPipeline<Integer> oneToSix() {
        return LazyPipeline.rangeClosed(1, 6);
    }

    @Test
    void sources_giveTheirElementsInOrder() {
        assertThat(LazyPipeline.of("a", "b").toList()).containsExactly("a", "b");
        assertThat(LazyPipeline.empty().toList()).isEmpty();
        assertThat(LazyPipeline.from(List.of(3, 1, 2)).toList()).containsExactly(3, 1, 2);
        assertThat(LazyPipeline.from(Stream.of(1, 2)).toList()).containsExactly(1, 2);
        assertThat(LazyPipeline.from(List.of(7, 8).iterator()).toList()).containsExactly(7, 8);
        assertThat(LazyPipeline.range(3, 6).toList()).containsExactly(3, 4, 5);
        assertThat(LazyPipeline.range(6, 3).toList()).isEmpty();
        assertThat(LazyPipeline.rangeClosed(3, 5).toList()).containsExactly(3, 4, 5);
        assertThat(LazyPipeline.iterate(1, x -> x * 2).take(5).toList()).containsExactly(1, 2, 4, 8, 16);
        assertThat(LazyPipeline.iterate(1, x -> x < 20, x -> x * 3).toList()).containsExactly(1, 3, 9);
        int[] counter = {0};
        assertThat(LazyPipeline.generate(() -> ++counter[0]).take(3).toList()).containsExactly(1, 2, 3);
    }

    @Test
    void elementOperations_transformEachElement() {
        assertThat(oneToSix().map(x -> x * 10).toList()).containsExactly(10, 20, 30, 40, 50, 60);
        assertThat(oneToSix().filter(x -> x % 2 == 1).toList()).containsExactly(1, 3, 5);
        assertThat(oneToSix().take(3).flatMap(x -> LazyPipeline.range(0, x)).toList())
                .containsExactly(0, 0, 1, 0, 1, 2);
        assertThat(oneToSix()
                        .<String>mapMulti((x, sink) -> {
                            if (x <= 2) {
                                sink.accept("<" + x);
                                sink.accept(x + ">");
                            }
                        })
                        .toList())
                .containsExactly("<1", "1>", "<2", "2>");
        assertThat(oneToSix().zipWithIndex().take(2).toList())
                .containsExactly(new Indexed<>(0, 1), new Indexed<>(1, 2));
    }

    @Test
    void slicing_cutsTheRightElements() {
        assertThat(oneToSix().take(2).toList()).containsExactly(1, 2);
        assertThat(oneToSix().take(0).toList()).isEmpty();
        assertThat(oneToSix().take(100).toList()).hasSize(6);
        assertThat(oneToSix().skip(4).toList()).containsExactly(5, 6);
        assertThat(oneToSix().skip(100).toList()).isEmpty();
        assertThat(oneToSix().takeWhile(x -> x < 3).toList()).containsExactly(1, 2);
        assertThat(oneToSix().dropWhile(x -> x < 5).toList()).containsExactly(5, 6);
        assertThat(LazyPipeline.of(1, 5, 2).dropWhile(x -> x < 3).toList()).containsExactly(5, 2);
    }

    @Test
    void rememberingOperations_seeEarlierElements() {
        assertThat(LazyPipeline.of(3, 1, 3, 2, 1).distinct().toList()).containsExactly(3, 1, 2);
        assertThat(LazyPipeline.of("aa", "b", "cc", "d")
                        .distinctBy(String::length)
                        .toList())
                .containsExactly("aa", "b");
        assertThat(LazyPipeline.of(3, 1, 2).sorted().toList()).containsExactly(1, 2, 3);
        assertThat(LazyPipeline.of("bb", "a", "cc", "d")
                        .sortedBy(String::length)
                        .toList())
                .as("stable")
                .containsExactly("a", "d", "bb", "cc");
        assertThat(LazyPipeline.of(1, 2, 3).pairwise().toList()).containsExactly(new Pair<>(1, 2), new Pair<>(2, 3));
        assertThat(LazyPipeline.of(1).pairwise().toList()).isEmpty();
        assertThat(LazyPipeline.of(1, 2, 3).scan(0, Integer::sum).toList()).containsExactly(0, 1, 3, 6);
        assertThat(LazyPipeline.<Integer>empty().scan(0, Integer::sum).toList()).containsExactly(0);
    }

    @Test
    void windows_slideAndChunkLikeKotlin() {
        assertThat(oneToSix().chunked(4).toList()).containsExactly(List.of(1, 2, 3, 4), List.of(5, 6));
        assertThat(oneToSix().windowed(4).toList())
                .containsExactly(List.of(1, 2, 3, 4), List.of(2, 3, 4, 5), List.of(3, 4, 5, 6));
        assertThat(oneToSix().windowed(4, 2, true).toList())
                .containsExactly(List.of(1, 2, 3, 4), List.of(3, 4, 5, 6), List.of(5, 6));
        assertThat(oneToSix().windowed(2, 3, false).toList()).containsExactly(List.of(1, 2), List.of(4, 5));
        assertThat(oneToSix().windowed(2, 4, true).toList()).containsExactly(List.of(1, 2), List.of(5, 6));
        assertThat(oneToSix().windowed(10).toList()).isEmpty();
        assertThat(oneToSix().windowed(10, 1, true).toList()).hasSize(6);
    }

    /** Windows are read-only views that span block boundaries correctly and iterate exactly their own slots. */
    @Test
    void windows_overManyBlocks_areExactReadOnlyViews() {
        List<List<Integer>> windows =
                LazyPipeline.range(0, 5_000).windowed(300, 7, false).toList();
        assertThat(windows).hasSize((5_000 - 300) / 7 + 1);
        for (int w = 0; w < windows.size(); w++) {
            List<Integer> window = windows.get(w);
            int first = w * 7;
            assertThat(window).hasSize(300).first().isEqualTo(first);
            assertThat(window.get(299)).isEqualTo(first + 299);
            var iterator = window.iterator();
            for (int i = 0; i < 300; i++) {
                assertThat(iterator.next()).isEqualTo(first + i);
            }
            assertThat(iterator.hasNext()).isFalse();
            assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
        }
        List<Integer> window = windows.get(0);
        assertThatThrownBy(() -> window.get(300)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> window.set(0, 9)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void combining_twoPipelines() {
        assertThat(LazyPipeline.of(1, 2, 3).zip(LazyPipeline.of("a", "b")).toList())
                .containsExactly(new Pair<>(1, "a"), new Pair<>(2, "b"));
        assertThat(LazyPipeline.of(1, 2)
                        .zip(LazyPipeline.of(10, 20), Integer::sum)
                        .toList())
                .containsExactly(11, 22);
        assertThat(LazyPipeline.of(1, 2, 3, 4).interleave(LazyPipeline.of(-1)).toList())
                .containsExactly(1, -1, 2, 3, 4);
        assertThat(LazyPipeline.of(1).interleave(LazyPipeline.of(-1, -2, -3)).toList())
                .containsExactly(1, -1, -2, -3);
        assertThat(LazyPipeline.of(1, 2).concat(LazyPipeline.of(3)).toList()).containsExactly(1, 2, 3);
    }

    @Test
    void gather_acceptsAnyJdkGatherer() {
        assertThat(oneToSix().gather(Gatherers.windowFixed(4)).toList())
                .containsExactly(List.of(1, 2, 3, 4), List.of(5, 6));
        assertThat(oneToSix().gather(Gatherers.fold(() -> 0, Integer::sum)).toList())
                .containsExactly(21);
        assertThat(oneToSix().gather(Gatherers.windowSliding(2)).take(2).toList())
                .containsExactly(List.of(1, 2), List.of(2, 3));
        assertThat(oneToSix().gather(Gatherers.mapConcurrent(2, x -> -x)).toList())
                .containsExactly(-1, -2, -3, -4, -5, -6);
    }

    /** A gatherer that stops (its integrator returns false) ends the pull of an infinite source, in the bulk path too. */
    @Test
    @Timeout(10)
    void gather_whoseIntegratorStops_stopsAnInfiniteSource() {
        Gatherer<Integer, Void, Integer> whileBelowFive =
                Gatherer.of((unused, x, downstream) -> x < 5 && downstream.push(x));
        assertThat(LazyPipeline.iterate(1, x -> x + 1).gather(whileBelowFive).toList())
                .containsExactly(1, 2, 3, 4);
        assertThat(LazyPipeline.iterate(1, x -> x + 1).gather(whileBelowFive).count())
                .isEqualTo(4);
    }

    @Test
    void terminals_collectReduceAndSearch() {
        assertThat(LazyPipeline.of(2, 1, 2).toSet()).containsExactly(2, 1);
        assertThat(oneToSix().toMap(x -> "k" + x, x -> x * x))
                .containsEntry("k3", 9)
                .hasSize(6);
        assertThat(LazyPipeline.of("a", "bb", "cc").toMap(String::length, s -> s, (a, b) -> a + b))
                .containsExactly(Map.entry(1, "a"), Map.entry(2, "bbcc"));
        assertThat(oneToSix().groupBy(x -> x % 3))
                .containsExactly(Map.entry(1, List.of(1, 4)), Map.entry(2, List.of(2, 5)), Map.entry(0, List.of(3, 6)));
        assertThat(oneToSix().partition(x -> x > 4)).isEqualTo(new Partition<>(List.of(5, 6), List.of(1, 2, 3, 4)));
        assertThat(oneToSix().reduce(Integer::sum)).contains(21);
        assertThat(LazyPipeline.<Integer>empty().reduce(Integer::sum)).isEmpty();
        assertThat(oneToSix().reduce(100, Integer::sum)).isEqualTo(121);
        assertThat(oneToSix().fold("", (s, x) -> s + x)).isEqualTo("123456");
        assertThat(oneToSix().count()).isEqualTo(6);
        assertThat(LazyPipeline.of("bb", "a", "cc").min(String::compareTo)).contains("a");
        assertThat(LazyPipeline.of("bb", "a", "cc").max(String::compareTo)).contains("cc");
        assertThat(LazyPipeline.of("bb", "a", "cc").minBy(String::length)).contains("a");
        assertThat(LazyPipeline.of("bb", "a", "cc").maxBy(String::length))
                .as("first of equals")
                .contains("bb");
        assertThat(oneToSix().first()).contains(1);
        assertThat(oneToSix().last()).contains(6);
        assertThat(LazyPipeline.empty().first()).isEmpty();
        assertThat(oneToSix().anyMatch(x -> x > 5)).isTrue();
        assertThat(oneToSix().allMatch(x -> x > 0)).isTrue();
        assertThat(oneToSix().noneMatch(x -> x > 6)).isTrue();
        assertThat(LazyPipeline.empty().allMatch(x -> false)).isTrue();
        assertThat(oneToSix().joining()).isEqualTo("123456");
        assertThat(oneToSix().take(3).joining(", ", "[", "]")).isEqualTo("[1, 2, 3]");
        assertThat(oneToSix().collect(Collectors.summingInt(x -> x))).isEqualTo(21);
        assertThat(oneToSix().toStream().map(x -> -x).toList()).containsExactly(-1, -2, -3, -4, -5, -6);
        assertThat(oneToSix().mapToInt(x -> x).average()).hasValue(3.5);
        assertThat(oneToSix().mapToLong(x -> x * 1_000_000_000L).sum()).isEqualTo(21_000_000_000L);
    }

    @Test
    void aRecipe_runsAgainFromTheStart() {
        LazyPipeline<Integer> squares = oneToSix().map(x -> x * x);
        assertThat(squares.toList()).isEqualTo(squares.toList());
        assertThat(squares.take(2).toList()).containsExactly(1, 4);
        assertThat(squares.count()).isEqualTo(6);
    }
}
