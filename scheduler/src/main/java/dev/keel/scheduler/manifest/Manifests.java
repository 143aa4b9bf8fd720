package dev.keel.scheduler.manifest;

import dev.keel.scheduler.Container;
import dev.keel.scheduler.HostPort;
import dev.keel.scheduler.LabelSelector;
import dev.keel.scheduler.Node;
import dev.keel.scheduler.NodeAffinity;
import dev.keel.scheduler.NodeSelectorTerm;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PodAffinity;
import dev.keel.scheduler.PodAffinityTerm;
import dev.keel.scheduler.PodDisruptionBudget;
import dev.keel.scheduler.Requirement;
import dev.keel.scheduler.Resources;
import dev.keel.scheduler.Taint;
import dev.keel.scheduler.TaintEffect;
import dev.keel.scheduler.Toleration;
import dev.keel.scheduler.TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads v1 Node and Pod manifests (YAML, several documents, or JSON; {@code kind: List} too) into the scheduler's
 * model. Fields the scheduler does not use (volumes, probes, security contexts) are ignored, as the API server keeps
 * them for others; fields it uses are checked, and a bad one fails with the document and the field named.
 * Stateless and thread-safe.
 */
public final class Manifests {

    private Manifests() {}

    public static List<Node> readNodes(String text, String source) {
        List<Node> nodes = new ArrayList<>();
        for (Documents.Document document : Documents.split(text, source)) {
            nodes.add(node(Field.root(document.node(), Documents.expect(document, "v1", "Node"))));
        }
        return nodes;
    }

    /** Pods; those in phase Succeeded or Failed are left out, as they hold no resources. */
    public static List<Pod> readPods(String text, String source) {
        List<Pod> pods = new ArrayList<>();
        for (Documents.Document document : Documents.split(text, source)) {
            Field root = Field.root(document.node(), Documents.expect(document, "v1", "Pod"));
            String phase = root.get("status").get("phase").text("");
            if (phase.equals("Succeeded") || phase.equals("Failed")) {
                continue;
            }
            pods.add(pod(root));
        }
        return pods;
    }

    /**
     * {@code policy/v1} PodDisruptionBudgets, with the disruptions they allow now: {@code status.disruptionsAllowed}
     * as the disruption controller wrote it, or else an integer {@code spec.maxUnavailable} (all covered pods
     * assumed healthy). A budget that gives neither (only {@code minAvailable}, or percentages) is an error naming the
     * fields, since the allowance would depend on pod health this scheduler cannot see.
     */
    public static List<PodDisruptionBudget> readPodDisruptionBudgets(String text, String source) {
        List<PodDisruptionBudget> budgets = new ArrayList<>();
        for (Documents.Document document : Documents.split(text, source)) {
            Field root = Field.root(document.node(), Documents.expect(document, "policy/v1", "PodDisruptionBudget"));
            Field metadata = root.get("metadata");
            Field spec = root.get("spec");
            Field allowed = root.get("status").get("disruptionsAllowed");
            int disruptions;
            if (allowed.present()) {
                disruptions = allowed.intValue(0);
            } else if (spec.get("maxUnavailable").present()
                    && spec.get("maxUnavailable").node().isIntegralNumber()) {
                disruptions = spec.get("maxUnavailable").intValue(0);
            } else {
                throw allowed.invalid("is required unless spec.maxUnavailable is an integer");
            }
            try {
                budgets.add(new PodDisruptionBudget(
                        metadata.get("namespace").text("default"),
                        metadata.get("name").text(),
                        selector(spec.get("selector")),
                        disruptions));
            } catch (IllegalArgumentException e) {
                throw root.invalid(e.getMessage());
            }
        }
        return budgets;
    }

    static Node node(Field root) {
        Field metadata = root.get("metadata");
        String name = metadata.get("name").text();
        Field status = root.get("status");
        Field allocatable = status.get("allocatable").present() ? status.get("allocatable") : status.get("capacity");
        if (!allocatable.present()) {
            throw status.get("allocatable").missing();
        }
        Resources resources = resources(allocatable);
        int maxPods = allocatable.get("pods").present()
                ? (int) Math.min(Integer.MAX_VALUE, allocatable.get("pods").parse(Quantity::value))
                : Node.DEFAULT_MAX_PODS;
        Field spec = root.get("spec");
        List<Taint> taints = spec.get("taints").list(Manifests::taint);
        Map<String, Long> images = new LinkedHashMap<>();
        for (Field image : status.get("images").list()) {
            long size = image.get("sizeBytes").integer(0);
            for (String imageName : image.get("names").strings()) {
                images.put(imageName, size);
            }
        }
        try {
            return new Node(
                    name,
                    resources,
                    maxPods,
                    metadata.get("labels").stringMap(),
                    taints,
                    spec.get("unschedulable").bool(false),
                    images);
        } catch (IllegalArgumentException e) {
            throw root.invalid(e.getMessage());
        }
    }

    static Resources resources(Field list) {
        long cpu = 0;
        long memory = 0;
        long storage = 0;
        Map<String, Long> extended = new TreeMap<>();
        for (Map.Entry<String, Field> entry : list.entries().entrySet()) {
            Field value = entry.getValue();
            switch (entry.getKey()) {
                case "cpu" -> cpu = value.parse(Quantity::milliValue);
                case "memory" -> memory = value.parse(Quantity::value);
                case "ephemeral-storage" -> storage = value.parse(Quantity::value);
                case "pods", "storage" -> {
                    // pods is the node's pod count (read separately); storage is not schedulable
                }
                default -> extended.put(entry.getKey(), value.parse(Quantity::value));
            }
        }
        return new Resources(cpu, memory, storage, extended);
    }

    static Taint taint(Field field) {
        return new Taint(
                field.get("key").text(),
                field.get("value").text(""),
                field.get("effect").parse(TaintEffect::fromWireName));
    }

    static Pod pod(Field root) {
        Field metadata = root.get("metadata");
        Field spec = root.get("spec");
        Pod.Builder builder = Pod.builder(metadata.get("name").text())
                .namespace(metadata.get("namespace").text("default"))
                .labels(metadata.get("labels").stringMap())
                .nodeSelector(spec.get("nodeSelector").stringMap())
                .priority(spec.get("priority").intValue(0))
                .nodeName(spec.get("nodeName").text(""))
                .schedulerName(spec.get("schedulerName").text(Pod.DEFAULT_SCHEDULER));
        String uid = metadata.get("uid").text("");
        if (!uid.isEmpty()) {
            builder.uid(uid);
        }
        String policy = spec.get("preemptionPolicy").text("PreemptLowerPriority");
        if (!policy.equals("PreemptLowerPriority") && !policy.equals("Never")) {
            throw spec.get("preemptionPolicy").invalid("'" + policy + "' (expected: PreemptLowerPriority or Never)");
        }
        builder.preemptionNever(policy.equals("Never"));
        List<Field> containers = spec.get("containers").list();
        if (containers.isEmpty()) {
            throw spec.get("containers").missing();
        }
        containers.forEach(c -> builder.container(container(c, false)));
        spec.get("initContainers").list().forEach(c -> builder.initContainer(container(c, true)));
        if (spec.get("overhead").present()) {
            builder.overhead(resources(spec.get("overhead")));
        }
        spec.get("tolerations").list().forEach(t -> builder.toleration(toleration(t)));
        spec.get("topologySpreadConstraints").list().forEach(c -> builder.topologySpread(spread(c)));
        Field affinity = spec.get("affinity");
        if (affinity.present()) {
            builder.nodeAffinity(nodeAffinity(affinity.get("nodeAffinity")));
            builder.podAffinity(podAffinity(affinity.get("podAffinity")));
            builder.podAntiAffinity(podAffinity(affinity.get("podAntiAffinity")));
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw root.invalid(e.getMessage());
        }
    }

    static Container container(Field field, boolean init) {
        Field resources = field.get("resources");
        List<HostPort> ports = new ArrayList<>();
        for (Field port : field.get("ports").list()) {
            int hostPort = port.get("hostPort").intValue(0);
            if (hostPort == 0) {
                continue;
            }
            try {
                ports.add(new HostPort(
                        port.get("hostIP").text(""), port.get("protocol").text("TCP"), hostPort));
            } catch (IllegalArgumentException e) {
                throw port.invalid(e.getMessage());
            }
        }
        boolean sidecar = init && field.get("restartPolicy").text("").equals("Always");
        return new Container(
                field.get("name").text(),
                field.get("image").text(""),
                resources(resources.get("requests")),
                resources(resources.get("limits")),
                ports,
                sidecar);
    }

    static Toleration toleration(Field field) {
        String operator = field.get("operator").text("Equal");
        String effect = field.get("effect").text("");
        TaintEffect parsedEffect = effect.isEmpty() ? null : field.get("effect").parse(TaintEffect::fromWireName);
        try {
            return switch (operator) {
                case "Equal" ->
                    Toleration.equal(
                            field.get("key").text(""), field.get("value").text(""), parsedEffect);
                case "Exists" -> Toleration.exists(field.get("key").text(""), parsedEffect);
                default -> throw field.get("operator").invalid("'" + operator + "' (expected: Equal or Exists)");
            };
        } catch (IllegalArgumentException e) {
            throw field.invalid(e.getMessage());
        }
    }

    static Requirement requirement(Field field) {
        try {
            return new Requirement(
                    field.get("key").text(),
                    field.get("operator").parse(Requirement.Operator::fromWireName),
                    field.get("values").strings());
        } catch (IllegalArgumentException e) {
            throw field.invalid(e.getMessage());
        }
    }

    static LabelSelector selector(Field field) {
        if (!field.present()) {
            return LabelSelector.NOTHING;
        }
        return new LabelSelector(
                field.get("matchLabels").stringMap(),
                field.get("matchExpressions").list(Manifests::requirement));
    }

    static NodeSelectorTerm nodeSelectorTerm(Field field) {
        try {
            return new NodeSelectorTerm(
                    field.get("matchExpressions").list(Manifests::requirement),
                    field.get("matchFields").list(Manifests::requirement));
        } catch (IllegalArgumentException e) {
            throw field.invalid(e.getMessage());
        }
    }

    static NodeAffinity nodeAffinity(Field field) {
        if (!field.present()) {
            return NodeAffinity.NONE;
        }
        Field required = field.get("requiredDuringSchedulingIgnoredDuringExecution");
        List<NodeSelectorTerm> terms = required.get("nodeSelectorTerms").list(Manifests::nodeSelectorTerm);
        if (required.present() && terms.isEmpty()) {
            throw required.get("nodeSelectorTerms").invalid("must hold at least one term");
        }
        List<NodeAffinity.Preferred> preferred = new ArrayList<>();
        for (Field entry :
                field.get("preferredDuringSchedulingIgnoredDuringExecution").list()) {
            try {
                preferred.add(new NodeAffinity.Preferred(
                        entry.get("weight").intValue(0), nodeSelectorTerm(entry.get("preference"))));
            } catch (IllegalArgumentException e) {
                throw entry.invalid(e.getMessage());
            }
        }
        return new NodeAffinity(terms, preferred);
    }

    static PodAffinityTerm podAffinityTerm(Field field) {
        Field namespaceSelector = field.get("namespaceSelector");
        boolean all = namespaceSelector.present() && namespaceSelector.entries().isEmpty();
        if (namespaceSelector.present() && !all) {
            throw namespaceSelector.invalid("only the empty selector {} (all namespaces) is supported");
        }
        try {
            return new PodAffinityTerm(
                    selector(field.get("labelSelector")),
                    new HashSet<>(field.get("namespaces").strings()),
                    all,
                    field.get("topologyKey").text());
        } catch (IllegalArgumentException e) {
            throw field.invalid(e.getMessage());
        }
    }

    static PodAffinity podAffinity(Field field) {
        if (!field.present()) {
            return PodAffinity.NONE;
        }
        List<PodAffinityTerm> required =
                field.get("requiredDuringSchedulingIgnoredDuringExecution").list(Manifests::podAffinityTerm);
        List<PodAffinityTerm.Weighted> preferred = new ArrayList<>();
        for (Field entry :
                field.get("preferredDuringSchedulingIgnoredDuringExecution").list()) {
            try {
                preferred.add(new PodAffinityTerm.Weighted(
                        entry.get("weight").intValue(0), podAffinityTerm(entry.get("podAffinityTerm"))));
            } catch (IllegalArgumentException e) {
                throw entry.invalid(e.getMessage());
            }
        }
        return new PodAffinity(required, preferred);
    }

    static TopologySpreadConstraint spread(Field field) {
        String when = field.get("whenUnsatisfiable").text();
        if (!when.equals("DoNotSchedule") && !when.equals("ScheduleAnyway")) {
            throw field.get("whenUnsatisfiable").invalid("'" + when + "' (expected: DoNotSchedule or ScheduleAnyway)");
        }
        String affinityPolicy = field.get("nodeAffinityPolicy").text("Honor");
        String taintsPolicy = field.get("nodeTaintsPolicy").text("Ignore");
        for (Map.Entry<String, String> policy : Map.of(
                        "nodeAffinityPolicy", affinityPolicy, "nodeTaintsPolicy", taintsPolicy)
                .entrySet()) {
            if (!policy.getValue().equals("Honor") && !policy.getValue().equals("Ignore")) {
                throw field.get(policy.getKey()).invalid("'" + policy.getValue() + "' (expected: Honor or Ignore)");
            }
        }
        try {
            return new TopologySpreadConstraint(
                    field.get("maxSkew").intValue(0),
                    field.get("topologyKey").text(),
                    when.equals("DoNotSchedule"),
                    selector(field.get("labelSelector")),
                    field.get("minDomains").intValue(1),
                    affinityPolicy.equals("Honor"),
                    taintsPolicy.equals("Honor"),
                    field.get("matchLabelKeys").strings());
        } catch (IllegalArgumentException e) {
            throw field.invalid(e.getMessage());
        }
    }
}
