package dev.keel.scheduler;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pods that preemption nominated to a node (upstream's {@code nominator}): each pod's nominated node, and per
 * node the pods whose room later cycles keep free for them while their victims go. Filtering asks it once per node
 * of every cycle, so {@link #isEmpty()} lets a cycle skip the per-node lookup when nobody is nominated, which is
 * nearly always.
 *
 * <p>Not thread-safe: owned by {@link KubernetesScheduler} and used under its lock.
 */
final class Nominations {

    private final Map<String, String> nodeByPod = new HashMap<>();
    private final Map<String, Map<String, Pod>> podsByNode = new HashMap<>();

    /** Whether no pod is nominated anywhere. */
    boolean isEmpty() {
        return podsByNode.isEmpty();
    }

    /** The node {@code uid} is nominated to, or "" if none. */
    String nodeOf(String uid) {
        return nodeByPod.getOrDefault(uid, "");
    }

    /** The pods nominated to {@code node}, in nomination order. */
    List<Pod> on(String node) {
        if (podsByNode.isEmpty()) {
            return List.of();
        }
        Map<String, Pod> pods = podsByNode.get(node);
        return pods == null ? List.of() : List.copyOf(pods.values());
    }

    /** Nominates {@code pod} to {@code node}, replacing any earlier nomination of it. */
    void nominate(Pod pod, String node) {
        clear(pod.uid());
        nodeByPod.put(pod.uid(), node);
        podsByNode.computeIfAbsent(node, n -> new LinkedHashMap<>()).put(pod.uid(), pod);
    }

    /** Forgets the nomination of the pod {@code uid}, if any. */
    void clear(String uid) {
        String node = nodeByPod.remove(uid);
        if (node != null) {
            Map<String, Pod> pods = podsByNode.get(node);
            if (pods != null) {
                pods.remove(uid);
                if (pods.isEmpty()) {
                    podsByNode.remove(node);
                }
            }
        }
    }
}
