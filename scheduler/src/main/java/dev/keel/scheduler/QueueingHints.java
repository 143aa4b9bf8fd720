package dev.keel.scheduler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream's {@code isPodWorthRequeuing}: asks each plugin that rejected a pod, through its profile's
 * {@link EnqueueExtensions}, whether an event may help. A pod no plugin rejected (a bind error), or one rejected by
 * a plugin without hints, moves on any event. Immutable after construction.
 */
final class QueueingHints {

    /** By scheduler name, by plugin name. */
    private final Map<String, Map<String, Plugin>> plugins = new HashMap<>();

    QueueingHints(List<Profile> profiles) {
        for (Profile profile : profiles) {
            Map<String, Plugin> byName = new HashMap<>();
            for (Profile.Entry entry : profile.entries()) {
                byName.put(entry.plugin().name(), entry.plugin());
            }
            plugins.put(profile.schedulerName(), byName);
        }
    }

    /** A queue with no profiles to ask: every event moves every pod (tests of the queue alone). */
    static QueueingHints none() {
        return new QueueingHints(List.of());
    }

    boolean worthRequeuing(Pod pod, Set<String> rejectedBy, ClusterEvent event) {
        if (rejectedBy.isEmpty()) {
            return true;
        }
        Map<String, Plugin> byName = plugins.getOrDefault(pod.schedulerName(), Map.of());
        for (String name : rejectedBy) {
            Plugin plugin = byName.get(name);
            if (!(plugin instanceof EnqueueExtensions hinted)
                    || hinted.isSchedulableAfter(event, pod) == QueueingHint.QUEUE) {
                return true;
            }
        }
        return false;
    }
}
