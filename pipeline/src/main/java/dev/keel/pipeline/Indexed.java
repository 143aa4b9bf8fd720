package dev.keel.pipeline;

import java.util.Objects;

/**
 * An element with its zero-based position, as made by {@link LazyPipeline#zipWithIndex()}. Immutable.
 *
 * @param index the position, from 0
 * @param value the element
 */
public record Indexed<T>(long index, T value) {

    public Indexed {
        if (index < 0) {
            throw new IllegalArgumentException("index (" + index + ") must not be negative");
        }
        Objects.requireNonNull(value, "value");
    }
}
