package dev.keel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Gen;
import dev.keel.testing.Gens;
import dev.keel.testing.Property;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Gatherers;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Differential properties: a random chain of operations over a random input gives what the equivalent
 * {@code java.util.stream} pipeline gives, through several terminal operations. The chain is printed on failure.
 */
@ExtendWith(SeedExtension.class)
final class DifferentialPropertyTest {

    /** One operation in both worlds. */
    record Step(
            String name,
            Function<LazyPipeline<Integer>, LazyPipeline<Integer>> ours,
            Function<Stream<Integer>, Stream<Integer>> jdk) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A chain of steps over an input. */
    record Chain(List<Integer> input, List<Step> steps) {}

    private static final Gen<Step> STEPS = random -> {
        int n = random.nextInt(0, 6);
        int m = random.nextInt(1, 5);
        return switch (random.nextInt(15)) {
            case 0 -> new Step("map(x*" + n + "-1)", p -> p.map(x -> x * n - 1), s -> s.map(x -> x * n - 1));
            case 1 ->
                new Step("filter(x%" + m + "!=0)", p -> p.filter(x -> x % m != 0), s -> s.filter(x -> x % m != 0));
            case 2 -> new Step("take(" + n + ")", p -> p.take(n), s -> s.limit(n));
            case 3 -> new Step("skip(" + n + ")", p -> p.skip(n), s -> s.skip(n));
            case 4 ->
                new Step(
                        "flatMap(x times " + n + ")",
                        p -> p.flatMap(x -> LazyPipeline.generate(() -> x).take(n)),
                        s -> s.flatMap(x -> Stream.generate(() -> x).limit(n)));
            case 5 ->
                new Step(
                        "takeWhile(x%" + (m + 3) + "!=0)",
                        p -> p.takeWhile(x -> x % (m + 3) != 0),
                        s -> s.takeWhile(x -> x % (m + 3) != 0));
            case 6 ->
                new Step(
                        "dropWhile(x%" + m + "==0)",
                        p -> p.dropWhile(x -> x % m == 0),
                        s -> s.dropWhile(x -> x % m == 0));
            case 7 -> new Step("distinct", LazyPipeline::distinct, Stream::distinct);
            case 8 -> new Step("sorted", LazyPipeline::sorted, Stream::sorted);
            case 9 ->
                new Step(
                        "chunked(" + m + ").sum",
                        p -> p.chunked(m).map(DifferentialPropertyTest::sum),
                        s -> s.gather(Gatherers.windowFixed(m)).map(DifferentialPropertyTest::sum));
            case 10 ->
                new Step(
                        "windowed(" + m + ").sum",
                        p -> p.windowed(m).map(DifferentialPropertyTest::sum),
                        s -> s.gather(Gatherers.windowSliding(m))
                                .filter(window -> window.size() == m)
                                .map(DifferentialPropertyTest::sum));
            case 11 ->
                new Step(
                        "scan(" + n + ", +)",
                        p -> p.scan(n, Integer::sum),
                        s -> Stream.concat(Stream.of(n), s.gather(Gatherers.scan(() -> n, Integer::sum))));
            case 12 ->
                new Step(
                        "mapMulti(x, -x if odd)",
                        p -> p.<Integer>mapMulti((x, sink) -> {
                            sink.accept(x);
                            if (x % 2 != 0) {
                                sink.accept(-x);
                            }
                        }),
                        s -> s.<Integer>mapMulti((x, sink) -> {
                            sink.accept(x);
                            if (x % 2 != 0) {
                                sink.accept(-x);
                            }
                        }));
            case 13 ->
                new Step("mapConcurrent(" + m + ", x+1)", p -> p.mapConcurrent(m, x -> x + 1), s -> s.map(x -> x + 1));
            default ->
                new Step(
                        "gather(windowSliding(2)).sum",
                        p -> p.gather(Gatherers.windowSliding(2)).map(DifferentialPropertyTest::sum),
                        s -> s.gather(Gatherers.windowSliding(2)).map(DifferentialPropertyTest::sum));
        };
    };

    private static final Gen<Chain> CHAINS = random -> new Chain(
            Gens.lists(Gens.ints(-20, 20), 0, 30).next(random),
            Gens.lists(STEPS, 0, 5).next(random));

    private static int sum(List<Integer> values) {
        int sum = 0;
        for (int value : values) {
            sum += value;
        }
        return sum;
    }

    private static LazyPipeline<Integer> ours(Chain chain) {
        LazyPipeline<Integer> pipeline = LazyPipeline.from(chain.input());
        for (Step step : chain.steps()) {
            pipeline = step.ours().apply(pipeline);
        }
        return pipeline;
    }

    private static Stream<Integer> jdk(Chain chain) {
        Stream<Integer> stream = chain.input().stream();
        for (Step step : chain.steps()) {
            stream = step.jdk().apply(stream);
        }
        return stream;
    }

    @Test
    void randomChains_giveWhatJavaUtilStreamGives(SeededRandom random) {
        Property.forAll(random, 400, CHAINS, chain -> {
            List<Integer> expected = jdk(chain).toList();
            LazyPipeline<Integer> ours = ours(chain);
            assertThat(ours.toList()).isEqualTo(expected);
            assertThat(ours.count()).isEqualTo(jdk(chain).count());
            assertThat(ours.reduce(Integer::sum)).isEqualTo(jdk(chain).reduce(Integer::sum));
            assertThat(ours.first()).isEqualTo(jdk(chain).findFirst());
            assertThat(ours.anyMatch(x -> x > 10)).isEqualTo(jdk(chain).anyMatch(x -> x > 10));
            assertThat(ours.max(Integer::compare)).isEqualTo(jdk(chain).max(Integer::compare));
            List<Integer> viaIterator = new ArrayList<>();
            ours.iterator().forEachRemaining(viaIterator::add);
            assertThat(viaIterator).isEqualTo(expected);
        });
    }

    @Test
    void randomPrimitiveChains_giveWhatIntStreamGives(SeededRandom random) {
        Property.forAll(random, 300, Gens.lists(Gens.ints(-1000, 1000), 0, 50), input -> {
            int[] values = input.stream().mapToInt(Integer::intValue).toArray();
            int factor = input.isEmpty() ? 1 : input.get(0) % 7;
            IntPipeline ours = IntPipeline.of(values).map(x -> x * factor).filter(x -> x % 3 != 0);
            assertThat(ours.toArray())
                    .isEqualTo(java.util.stream.IntStream.of(values)
                            .map(x -> x * factor)
                            .filter(x -> x % 3 != 0)
                            .toArray());
            assertThat(ours.sum())
                    .isEqualTo(java.util.stream.IntStream.of(values)
                            .map(x -> x * factor)
                            .filter(x -> x % 3 != 0)
                            .asLongStream()
                            .sum());
            assertThat(ours.max().isPresent() ? Optional.of(ours.max().getAsInt()) : Optional.empty())
                    .isEqualTo(java.util.stream.IntStream.of(values)
                            .map(x -> x * factor)
                            .filter(x -> x % 3 != 0)
                            .boxed()
                            .max(Integer::compare));
            assertThat(ours.skip(2).take(5).toList())
                    .isEqualTo(java.util.stream.IntStream.of(values)
                            .map(x -> x * factor)
                            .filter(x -> x % 3 != 0)
                            .skip(2)
                            .limit(5)
                            .boxed()
                            .toList());
        });
    }
}
