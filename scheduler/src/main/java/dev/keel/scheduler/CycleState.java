package dev.keel.scheduler;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Data that plugins compute in one extension point and read in a later one of the same scheduling cycle (PreFilter
 * to Filter, PreScore to Score), keyed by a name each plugin owns. Not thread-safe: one cycle, one thread.
 */
public final class CycleState {

    private final Map<String, Object> data;

    public CycleState() {
        this.data = new HashMap<>();
    }

    private CycleState(Map<String, Object> data) {
        this.data = new HashMap<>(data);
    }

    public void write(String key, Object value) {
        data.put(key, value);
    }

    public <T> @Nullable T read(String key, Class<T> type) {
        Object value = data.get(key);
        return value == null ? null : type.cast(value);
    }

    /**
     * A copy for a what-if evaluation (preemption). Values that plugins change in their PreFilter extensions must be
     * copied by them ({@link StateCopy}); others are shared.
     */
    public CycleState copy() {
        CycleState copy = new CycleState(data);
        copy.data.replaceAll((key, value) -> value instanceof StateCopy copyable ? copyable.copy() : value);
        return copy;
    }

    /** A cycle-state value that is mutated after PreFilter and so must be deep-copied with the state. */
    public interface StateCopy {
        Object copy();
    }
}
