package dev.keel.scheduler.plugins;

import dev.keel.scheduler.Plugin;
import dev.keel.scheduler.Profile;
import java.util.Map;
import java.util.function.Supplier;

/**
 * kube-scheduler's default plugins ({@code default_plugins.go}) in their order and with their score weights, without
 * the volume and DRA plugins, and a registry of them by name for configuration files.
 */
public final class DefaultPlugins {

    private static final Map<String, Supplier<Plugin>> BY_NAME = Map.ofEntries(
            Map.entry(PrioritySort.NAME, PrioritySort::new),
            Map.entry(NodeUnschedulable.NAME, NodeUnschedulable::new),
            Map.entry(NodeName.NAME, NodeName::new),
            Map.entry(TaintToleration.NAME, TaintToleration::new),
            Map.entry(NodeAffinityPlugin.NAME, NodeAffinityPlugin::new),
            Map.entry(NodePorts.NAME, NodePorts::new),
            Map.entry(NodeResourcesFit.NAME, NodeResourcesFit::new),
            Map.entry(PodTopologySpread.NAME, PodTopologySpread::new),
            Map.entry(InterPodAffinity.NAME, InterPodAffinity::new),
            Map.entry(DefaultPreemption.NAME, DefaultPreemption::new),
            Map.entry(NodeResourcesBalancedAllocation.NAME, NodeResourcesBalancedAllocation::new),
            Map.entry(ImageLocality.NAME, ImageLocality::new),
            Map.entry(DefaultBinder.NAME, DefaultBinder::new));

    private DefaultPlugins() {}

    /** The default profile, {@code default-scheduler}. */
    public static Profile profile() {
        return Profile.builder("default-scheduler")
                .plugin(new PrioritySort())
                .plugin(new NodeUnschedulable())
                .plugin(new NodeName())
                .plugin(new TaintToleration(), 3)
                .plugin(new NodeAffinityPlugin(), 2)
                .plugin(new NodePorts())
                .plugin(new NodeResourcesFit(), 1)
                .plugin(new PodTopologySpread(), 2)
                .plugin(new InterPodAffinity(), 2)
                .plugin(new DefaultPreemption())
                .plugin(new NodeResourcesBalancedAllocation(), 1)
                .plugin(new ImageLocality(), 1)
                .plugin(new DefaultBinder())
                .build();
    }

    /** A new instance of the built-in plugin {@code name} with default arguments. */
    public static Plugin create(String name) {
        Supplier<Plugin> factory = BY_NAME.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown plugin '" + name + "' (known: "
                    + String.join(", ", new java.util.TreeSet<>(BY_NAME.keySet())) + ")");
        }
        return factory.get();
    }
}
