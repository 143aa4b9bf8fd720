package dev.keel.scheduler.plugins;

import dev.keel.scheduler.CycleState;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts per topology domain: {@code topologyKey -> value -> count}, with each key's minimum cached (recomputed only
 * after a change). Not thread-safe: one scheduling cycle's state; copied for preemption's what-if runs.
 */
final class TopologyCounts implements CycleState.StateCopy {

    private final Map<String, Map<String, Long>> counts;
    private final Map<String, Long> minimums = new HashMap<>();

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
        minimums.remove(key);
    }

    /** Adds {@code delta} only where the domain is already known; removes it when it falls to zero if asked. */
    void addIfKnown(String key, String value, long delta) {
        Map<String, Long> values = counts.get(key);
        if (values != null && values.containsKey(value)) {
            values.merge(value, delta, Long::sum);
            minimums.remove(key);
        }
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

    int domains(String key) {
        Map<String, Long> values = counts.get(key);
        return values == null ? 0 : values.size();
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    Map<String, Map<String, Long>> view() {
        return counts;
    }

    /** The smallest count over the key's domains, 0 when there are none. */
    long min(String key) {
        Long cached = minimums.get(key);
        if (cached != null) {
            return cached;
        }
        Map<String, Long> values = counts.get(key);
        long min = values == null || values.isEmpty() ? 0 : Long.MAX_VALUE;
        if (values != null) {
            for (long count : values.values()) {
                min = Math.min(min, count);
            }
        }
        minimums.put(key, min);
        return min;
    }

    @Override
    public TopologyCounts copy() {
        return new TopologyCounts(this);
    }
}
