package dev.keel.snapshot;

import java.util.Objects;

/**
 * How one key differs between two versions of a map, as {@link ImmutableDataStructure#diff} reports it: consumed
 * with an exhaustive {@code switch}.
 *
 * <pre>{@code
 * switch (difference) {
 *     case Difference.Added<K, V>(var key, var value) -> ...
 *     case Difference.Removed<K, V>(var key, var value) -> ...
 *     case Difference.Updated<K, V>(var key, var before, var after) -> ...
 * }
 * }</pre>
 */
public sealed interface Difference<K, V> {

    /** The key that differs. */
    K key();

    /** The key is in the newer version only. */
    record Added<K, V>(K key, V value) implements Difference<K, V> {
        public Added {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The key is in the older version only; {@code value} is what it was mapped to there. */
    record Removed<K, V>(K key, V value) implements Difference<K, V> {
        public Removed {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The key is in both, mapped to values that are not equal. */
    record Updated<K, V>(K key, V before, V after) implements Difference<K, V> {
        public Updated {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }
}
