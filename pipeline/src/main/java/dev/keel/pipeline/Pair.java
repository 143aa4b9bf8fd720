package dev.keel.pipeline;

import java.util.Objects;

/**
 * Two elements side by side, as made by {@link LazyPipeline#zip(LazyPipeline)} and {@link LazyPipeline#pairwise()}.
 * Immutable.
 *
 * @param first the element from the first pipeline, or the earlier element
 * @param second the element from the second pipeline, or the later element
 */
public record Pair<A, B>(A first, B second) {

    public Pair {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }
}
