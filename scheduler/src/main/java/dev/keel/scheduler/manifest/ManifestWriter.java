package dev.keel.scheduler.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.keel.scheduler.Container;
import dev.keel.scheduler.HostPort;
import dev.keel.scheduler.LabelSelector;
import dev.keel.scheduler.Node;
import dev.keel.scheduler.NodeAffinity;
import dev.keel.scheduler.NodeSelectorTerm;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PodAffinity;
import dev.keel.scheduler.PodAffinityTerm;
import dev.keel.scheduler.Requirement;
import dev.keel.scheduler.Resources;
import dev.keel.scheduler.Taint;
import dev.keel.scheduler.Toleration;
import dev.keel.scheduler.TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the model back as v1 Node and Pod manifests (multi-document YAML), so that {@link Manifests} reads them back
 * to equal values: quantities as exact integers ({@code 500m}, {@code 2}, bytes as {@code 1Gi} when whole). Stateless
 * and thread-safe.
 */
public final class ManifestWriter {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private ManifestWriter() {}

    /** Pods and nodes as one multi-document YAML text. */
    public static String yaml(List<?> objects) {
        StringBuilder out = new StringBuilder();
        for (Object object : objects) {
            Map<String, Object> manifest = switch (object) {
                case Pod pod -> pod(pod);
                case Node node -> node(node);
                default ->
                    throw new IllegalArgumentException(
                            "cannot write " + object.getClass().getName());
            };
            try {
                out.append(YAML.writeValueAsString(manifest));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a manifest: " + e.getOriginalMessage(), e);
            }
        }
        return out.toString();
    }

    static Map<String, Object> node(Node node) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", node.name());
        metadata.put("labels", node.labels());
        Map<String, Object> spec = new LinkedHashMap<>();
        if (!node.taints().isEmpty()) {
            spec.put("taints", node.taints().stream().map(ManifestWriter::taint).toList());
        }
        if (node.unschedulable()) {
            spec.put("unschedulable", true);
        }
        Map<String, Object> allocatable = resources(node.allocatable());
        allocatable.put("pods", String.valueOf(node.maxPods()));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("capacity", allocatable);
        status.put("allocatable", allocatable);
        if (!node.images().isEmpty()) {
            List<Object> images = new ArrayList<>();
            node.images().forEach((name, size) -> images.add(Map.of("names", List.of(name), "sizeBytes", size)));
            status.put("images", images);
        }
        return manifest("Node", metadata, spec, status);
    }

    static Map<String, Object> pod(Pod pod) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", pod.name());
        metadata.put("namespace", pod.namespace());
        metadata.put("uid", pod.uid());
        if (!pod.labels().isEmpty()) {
            metadata.put("labels", pod.labels());
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put(
                "containers",
                pod.containers().stream().map(ManifestWriter::container).toList());
        if (!pod.initContainers().isEmpty()) {
            spec.put(
                    "initContainers",
                    pod.initContainers().stream().map(ManifestWriter::container).toList());
        }
        if (!pod.overhead().isZero()) {
            spec.put("overhead", resources(pod.overhead()));
        }
        if (!pod.nodeSelector().isEmpty()) {
            spec.put("nodeSelector", pod.nodeSelector());
        }
        Map<String, Object> affinity = new LinkedHashMap<>();
        if (!pod.nodeAffinity().required().isEmpty()
                || !pod.nodeAffinity().preferred().isEmpty()) {
            affinity.put("nodeAffinity", nodeAffinity(pod.nodeAffinity()));
        }
        if (!pod.podAffinity().isEmpty()) {
            affinity.put("podAffinity", podAffinity(pod.podAffinity()));
        }
        if (!pod.podAntiAffinity().isEmpty()) {
            affinity.put("podAntiAffinity", podAffinity(pod.podAntiAffinity()));
        }
        if (!affinity.isEmpty()) {
            spec.put("affinity", affinity);
        }
        if (!pod.tolerations().isEmpty()) {
            spec.put(
                    "tolerations",
                    pod.tolerations().stream().map(ManifestWriter::toleration).toList());
        }
        if (!pod.topologySpreadConstraints().isEmpty()) {
            spec.put(
                    "topologySpreadConstraints",
                    pod.topologySpreadConstraints().stream()
                            .map(ManifestWriter::spread)
                            .toList());
        }
        spec.put("priority", pod.priority());
        if (pod.preemptionNever()) {
            spec.put("preemptionPolicy", "Never");
        }
        if (!pod.schedulerName().equals(Pod.DEFAULT_SCHEDULER)) {
            spec.put("schedulerName", pod.schedulerName());
        }
        if (pod.isBound()) {
            spec.put("nodeName", pod.nodeName());
        }
        return manifest("Pod", metadata, spec, Map.of("phase", pod.isBound() ? "Running" : "Pending"));
    }

    private static Map<String, Object> manifest(
            String kind, Map<String, Object> metadata, Map<String, Object> spec, Map<String, Object> status) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("apiVersion", "v1");
        manifest.put("kind", kind);
        manifest.put("metadata", metadata);
        manifest.put("spec", spec);
        manifest.put("status", status);
        return manifest;
    }

    static Map<String, Object> resources(Resources resources) {
        Map<String, Object> list = new LinkedHashMap<>();
        if (resources.milliCpu() != 0) {
            list.put(
                    "cpu",
                    resources.milliCpu() % 1000 == 0
                            ? String.valueOf(resources.milliCpu() / 1000)
                            : resources.milliCpu() + "m");
        }
        if (resources.memoryBytes() != 0) {
            list.put("memory", bytes(resources.memoryBytes()));
        }
        if (resources.ephemeralStorageBytes() != 0) {
            list.put("ephemeral-storage", bytes(resources.ephemeralStorageBytes()));
        }
        resources.extended().forEach((name, amount) -> list.put(name, String.valueOf(amount)));
        return list;
    }

    static String bytes(long bytes) {
        String[] suffixes = {"Ei", "Pi", "Ti", "Gi", "Mi", "Ki"};
        for (int i = 0; i < suffixes.length; i++) {
            long unit = 1L << (10 * (6 - i));
            if (bytes % unit == 0) {
                return bytes / unit + suffixes[i];
            }
        }
        return String.valueOf(bytes);
    }

    private static Map<String, Object> container(Container container) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", container.name());
        if (!container.image().isEmpty()) {
            result.put("image", container.image());
        }
        Map<String, Object> resources = new LinkedHashMap<>();
        if (!container.requests().isZero()) {
            resources.put("requests", resources(container.requests()));
        }
        if (!container.limits().isZero()) {
            resources.put("limits", resources(container.limits()));
        }
        if (!resources.isEmpty()) {
            result.put("resources", resources);
        }
        if (!container.ports().isEmpty()) {
            List<Object> ports = new ArrayList<>();
            for (HostPort port : container.ports()) {
                ports.add(Map.of(
                        "containerPort",
                        port.port(),
                        "hostPort",
                        port.port(),
                        "hostIP",
                        port.hostIp(),
                        "protocol",
                        port.protocol()));
            }
            result.put("ports", ports);
        }
        if (container.sidecar()) {
            result.put("restartPolicy", "Always");
        }
        return result;
    }

    private static Map<String, Object> taint(Taint taint) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("key", taint.key());
        if (!taint.value().isEmpty()) {
            result.put("value", taint.value());
        }
        result.put("effect", taint.effect().wireName());
        return result;
    }

    private static Map<String, Object> toleration(Toleration toleration) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (!toleration.key().isEmpty()) {
            result.put("key", toleration.key());
        }
        result.put("operator", toleration.operator() == Toleration.Operator.EXISTS ? "Exists" : "Equal");
        if (!toleration.value().isEmpty()) {
            result.put("value", toleration.value());
        }
        if (toleration.effect() != null) {
            result.put("effect", toleration.effect().wireName());
        }
        return result;
    }

    private static List<Object> requirements(List<Requirement> requirements) {
        List<Object> result = new ArrayList<>();
        for (Requirement requirement : requirements) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", requirement.key());
            item.put("operator", requirement.operator().wireName());
            if (!requirement.values().isEmpty()) {
                item.put("values", requirement.values());
            }
            result.add(item);
        }
        return result;
    }

    private static Map<String, Object> selector(LabelSelector selector) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (!selector.matchLabels().isEmpty()) {
            result.put("matchLabels", selector.matchLabels());
        }
        if (!selector.matchExpressions().isEmpty()) {
            result.put("matchExpressions", requirements(selector.matchExpressions()));
        }
        return result;
    }

    private static Map<String, Object> term(NodeSelectorTerm term) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (!term.matchExpressions().isEmpty()) {
            result.put("matchExpressions", requirements(term.matchExpressions()));
        }
        if (!term.matchFields().isEmpty()) {
            result.put("matchFields", requirements(term.matchFields()));
        }
        return result;
    }

    private static Map<String, Object> nodeAffinity(NodeAffinity affinity) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (!affinity.required().isEmpty()) {
            result.put(
                    "requiredDuringSchedulingIgnoredDuringExecution",
                    Map.of(
                            "nodeSelectorTerms",
                            affinity.required().stream()
                                    .map(ManifestWriter::term)
                                    .toList()));
        }
        if (!affinity.preferred().isEmpty()) {
            result.put(
                    "preferredDuringSchedulingIgnoredDuringExecution",
                    affinity.preferred().stream()
                            .map(p -> Map.of("weight", p.weight(), "preference", term(p.term())))
                            .toList());
        }
        return result;
    }

    private static Map<String, Object> podAffinityTerm(PodAffinityTerm term) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (!term.selector().equals(LabelSelector.NOTHING)) {
            result.put("labelSelector", selector(term.selector()));
        }
        if (!term.namespaces().isEmpty()) {
            result.put("namespaces", term.namespaces().stream().sorted().toList());
        }
        if (term.allNamespaces()) {
            result.put("namespaceSelector", Map.of());
        }
        result.put("topologyKey", term.topologyKey());
        return result;
    }

    private static Map<String, Object> podAffinity(PodAffinity affinity) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (!affinity.required().isEmpty()) {
            result.put(
                    "requiredDuringSchedulingIgnoredDuringExecution",
                    affinity.required().stream()
                            .map(ManifestWriter::podAffinityTerm)
                            .toList());
        }
        if (!affinity.preferred().isEmpty()) {
            result.put(
                    "preferredDuringSchedulingIgnoredDuringExecution",
                    affinity.preferred().stream()
                            .map(w -> Map.of("weight", w.weight(), "podAffinityTerm", podAffinityTerm(w.term())))
                            .toList());
        }
        return result;
    }

    private static Map<String, Object> spread(TopologySpreadConstraint constraint) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("maxSkew", constraint.maxSkew());
        result.put("topologyKey", constraint.topologyKey());
        result.put("whenUnsatisfiable", constraint.doNotSchedule() ? "DoNotSchedule" : "ScheduleAnyway");
        if (!constraint.selector().equals(LabelSelector.NOTHING)) {
            result.put("labelSelector", selector(constraint.selector()));
        }
        if (constraint.minDomains() != 1) {
            result.put("minDomains", constraint.minDomains());
        }
        result.put("nodeAffinityPolicy", constraint.honorNodeAffinity() ? "Honor" : "Ignore");
        result.put("nodeTaintsPolicy", constraint.honorNodeTaints() ? "Honor" : "Ignore");
        if (!constraint.matchLabelKeys().isEmpty()) {
            result.put("matchLabelKeys", constraint.matchLabelKeys());
        }
        return result;
    }
}
