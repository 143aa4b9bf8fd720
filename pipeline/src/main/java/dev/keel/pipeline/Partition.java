package dev.keel.pipeline;

import java.util.List;

/**
 * The elements that matched a predicate and the rest, each in input order, as made by
 * {@link LazyPipeline#partition}. Immutable.
 *
 * @param matching the elements for which the predicate held
 * @param rest the others
 */
public record Partition<T>(List<T> matching, List<T> rest) {

    public Partition {
        matching = List.copyOf(matching);
        rest = List.copyOf(rest);
    }
}
