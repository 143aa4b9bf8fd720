package dev.keel.scheduler;

import java.util.Map;
import java.util.TreeMap;

/**
 * An amount of each schedulable resource, as exact integers: cpu in millicores, memory and ephemeral storage in
 * bytes, extended resources (such as {@code nvidia.com/gpu}) in their own integer units. Immutable.
 *
 * <p>The two-argument constructor is the one people write by hand ({@code new Resources(4000, 8192)}: millicores and
 * MiB); the canonical constructor takes bytes, as manifests do ({@code memory: 20} is twenty bytes).
 */
public record Resources(long milliCpu, long memoryBytes, long ephemeralStorageBytes, Map<String, Long> extended) {

    /** Nothing at all. */
    public static final Resources NONE = new Resources(0, 0, 0, Map.of());

    private static final long MIB = 1024L * 1024;

    public Resources {
        requireNonNegative("milliCpu", milliCpu);
        requireNonNegative("memoryBytes", memoryBytes);
        requireNonNegative("ephemeralStorageBytes", ephemeralStorageBytes);
        TreeMap<String, Long> sorted = new TreeMap<>();
        extended.forEach((name, amount) -> {
            if (name.isBlank()) {
                throw new IllegalArgumentException("extended resource name must not be blank");
            }
            requireNonNegative(name, amount);
            if (amount > 0) {
                sorted.put(name, amount);
            }
        });
        extended = java.util.Collections.unmodifiableSortedMap(sorted);
    }

    /** Cpu in millicores and memory in MiB, as in {@code new Resources(500, 1024)}. */
    public Resources(long milliCpu, long memoryMiB) {
        this(milliCpu, Math.multiplyExact(requireNonNegative("memoryMiB", memoryMiB), MIB), 0, Map.of());
    }

    /** Cpu in millicores and memory in bytes. */
    public static Resources ofBytes(long milliCpu, long memoryBytes) {
        return new Resources(milliCpu, memoryBytes, 0, Map.of());
    }

    public Resources withEphemeralStorage(long bytes) {
        return new Resources(milliCpu, memoryBytes, bytes, extended);
    }

    public Resources withExtended(String name, long amount) {
        TreeMap<String, Long> copy = new TreeMap<>(extended);
        copy.put(name, amount);
        return new Resources(milliCpu, memoryBytes, ephemeralStorageBytes, copy);
    }

    /** The amount of an extended resource, 0 when absent. */
    public long extended(String name) {
        return extended.getOrDefault(name, 0L);
    }

    public Resources plus(Resources other) {
        TreeMap<String, Long> sum = new TreeMap<>(extended);
        other.extended.forEach((name, amount) -> sum.merge(name, amount, Math::addExact));
        return new Resources(
                Math.addExact(milliCpu, other.milliCpu),
                Math.addExact(memoryBytes, other.memoryBytes),
                Math.addExact(ephemeralStorageBytes, other.ephemeralStorageBytes),
                sum);
    }

    /** Per resource, the larger of the two. */
    public Resources max(Resources other) {
        TreeMap<String, Long> most = new TreeMap<>(extended);
        other.extended.forEach((name, amount) -> most.merge(name, amount, Math::max));
        return new Resources(
                Math.max(milliCpu, other.milliCpu),
                Math.max(memoryBytes, other.memoryBytes),
                Math.max(ephemeralStorageBytes, other.ephemeralStorageBytes),
                most);
    }

    public boolean isZero() {
        return milliCpu == 0 && memoryBytes == 0 && ephemeralStorageBytes == 0 && extended.isEmpty();
    }

    private static long requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " (" + value + ") must not be negative");
        }
        return value;
    }
}
