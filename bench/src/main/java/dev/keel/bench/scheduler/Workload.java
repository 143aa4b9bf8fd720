package dev.keel.bench.scheduler;

import dev.keel.scheduler.LabelSelector;
import dev.keel.scheduler.Node;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PodAffinity;
import dev.keel.scheduler.PodAffinityTerm;
import dev.keel.scheduler.Resources;
import dev.keel.scheduler.TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * kube-scheduler's scheduler_perf workloads ({@code test/integration/scheduler_perf/config/performance-config.yaml}):
 * nodes from {@code node-default.yaml} (4 cpu, 32Gi, 110 pods) spread over three zones, pods from
 * {@code pod-default.yaml} (100m, 500Mi), and for the two variants a zone spread constraint or a hostname
 * anti-affinity on the pods' own label. Immutable.
 */
record Workload(String name, int nodes, int pods, Kind kind) {

    enum Kind {
        BASIC,
        TOPOLOGY_SPREADING,
        POD_ANTI_AFFINITY
    }

    static final List<Workload> ALL = List.of(
            new Workload("SchedulingBasic", 5_000, 10_000, Kind.BASIC),
            new Workload("TopologySpreading", 5_000, 5_000, Kind.TOPOLOGY_SPREADING),
            new Workload("SchedulingPodAntiAffinity", 5_000, 2_000, Kind.POD_ANTI_AFFINITY));

    List<Node> nodeList() {
        List<Node> list = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) {
            String name = "node-" + i;
            list.add(new Node(name, Resources.ofBytes(4_000, 32L << 30))
                    .withLabels(
                            Map.of("kubernetes.io/hostname", name, "topology.kubernetes.io/zone", "zone-" + (i % 3))));
        }
        return list;
    }

    List<Pod> podList() {
        List<Pod> list = new ArrayList<>(pods);
        for (int i = 0; i < pods; i++) {
            Pod.Builder pod =
                    Pod.builder("pod-" + i).label("color", "blue").requests(Resources.ofBytes(100, 500L << 20));
            switch (kind) {
                case BASIC -> {}
                case TOPOLOGY_SPREADING ->
                    pod.topologySpread(TopologySpreadConstraint.of(
                            1, "topology.kubernetes.io/zone", true, LabelSelector.matching(Map.of("color", "blue"))));
                case POD_ANTI_AFFINITY ->
                    pod.podAntiAffinity(new PodAffinity(
                            List.of(PodAffinityTerm.of(
                                    LabelSelector.matching(Map.of("color", "blue")), "kubernetes.io/hostname")),
                            List.of()));
            }
            list.add(pod.build());
        }
        return list;
    }
}
