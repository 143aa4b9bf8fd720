package dev.keel.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.scheduler.manifest.ManifestWriter;
import dev.keel.scheduler.manifest.Manifests;
import dev.keel.testing.Property;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Writing nodes and pods as v1 manifests and reading them back gives the same values. */
@ExtendWith(SeedExtension.class)
final class ManifestRoundTripTest {

    @Test
    void writeThenRead_randomClusters_giveEqualNodesAndPods(SeededRandom random) {
        Property.forAll(random, 100, OraclePropertyTest.cases(6), trial -> {
            List<Pod> pods = new ArrayList<>(trial.existing());
            pods.addAll(trial.pending());
            assertThat(Manifests.readNodes(ManifestWriter.yaml(trial.nodes()), "nodes.yaml"))
                    .isEqualTo(trial.nodes());
            assertThat(Manifests.readPods(ManifestWriter.yaml(pods), "pods.yaml"))
                    .isEqualTo(pods);
        });
    }

    @Test
    void writeThenRead_everyPlacementField_survives() {
        Pod pod = Pod.builder("full")
                .namespace("team")
                .label("app", "web")
                .container(new Container(
                        "app",
                        "nginx:1.27",
                        new Resources(1500, 3L << 30, 1L << 20, Map.of("example.com/gpu", 1L)),
                        Resources.ofBytes(2000, 1000),
                        List.of(new HostPort("10.0.0.1", "UDP", 53)),
                        false))
                .initContainer(new Container(
                        "proxy", "envoy", Resources.ofBytes(100, 1 << 20), Resources.NONE, List.of(), true))
                .overhead(Resources.ofBytes(10, 1 << 10))
                .nodeSelector(Map.of("disk", "ssd"))
                .nodeAffinity(new NodeAffinity(
                        List.of(NodeSelectorTerm.of(new Requirement("gen", Requirement.Operator.GT, List.of("3")))),
                        List.of(new NodeAffinity.Preferred(7, NodeSelectorTerm.of(Requirement.exists("fast"))))))
                .podAffinity(new PodAffinity(
                        List.of(new PodAffinityTerm(
                                LabelSelector.matching(Map.of("app", "db")), java.util.Set.of("data"), false, "zone")),
                        List.of()))
                .podAntiAffinity(new PodAffinity(
                        List.of(),
                        List.of(new PodAffinityTerm.Weighted(
                                30,
                                new PodAffinityTerm(
                                        LabelSelector.EVERYTHING,
                                        java.util.Set.of(),
                                        true,
                                        "kubernetes.io/hostname")))))
                .toleration(Toleration.exists("", null))
                .toleration(Toleration.equal("k", "v", TaintEffect.NO_EXECUTE))
                .topologySpread(new TopologySpreadConstraint(
                        2,
                        "zone",
                        true,
                        LabelSelector.matching(Map.of("app", "web")),
                        3,
                        false,
                        true,
                        List.of("version")))
                .priority(-5)
                .preemptionNever(true)
                .nodeName("n1")
                .schedulerName("bin-packer")
                .build();

        assertThat(Manifests.readPods(ManifestWriter.yaml(List.of(pod)), "pod.yaml"))
                .containsExactly(pod);
    }
}
