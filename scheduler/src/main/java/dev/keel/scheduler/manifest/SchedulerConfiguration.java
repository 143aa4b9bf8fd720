package dev.keel.scheduler.manifest;

import dev.keel.scheduler.Plugin;
import dev.keel.scheduler.Profile;
import dev.keel.scheduler.plugins.DefaultPlugins;
import dev.keel.scheduler.plugins.DefaultPreemption;
import dev.keel.scheduler.plugins.InterPodAffinity;
import dev.keel.scheduler.plugins.NodeAffinityPlugin;
import dev.keel.scheduler.plugins.NodeResourcesBalancedAllocation;
import dev.keel.scheduler.plugins.NodeResourcesFit;
import dev.keel.scheduler.plugins.PodTopologySpread;
import dev.keel.scheduler.plugins.ResourceSpec;
import dev.keel.scheduler.plugins.ScoringStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The file kube-scheduler reads ({@code apiVersion: kubescheduler.config.k8s.io/v1},
 * {@code kind: KubeSchedulerConfiguration}), applied to the default profile: {@code percentageOfNodesToScore},
 * {@code podInitialBackoffSeconds}, {@code podMaxBackoffSeconds}, and each entry of {@code profiles} with
 * {@code schedulerName}, {@code plugins} (per extension point or {@code multiPoint}: {@code enabled} with weights,
 * {@code disabled}, {@code "*"}) and {@code pluginConfig} args for NodeResourcesFit, NodeResourcesBalancedAllocation,
 * InterPodAffinity and DefaultPreemption. Unknown fields are errors. Immutable.
 *
 * <p>The built-in plugins implement several extension points each; disabling one at any extension point removes it
 * from the profile. Each profile starts from the default one; pods pick theirs by {@code spec.schedulerName}.
 * {@code parallelism}, {@code leaderElection}, {@code clientConnection} and {@code delayCacheUntilActive} are accepted
 * and have no effect here (serial cycles, no API server); {@code extenders} must be empty (not supported).
 */
public record SchedulerConfiguration(List<Profile> profiles, Duration initialBackoff, Duration maxBackoff) {

    public SchedulerConfiguration {
        profiles = List.copyOf(profiles);
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("a configuration needs at least one profile");
        }
    }

    /** The first profile ({@code default-scheduler} unless the file names another first). */
    public Profile profile() {
        return profiles.getFirst();
    }

    public static final String API_VERSION = "kubescheduler.config.k8s.io/v1";
    private static final List<String> EXTENSION_POINTS = List.of(
            "multiPoint",
            "queueSort",
            "preEnqueue",
            "preFilter",
            "filter",
            "postFilter",
            "preScore",
            "score",
            "reserve",
            "permit",
            "preBind",
            "bind",
            "postBind");

    /** The defaults, as with no file. */
    public static SchedulerConfiguration defaults() {
        return new SchedulerConfiguration(List.of(Profile.defaults()), Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    public static SchedulerConfiguration read(String text, String source) {
        return read(text, source, Map.of());
    }

    /**
     * Reads a configuration that may also enable plugins of the caller's own ("out of tree", as kube-scheduler calls
     * them) by name: {@code outOfTree} maps each name to a factory. They are appended to the profile in the order
     * they are enabled.
     */
    public static SchedulerConfiguration read(String text, String source, Map<String, Supplier<Plugin>> outOfTree) {
        List<Documents.Document> documents = Documents.split(text, source);
        if (documents.size() != 1) {
            throw new ManifestException(
                    ManifestException.Code.INVALID_VALUE,
                    source + ": expected one KubeSchedulerConfiguration document, got " + documents.size());
        }
        Documents.Document document = documents.getFirst();
        Field root = Field.root(document.node(), Documents.expect(document, API_VERSION, "KubeSchedulerConfiguration"));
        root.onlyFields(
                "apiVersion",
                "kind",
                "percentageOfNodesToScore",
                "podInitialBackoffSeconds",
                "podMaxBackoffSeconds",
                "profiles",
                "parallelism",
                "leaderElection",
                "clientConnection",
                "extenders",
                "delayCacheUntilActive");
        if (!root.get("extenders").list().isEmpty()) {
            throw root.get("extenders").invalid("scheduler extenders are not supported");
        }
        int globalPercentage = root.get("percentageOfNodesToScore").intValue(0);
        List<Field> profileFields = root.get("profiles").list();
        List<Profile> profiles = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        try {
            if (profileFields.isEmpty()) {
                profiles.add(Profile.defaults().toBuilder()
                        .percentageOfNodesToScore(globalPercentage)
                        .build());
            }
            for (Field profileField : profileFields) {
                Profile.Builder defaults = Profile.defaults().toBuilder().percentageOfNodesToScore(globalPercentage);
                Profile profile =
                        applyProfile(profileField, defaults, outOfTree).build();
                if (!names.add(profile.schedulerName())) {
                    throw profileField
                            .get("schedulerName")
                            .invalid("a second profile named '" + profile.schedulerName() + "'");
                }
                profiles.add(profile);
            }
        } catch (IllegalArgumentException e) {
            throw root.invalid(e.getMessage());
        }
        long initial = root.get("podInitialBackoffSeconds").integer(1);
        long max = root.get("podMaxBackoffSeconds").integer(10);
        if (initial < 1) {
            throw root.get("podInitialBackoffSeconds").invalid(initial + " must be positive");
        }
        if (max < initial) {
            throw root.get("podMaxBackoffSeconds")
                    .invalid(max + " must be at least podInitialBackoffSeconds (" + initial + ")");
        }
        return new SchedulerConfiguration(profiles, Duration.ofSeconds(initial), Duration.ofSeconds(max));
    }

    private static Profile.Builder applyProfile(
            Field field, Profile.Builder defaults, Map<String, Supplier<Plugin>> outOfTree) {
        field.onlyFields("schedulerName", "percentageOfNodesToScore", "plugins", "pluginConfig");
        String name = field.get("schedulerName").text("default-scheduler");
        Profile.Builder profile = defaults;
        if (!name.equals("default-scheduler")) {
            Profile built = defaults.build();
            profile = Profile.builder(name).percentageOfNodesToScore(built.percentageOfNodesToScore());
            for (Profile.Entry entry : built.entries()) {
                profile.plugin(entry.plugin(), entry.weight());
            }
        }
        if (field.get("percentageOfNodesToScore").present()) {
            profile.percentageOfNodesToScore(
                    field.get("percentageOfNodesToScore").intValue(0));
        }
        Field plugins = field.get("plugins");
        plugins.onlyFields(EXTENSION_POINTS.toArray(String[]::new));
        for (String point : EXTENSION_POINTS) {
            Field set = plugins.get(point);
            set.onlyFields("enabled", "disabled");
            for (Field disabled : set.get("disabled").list()) {
                disabled.onlyFields("name");
                String plugin = disabled.get("name").text();
                if (plugin.equals("*")) {
                    for (Profile.Entry entry : profile.build().entries()) {
                        boolean essential = entry.plugin() instanceof dev.keel.scheduler.QueueSortPlugin
                                || entry.plugin() instanceof dev.keel.scheduler.BindPlugin;
                        if (!essential) {
                            profile.without(entry.plugin().name());
                        }
                    }
                } else if (profile.has(plugin)) {
                    profile.without(plugin);
                }
            }
            for (Field enabled : set.get("enabled").list()) {
                enabled.onlyFields("name", "weight");
                String plugin = enabled.get("name").text();
                int weight = enabled.get("weight").intValue(0);
                if (!profile.has(plugin)) {
                    Plugin created;
                    try {
                        Supplier<Plugin> own = outOfTree.get(plugin);
                        created = own != null ? own.get() : DefaultPlugins.create(plugin);
                    } catch (IllegalArgumentException e) {
                        throw enabled.get("name").invalid(e.getMessage());
                    }
                    profile.plugin(created, weight == 0 ? 1 : weight);
                } else if (weight != 0) {
                    profile.weight(plugin, weight);
                }
            }
        }
        for (Field config : field.get("pluginConfig").list()) {
            config.onlyFields("name", "args");
            String plugin = config.get("name").text();
            Plugin configured = configure(plugin, config.get("args"));
            if (profile.has(plugin)) {
                profile.replace(configured);
            }
        }
        return profile;
    }

    /** A built-in plugin with the given {@code args}. */
    static Plugin configure(String plugin, Field args) {
        return switch (plugin) {
            case NodeResourcesFit.NAME -> {
                args.onlyFields("apiVersion", "kind", "scoringStrategy", "ignoredResources", "ignoredResourceGroups");
                Field strategy = args.get("scoringStrategy");
                strategy.onlyFields("type", "resources", "requestedToCapacityRatio");
                List<ResourceSpec> resources = strategy.get("resources").present()
                        ? resources(strategy.get("resources"))
                        : ScoringStrategy.DEFAULT_RESOURCES;
                String type = strategy.get("type").text("LeastAllocated");
                ScoringStrategy parsed = switch (type) {
                    case "LeastAllocated" -> new ScoringStrategy.LeastAllocated(resources);
                    case "MostAllocated" -> new ScoringStrategy.MostAllocated(resources);
                    case "RequestedToCapacityRatio" -> {
                        Field ratio = strategy.get("requestedToCapacityRatio");
                        ratio.onlyFields("shape");
                        List<ScoringStrategy.ShapePoint> shape = ratio.get("shape")
                                .list(point -> {
                                    point.onlyFields("utilization", "score");
                                    try {
                                        return new ScoringStrategy.ShapePoint(
                                                point.get("utilization").intValue(0),
                                                point.get("score").intValue(0));
                                    } catch (IllegalArgumentException e) {
                                        throw point.invalid(e.getMessage());
                                    }
                                });
                        try {
                            yield new ScoringStrategy.RequestedToCapacityRatio(resources, shape);
                        } catch (IllegalArgumentException e) {
                            throw ratio.invalid(e.getMessage());
                        }
                    }
                    default ->
                        throw strategy.get("type")
                                .invalid("'" + type
                                        + "' (expected: LeastAllocated, MostAllocated or RequestedToCapacityRatio)");
                };
                yield new NodeResourcesFit(
                        parsed,
                        new HashSet<>(args.get("ignoredResources").strings()),
                        new HashSet<>(args.get("ignoredResourceGroups").strings()));
            }
            case NodeResourcesBalancedAllocation.NAME -> {
                args.onlyFields("apiVersion", "kind", "resources");
                yield args.get("resources").present()
                        ? new NodeResourcesBalancedAllocation(resources(args.get("resources")))
                        : new NodeResourcesBalancedAllocation();
            }
            case PodTopologySpread.NAME -> {
                // Default constraints take their selector from the pod's Services and ReplicaSets, which this model
                // does not have; with an empty selector upstream skips them too. Checked, then accepted.
                args.onlyFields("apiVersion", "kind", "defaultConstraints", "defaultingType");
                String defaulting = args.get("defaultingType").text("System");
                if (!defaulting.equals("System") && !defaulting.equals("List")) {
                    throw args.get("defaultingType").invalid("'" + defaulting + "' (expected: System or List)");
                }
                args.get("defaultConstraints").list(Manifests::spread);
                yield new PodTopologySpread();
            }
            case NodeAffinityPlugin.NAME -> {
                args.onlyFields("apiVersion", "kind", "addedAffinity");
                yield new NodeAffinityPlugin(Manifests.nodeAffinity(args.get("addedAffinity")));
            }
            case InterPodAffinity.NAME -> {
                args.onlyFields("apiVersion", "kind", "hardPodAffinityWeight", "ignorePreferredTermsOfExistingPods");
                try {
                    yield new InterPodAffinity(args.get("hardPodAffinityWeight").intValue(1));
                } catch (IllegalArgumentException e) {
                    throw args.get("hardPodAffinityWeight").invalid(e.getMessage());
                }
            }
            case DefaultPreemption.NAME -> {
                args.onlyFields("apiVersion", "kind", "minCandidateNodesPercentage", "minCandidateNodesAbsolute");
                try {
                    yield new DefaultPreemption(
                            args.get("minCandidateNodesPercentage").intValue(10),
                            args.get("minCandidateNodesAbsolute").intValue(100));
                } catch (IllegalArgumentException e) {
                    throw args.invalid(e.getMessage());
                }
            }
            default ->
                throw args.invalid("no arguments are supported for plugin '" + plugin
                        + "' (configurable: NodeResourcesFit, NodeResourcesBalancedAllocation, NodeAffinity,"
                        + " PodTopologySpread, InterPodAffinity, DefaultPreemption)");
        };
    }

    private static List<ResourceSpec> resources(Field list) {
        return list.list(entry -> {
            entry.onlyFields("name", "weight");
            try {
                return new ResourceSpec(
                        entry.get("name").text(), entry.get("weight").integer(1));
            } catch (IllegalArgumentException e) {
                throw entry.invalid(e.getMessage());
            }
        });
    }

    /** A configuration file whose {@code pluginConfig} holds these args by plugin name (the scenarios' overrides). */
    public static String withPluginArgs(Map<String, Object> argsByPlugin) {
        StringBuilder yaml = new StringBuilder("apiVersion: " + API_VERSION + "\nkind: KubeSchedulerConfiguration\n");
        yaml.append("profiles:\n- schedulerName: default-scheduler\n  pluginConfig:\n");
        try {
            com.fasterxml.jackson.dataformat.yaml.YAMLMapper mapper =
                    new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
            for (Map.Entry<String, Object> entry : argsByPlugin.entrySet()) {
                String args = mapper.writeValueAsString(entry.getValue()).replaceFirst("^---\\s*\n", "");
                yaml.append("  - name: ").append(entry.getKey()).append("\n    args:\n");
                for (String line : args.split("\n")) {
                    yaml.append("      ").append(line).append('\n');
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write plugin args " + argsByPlugin + ": " + e.getOriginalMessage(), e);
        }
        return yaml.toString();
    }
}
