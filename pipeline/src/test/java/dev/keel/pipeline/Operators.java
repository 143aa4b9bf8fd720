package dev.keel.pipeline;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Gatherers;

/** Every intermediate operation, as a named function over a pipeline of integers: the cases the law tests run. */
final class Operators {

    private Operators() {}

    /** One operation applied to a pipeline; {@code needsAll} when it must see the whole input (sorted). */
    record Case(String name, Function<LazyPipeline<Integer>, LazyPipeline<?>> apply, boolean needsAll, int lookahead) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case of(String name, Function<LazyPipeline<Integer>, LazyPipeline<?>> apply) {
        return new Case(name, apply, false, 0);
    }

    static List<Case> all() {
        return List.of(
                of("identity", p -> p),
                of("map", p -> p.map(x -> x * 3)),
                of("filter", p -> p.filter(x -> x % 3 == 0)),
                of("flatMap", p -> p.flatMap(x -> LazyPipeline.of(x, -x))),
                of("flatMap with empty inners", p -> p.flatMap(x -> LazyPipeline.range(0, x % 3))),
                of(
                        "flatMap over infinite inners",
                        p -> p.flatMap(x -> LazyPipeline.iterate(x, y -> y + 1000))
                                .take(7)),
                of(
                        "mapMulti",
                        p -> p.<Integer>mapMulti((x, sink) -> {
                            if (x % 2 == 0) {
                                sink.accept(x);
                                sink.accept(x * 10);
                            }
                        })),
                of("peek", p -> p.peek(x -> {})),
                of("take", p -> p.take(4)),
                of("limit", p -> p.limit(0)),
                of("skip", p -> p.skip(3)),
                of("takeWhile", p -> p.takeWhile(x -> x < 7)),
                of("dropWhile", p -> p.dropWhile(x -> x < 4)),
                of("distinct", p -> p.map(x -> x / 3).distinct()),
                of("distinctBy", p -> p.distinctBy(x -> x / 2)),
                new Case("sorted", p -> p.sorted(), true, 0),
                new Case("sortedBy", p -> p.sortedBy(x -> -x), true, 0),
                of("chunked", p -> p.chunked(3)),
                of("windowed", p -> p.windowed(3)),
                of("windowed with step and partial", p -> p.windowed(3, 2, true)),
                of("windowed with gaps", p -> p.windowed(2, 3, false)),
                of("pairwise", p -> p.pairwise()),
                of("zip with a shorter pipeline", p -> p.zip(LazyPipeline.range(100, 105))),
                new Case("zip with an infinite pipeline", p -> p.zip(LazyPipeline.iterate(0, y -> y + 1)), false, 0),
                of("zipWithIndex", p -> p.zipWithIndex()),
                of("scan", p -> p.scan(0, Integer::sum)),
                of("interleave", p -> p.interleave(LazyPipeline.of(-1, -2))),
                of("concat", p -> p.take(5).concat(LazyPipeline.of(-1, -2))),
                of("gather windowFixed", p -> p.gather(Gatherers.windowFixed(2))),
                of("gather scan", p -> p.gather(Gatherers.scan(() -> 0, Integer::sum))),
                new Case("mapConcurrent", p -> p.mapConcurrent(3, x -> x * 2), false, 3),
                new Case("mapConcurrentUnordered", p -> p.mapConcurrentUnordered(1, x -> x * 2), false, 1),
                of(
                        "mapToInt and back",
                        p -> p.mapToInt(x -> x + 1).filter(x -> x % 2 == 0).boxed()),
                of(
                        "mapToLong and back",
                        p -> p.mapToLong(x -> x * 2L).skip(1).take(6).boxed()));
    }
}
