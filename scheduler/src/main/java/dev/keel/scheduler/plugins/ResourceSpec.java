package dev.keel.scheduler.plugins;

/** A resource a scoring strategy looks at, and its weight: {@code {name: cpu, weight: 1}}. Immutable. */
public record ResourceSpec(String name, long weight) {

    public ResourceSpec {
        if (name.isBlank()) {
            throw new IllegalArgumentException("resource name must not be blank");
        }
        if (weight < 1 || weight > 100) {
            throw new IllegalArgumentException("weight of resource " + name + " (" + weight + ") must be 1-100");
        }
    }
}
