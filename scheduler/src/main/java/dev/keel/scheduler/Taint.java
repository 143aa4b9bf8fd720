package dev.keel.scheduler;

import java.util.Objects;

/** A node taint: {@code key=value:Effect}. Immutable. */
public record Taint(String key, String value, TaintEffect effect) {

    public Taint {
        Objects.requireNonNull(effect, "effect");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("taint key must not be empty");
        }
    }

    @Override
    public String toString() {
        return key + (value.isEmpty() ? "" : "=" + value) + ":" + effect.wireName();
    }
}
