package dev.keel.scheduler;

import dev.keel.scheduler.plugins.DefaultPlugins;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scheduling profile: the plugins in the order they run at every extension point, each score plugin's weight, and
 * {@code percentageOfNodesToScore} (0 for kube-scheduler's adaptive default). Immutable; build a variant with
 * {@link #toBuilder()}.
 *
 * <p>{@link #defaults()} is kube-scheduler's default profile without the volume and DRA plugins: PrioritySort,
 * NodeUnschedulable, NodeName, TaintToleration (3), NodeAffinity (2), NodePorts, NodeResourcesFit (1),
 * PodTopologySpread (2), InterPodAffinity (2), DefaultPreemption, NodeResourcesBalancedAllocation (1), ImageLocality
 * (1), DefaultBinder.
 */
public final class Profile {

    /** A plugin and its score weight (ignored unless it scores). */
    public record Entry(Plugin plugin, int weight) {
        public Entry {
            if (weight < 1 || weight > 100) {
                throw new IllegalArgumentException(
                        "weight of plugin " + plugin.name() + " (" + weight + ") must be between 1 and 100");
            }
        }
    }

    private final String schedulerName;
    private final List<Entry> entries;
    private final int percentageOfNodesToScore;

    private Profile(Builder builder) {
        this.schedulerName = builder.schedulerName;
        this.entries = List.copyOf(builder.entries.values());
        this.percentageOfNodesToScore = builder.percentageOfNodesToScore;
        long sorts = entries.stream()
                .filter(e -> e.plugin() instanceof QueueSortPlugin)
                .count();
        if (sorts != 1) {
            throw new IllegalArgumentException("a profile needs exactly one QueueSort plugin, got " + sorts);
        }
        if (entries.stream().noneMatch(e -> e.plugin() instanceof BindPlugin)) {
            throw new IllegalArgumentException("a profile needs at least one Bind plugin");
        }
    }

    /** kube-scheduler's default profile ({@code default-scheduler}). */
    public static Profile defaults() {
        return DefaultPlugins.profile();
    }

    public static Builder builder(String schedulerName) {
        return new Builder(schedulerName);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(schedulerName);
        entries.forEach(entry -> builder.entries.put(entry.plugin().name(), entry));
        builder.percentageOfNodesToScore = percentageOfNodesToScore;
        return builder;
    }

    public String schedulerName() {
        return schedulerName;
    }

    public List<Entry> entries() {
        return entries;
    }

    public int percentageOfNodesToScore() {
        return percentageOfNodesToScore;
    }

    public QueueSortPlugin queueSort() {
        return of(QueueSortPlugin.class).getFirst();
    }

    /** The plugins implementing {@code extensionPoint}, in profile order. */
    public <T> List<T> of(Class<T> extensionPoint) {
        List<T> result = new ArrayList<>();
        for (Entry entry : entries) {
            if (extensionPoint.isInstance(entry.plugin())) {
                result.add(extensionPoint.cast(entry.plugin()));
            }
        }
        return result;
    }

    public int weight(String pluginName) {
        for (Entry entry : entries) {
            if (entry.plugin().name().equals(pluginName)) {
                return entry.weight();
            }
        }
        throw new IllegalArgumentException("no plugin '" + pluginName + "' in profile " + schedulerName);
    }

    @Override
    public String toString() {
        return "Profile[" + schedulerName + ", "
                + entries.stream()
                        .map(e -> e.plugin().name() + "(" + e.weight() + ")")
                        .toList() + "]";
    }

    /** Builds a {@link Profile}; not thread-safe. */
    public static final class Builder {
        private final String schedulerName;
        private final Map<String, Entry> entries = new LinkedHashMap<>();
        private int percentageOfNodesToScore;

        private Builder(String schedulerName) {
            if (schedulerName.isBlank()) {
                throw new IllegalArgumentException("schedulerName must not be blank");
            }
            this.schedulerName = schedulerName;
        }

        /** Appends a plugin with weight 1; a plugin of the same name may not be added twice. */
        public Builder plugin(Plugin plugin) {
            return plugin(plugin, 1);
        }

        public Builder plugin(Plugin plugin, int weight) {
            if (entries.containsKey(plugin.name())) {
                throw new IllegalArgumentException("plugin " + plugin.name() + " is already in the profile");
            }
            entries.put(plugin.name(), new Entry(plugin, weight));
            return this;
        }

        /** Replaces the plugin of the same name in place (to change its arguments), keeping its weight. */
        public Builder replace(Plugin plugin) {
            Entry old = entries.get(plugin.name());
            if (old == null) {
                throw new IllegalArgumentException("no plugin " + plugin.name() + " to replace (plugins: "
                        + String.join(", ", entries.keySet()) + ")");
            }
            entries.put(plugin.name(), new Entry(plugin, old.weight()));
            return this;
        }

        public Builder weight(String pluginName, int weight) {
            Entry old = entries.get(pluginName);
            if (old == null) {
                throw new IllegalArgumentException(
                        "no plugin " + pluginName + " to weigh (plugins: " + String.join(", ", entries.keySet()) + ")");
            }
            entries.put(pluginName, new Entry(old.plugin(), weight));
            return this;
        }

        public Builder without(String pluginName) {
            if (entries.remove(pluginName) == null) {
                throw new IllegalArgumentException("no plugin " + pluginName + " to disable (plugins: "
                        + String.join(", ", entries.keySet()) + ")");
            }
            return this;
        }

        public boolean has(String pluginName) {
            return entries.containsKey(pluginName);
        }

        /** 1-100, or 0 for the adaptive default ({@code 50 - nodes/125}, at least 5). */
        public Builder percentageOfNodesToScore(int percentage) {
            if (percentage < 0 || percentage > 100) {
                throw new IllegalArgumentException(
                        "percentageOfNodesToScore (" + percentage + ") must be between 0 and 100");
            }
            percentageOfNodesToScore = percentage;
            return this;
        }

        public Profile build() {
            return new Profile(this);
        }
    }
}
