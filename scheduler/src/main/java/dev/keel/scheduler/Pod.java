package dev.keel.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A pod as the scheduler sees it: identity, labels, containers and init containers, overhead, placement rules
 * (node selector, affinities, tolerations, topology spread), priority and preemption policy, and the node it is bound
 * to (empty while pending). Immutable; {@link #builder(String)} for everything beyond the seed's constructor.
 */
public record Pod(
        String name,
        String namespace,
        String uid,
        Map<String, String> labels,
        List<Container> containers,
        List<Container> initContainers,
        Resources overhead,
        Map<String, String> nodeSelector,
        NodeAffinity nodeAffinity,
        PodAffinity podAffinity,
        PodAffinity podAntiAffinity,
        List<Toleration> tolerations,
        List<TopologySpreadConstraint> topologySpreadConstraints,
        int priority,
        boolean preemptionNever,
        String nodeName,
        long startedAtNanos,
        String schedulerName) {

    /** The profile pods get unless they name another: {@code spec.schedulerName}'s default. */
    public static final String DEFAULT_SCHEDULER = "default-scheduler";

    public Pod {
        if (name.isBlank()) {
            throw new IllegalArgumentException("pod name must not be blank");
        }
        if (namespace.isBlank()) {
            throw new IllegalArgumentException("namespace of pod '" + name + "' must not be blank");
        }
        if (containers.isEmpty()) {
            throw new IllegalArgumentException("pod '" + name + "' must have at least one container");
        }
        labels = Map.copyOf(labels);
        containers = List.copyOf(containers);
        initContainers = List.copyOf(initContainers);
        Objects.requireNonNull(overhead, "overhead");
        nodeSelector = Map.copyOf(nodeSelector);
        tolerations = List.copyOf(tolerations);
        topologySpreadConstraints = List.copyOf(topologySpreadConstraints);
        if (schedulerName.isBlank()) {
            throw new IllegalArgumentException("schedulerName of pod '" + name + "' must not be blank");
        }
    }

    /** The seed's pod: one container with these requests and limits. */
    public Pod(String name, String namespace, Resources requests, Resources limits) {
        this(builder(name)
                .namespace(namespace)
                .container(new Container("main", "", requests, limits))
                .build());
    }

    private Pod(Pod built) {
        this(
                built.name,
                built.namespace,
                built.uid,
                built.labels,
                built.containers,
                built.initContainers,
                built.overhead,
                built.nodeSelector,
                built.nodeAffinity,
                built.podAffinity,
                built.podAntiAffinity,
                built.tolerations,
                built.topologySpreadConstraints,
                built.priority,
                built.preemptionNever,
                built.nodeName,
                built.startedAtNanos,
                built.schedulerName);
    }

    /** {@code namespace/name}, the key kube-scheduler logs. */
    public String key() {
        return namespace + "/" + name;
    }

    public boolean isBound() {
        return !nodeName.isEmpty();
    }

    /** This pod bound to {@code node}, started at {@code nanos} on the scheduler's clock. */
    public Pod boundTo(String node, long nanos) {
        return toBuilder().nodeName(node).startedAtNanos(nanos).build();
    }

    public boolean hasPodAffinityRules() {
        return !podAffinity.isEmpty() || !podAntiAffinity.isEmpty();
    }

    public Builder toBuilder() {
        Builder builder = new Builder(name)
                .namespace(namespace)
                .uid(uid)
                .labels(labels)
                .overhead(overhead)
                .nodeSelector(nodeSelector)
                .nodeAffinity(nodeAffinity)
                .podAffinity(podAffinity)
                .podAntiAffinity(podAntiAffinity)
                .priority(priority)
                .preemptionNever(preemptionNever)
                .nodeName(nodeName)
                .startedAtNanos(startedAtNanos)
                .schedulerName(schedulerName);
        containers.forEach(builder::container);
        initContainers.forEach(builder::initContainer);
        tolerations.forEach(builder::toleration);
        topologySpreadConstraints.forEach(builder::topologySpread);
        return builder;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a {@link Pod}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private String namespace = "default";
        private @Nullable String uid;
        private Map<String, String> labels = new LinkedHashMap<>();
        private final List<Container> containers = new ArrayList<>();
        private final List<Container> initContainers = new ArrayList<>();
        private Resources overhead = Resources.NONE;
        private Map<String, String> nodeSelector = Map.of();
        private NodeAffinity nodeAffinity = NodeAffinity.NONE;
        private PodAffinity podAffinity = PodAffinity.NONE;
        private PodAffinity podAntiAffinity = PodAffinity.NONE;
        private final List<Toleration> tolerations = new ArrayList<>();
        private final List<TopologySpreadConstraint> spread = new ArrayList<>();
        private int priority;
        private boolean preemptionNever;
        private String nodeName = "";
        private long startedAtNanos;
        private String schedulerName = DEFAULT_SCHEDULER;

        private Builder(String name) {
            this.name = name;
        }

        public Builder namespace(String value) {
            namespace = value;
            return this;
        }

        public Builder uid(String value) {
            uid = value;
            return this;
        }

        public Builder labels(Map<String, String> value) {
            labels = new LinkedHashMap<>(value);
            return this;
        }

        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public Builder container(Container container) {
            containers.add(container);
            return this;
        }

        /** One container named {@code main} with these requests and no limits. */
        public Builder requests(Resources requests) {
            return container(new Container("main", "", requests, Resources.NONE));
        }

        public Builder initContainer(Container container) {
            initContainers.add(container);
            return this;
        }

        public Builder overhead(Resources value) {
            overhead = value;
            return this;
        }

        public Builder nodeSelector(Map<String, String> value) {
            nodeSelector = value;
            return this;
        }

        public Builder nodeAffinity(NodeAffinity value) {
            nodeAffinity = value;
            return this;
        }

        public Builder podAffinity(PodAffinity value) {
            podAffinity = value;
            return this;
        }

        public Builder podAntiAffinity(PodAffinity value) {
            podAntiAffinity = value;
            return this;
        }

        public Builder toleration(Toleration value) {
            tolerations.add(value);
            return this;
        }

        public Builder topologySpread(TopologySpreadConstraint value) {
            spread.add(value);
            return this;
        }

        public Builder priority(int value) {
            priority = value;
            return this;
        }

        public Builder preemptionNever(boolean value) {
            preemptionNever = value;
            return this;
        }

        public Builder nodeName(String value) {
            nodeName = value;
            return this;
        }

        public Builder startedAtNanos(long value) {
            startedAtNanos = value;
            return this;
        }

        /** The profile that schedules this pod ({@code spec.schedulerName}). */
        public Builder schedulerName(String value) {
            schedulerName = value;
            return this;
        }

        public Pod build() {
            return new Pod(
                    name,
                    namespace,
                    uid == null ? namespace + "/" + name : uid,
                    labels,
                    containers,
                    initContainers,
                    overhead,
                    nodeSelector,
                    nodeAffinity,
                    podAffinity,
                    podAntiAffinity,
                    tolerations,
                    spread,
                    priority,
                    preemptionNever,
                    nodeName,
                    startedAtNanos,
                    schedulerName);
        }
    }
}
