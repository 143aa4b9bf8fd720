package dev.keel.testing;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of random values for property and model-based tests: draws one value from a {@link SeededRandom}.
 *
 * <p>Generators are stateless: the same random state gives the same value, so a failure replays from its seed.
 * Build them with {@link Gens} and combine them with {@link #map} and {@link #filter}.
 *
 * @param <T> the type of value generated
 */
@FunctionalInterface
public interface Gen<T> {

    /** Draws one value. */
    T next(SeededRandom random);

    /** A generator of {@code mapper} applied to this generator's values. */
    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        return random -> mapper.apply(next(random));
    }

    /**
     * A generator of only the values that satisfy {@code predicate}; gives up after 1,000 rejections in a row, since
     * a filter that rejects nearly everything is a badly written generator, not bad luck.
     */
    default Gen<T> filter(Predicate<? super T> predicate) {
        return random -> {
            for (int attempt = 0; attempt < 1_000; attempt++) {
                T value = next(random);
                if (predicate.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("filter rejected 1000 values in a row: generate valid values directly");
        };
    }
}
