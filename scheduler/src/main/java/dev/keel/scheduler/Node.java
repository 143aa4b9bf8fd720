package dev.keel.scheduler;

import java.util.List;
import java.util.Map;

/**
 * A node as the scheduler sees it: what it can allocate (including its pod count), labels, taints, whether it is
 * cordoned, and the images it holds (name to size in bytes, for ImageLocality). Immutable.
 */
public record Node(
        String name,
        Resources allocatable,
        int maxPods,
        Map<String, String> labels,
        List<Taint> taints,
        boolean unschedulable,
        Map<String, Long> images) {

    /** kubelet's default {@code maxPods}. */
    public static final int DEFAULT_MAX_PODS = 110;

    public Node {
        if (name.isBlank()) {
            throw new IllegalArgumentException("node name must not be blank");
        }
        if (maxPods < 0) {
            throw new IllegalArgumentException("maxPods (" + maxPods + ") must not be negative");
        }
        labels = Map.copyOf(labels);
        taints = List.copyOf(taints);
        images = Map.copyOf(images);
    }

    /** A node with kubelet's defaults: 110 pods, the hostname label, no taints. */
    public Node(String name, Resources allocatable) {
        this(name, allocatable, DEFAULT_MAX_PODS, Map.of("kubernetes.io/hostname", name), List.of(), false, Map.of());
    }

    public Node withLabels(Map<String, String> newLabels) {
        return new Node(name, allocatable, maxPods, newLabels, taints, unschedulable, images);
    }

    public Node withTaints(List<Taint> newTaints) {
        return new Node(name, allocatable, maxPods, labels, newTaints, unschedulable, images);
    }

    public Node withUnschedulable(boolean cordoned) {
        return new Node(name, allocatable, maxPods, labels, taints, cordoned, images);
    }

    public Node withMaxPods(int pods) {
        return new Node(name, allocatable, pods, labels, taints, unschedulable, images);
    }

    public Node withImages(Map<String, Long> newImages) {
        return new Node(name, allocatable, maxPods, labels, taints, unschedulable, newImages);
    }
}
