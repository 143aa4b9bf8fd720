package dev.keel.snapshot;

import java.util.Objects;

/** One write of a {@link Batch}: a put or a delete of one key. */
public sealed interface Write<K, V> {

    /** The key written. */
    K key();

    /** Maps {@code key} to {@code value}. */
    record Put<K, V>(K key, V value) implements Write<K, V> {
        public Put {
            Objects.requireNonNull(key, "key must not be null");
            Objects.requireNonNull(value, "value must not be null");
        }
    }

    /** Removes {@code key}; nothing happens to the map if it is absent. */
    record Delete<K, V>(K key) implements Write<K, V> {
        public Delete {
            Objects.requireNonNull(key, "key must not be null");
        }
    }
}
