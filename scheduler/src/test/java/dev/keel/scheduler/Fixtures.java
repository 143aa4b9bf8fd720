package dev.keel.scheduler;

import java.util.Map;

/** Small builders for tests: nodes and pods in millicores and bytes. */
public final class Fixtures {

    private Fixtures() {}

    public static Node node(String name, long milliCpu, long memoryBytes) {
        return new Node(name, Resources.ofBytes(milliCpu, memoryBytes));
    }

    public static Node node(String name, long milliCpu, long memoryBytes, Map<String, String> labels) {
        return node(name, milliCpu, memoryBytes).withLabels(labels);
    }

    public static Pod pod(String name, long milliCpu, long memoryBytes) {
        return Pod.builder(name)
                .requests(Resources.ofBytes(milliCpu, memoryBytes))
                .build();
    }

    public static Pod bound(Pod pod, String node) {
        return pod.toBuilder().nodeName(node).build();
    }

    public static NodeInfo info(Node node, Pod... pods) {
        NodeInfo info = new NodeInfo(node);
        for (Pod pod : pods) {
            info.addPod(bound(pod, node.name()));
        }
        return info;
    }
}
