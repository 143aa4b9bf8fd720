package dev.keel.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes applied together as one version by {@link ImmutableDataStructure#apply}: in order, all or nothing (no
 * version ever shows part of a batch).
 *
 * <pre>{@code
 * store.apply(Batch.<String, Integer>builder().put("a", 1).delete("b").build());
 * }</pre>
 *
 * <p>Immutable; its builder is not thread-safe.
 */
public record Batch<K, V>(List<Write<K, V>> writes) {

    /** Copies {@code writes}, which must not contain null. */
    public Batch {
        Objects.requireNonNull(writes, "writes");
        for (int i = 0; i < writes.size(); i++) {
            Objects.requireNonNull(writes.get(i), () -> "writes contains null (expected a Put or a Delete)");
        }
        writes = List.copyOf(writes);
    }

    /** A builder of writes in order. */
    public static <K, V> Builder<K, V> builder() {
        return new Builder<>();
    }

    /** Collects writes for a {@link Batch}. Not thread-safe. */
    public static final class Builder<K, V> {
        private final List<Write<K, V>> writes = new ArrayList<>();

        private Builder() {}

        /** Adds a put of {@code key} to {@code value}. */
        public Builder<K, V> put(K key, V value) {
            writes.add(new Write.Put<>(key, value));
            return this;
        }

        /** Adds a delete of {@code key}. */
        public Builder<K, V> delete(K key) {
            writes.add(new Write.Delete<>(key));
            return this;
        }

        /** The batch of the writes added so far. */
        public Batch<K, V> build() {
            return new Batch<>(writes);
        }
    }
}
