package dev.keel.scheduler.plugins;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts per topology pair: {@code topologyKey -> value -> count}, built during one cycle (ScheduleAnyway spread
 * scoring, and InterPodAffinity's counts once preemption's what-if changes made them the cycle's own). Not
 * thread-safe: one scheduling cycle's state.
 */
final class TopologyCounts {

    private final Map<String, Map<String, Long>> counts;

    TopologyCounts() {
        this.counts = new HashMap<>();
    }

    private TopologyCounts(TopologyCounts other) {
        this.counts = new HashMap<>();
        other.counts.forEach((key, values) -> counts.put(key, new HashMap<>(values)));
    }

    /** Registers the domain (even with no pods), then adds {@code delta}. */
    void add(String key, String value, long delta) {
        counts.computeIfAbsent(key, k -> new HashMap<>()).merge(value, delta, Long::sum);
    }

    /** Adds {@code delta} and drops the domain when it falls to zero (the affinity counts' semantics). */
    void addDroppingZero(String key, String value, long delta) {
        Map<String, Long> values = counts.computeIfAbsent(key, k -> new HashMap<>());
        long updated = values.getOrDefault(value, 0L) + delta;
        if (updated == 0) {
            values.remove(value);
            if (values.isEmpty()) {
                counts.remove(key);
            }
        } else {
            values.put(value, updated);
        }
    }

    long get(String key, String value) {
        Map<String, Long> values = counts.get(key);
        return values == null ? 0 : values.getOrDefault(value, 0L);
    }

    boolean has(String key, String value) {
        Map<String, Long> values = counts.get(key);
        return values != null && values.containsKey(value);
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    TopologyCounts copy() {
        return new TopologyCounts(this);
    }
}
