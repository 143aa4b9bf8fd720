package dev.keel.scheduler.plugins;

import static dev.keel.scheduler.Fixtures.node;
import static dev.keel.scheduler.Fixtures.pod;
import static dev.keel.scheduler.QueueingHint.QUEUE;
import static dev.keel.scheduler.QueueingHint.SKIP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.scheduler.ClusterEvent;
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
import dev.keel.scheduler.TaintEffect;
import dev.keel.scheduler.Toleration;
import dev.keel.scheduler.TopologySpreadConstraint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each default plugin's QueueingHints, case by case as upstream's {@code isSchedulableAfter...} tests. */
final class QueueingHintsTest {

    private static final long GIB = 1L << 30;
    private static final Taint GPU_ONLY = new Taint("gpu", "true", TaintEffect.NO_SCHEDULE);
    private final Node plain = node("n", 4000, 8 * GIB);

    @Test
    void taintToleration_queuesOnlyWhenAnUntoleratedTaintGoes() {
        TaintToleration plugin = new TaintToleration();
        Pod pod = pod("p", 100, GIB);
        Node tainted = plain.withTaints(List.of(GPU_ONLY));

        assertThat(plugin.isSchedulableAfter(new ClusterEvent.NodeAdded(tainted), pod))
                .isEqualTo(SKIP);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.NodeAdded(plain), pod))
                .isEqualTo(QUEUE);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.NodeUpdated(tainted, plain), pod))
                .isEqualTo(QUEUE);
        assertThat(plugin.isSchedulableAfter(
                        new ClusterEvent.NodeUpdated(tainted, tainted.withLabels(Map.of("x", "y"))), pod))
                .as("still tainted")
                .isEqualTo(SKIP);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.NodeUpdated(plain, plain), pod))
                .as("was tolerated already")
                .isEqualTo(SKIP);
        Pod tolerant =
                pod.toBuilder().toleration(Toleration.exists("gpu", null)).build();
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.NodeAdded(tainted), tolerant))
                .isEqualTo(QUEUE);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.PodDeleted(pod), pod))
                .isEqualTo(SKIP);
    }

    @Test
    void nodeAffinity_queuesWhenANodeStartsToMatch() {
        NodeAffinityPlugin plugin = new NodeAffinityPlugin(NodeAffinity.NONE);
        Pod pod = pod("p", 100, GIB).toBuilder()
                .nodeAffinity(new NodeAffinity(List.of(NodeSelectorTerm.of(Requirement.in("zone", "a"))), List.of()))
                .build();
        Node zoneA = plain.withLabels(Map.of("zone", "a"));
        Node zoneB = plain.withLabels(Map.of("zone", "b"));

        assertThat(plugin.isSchedulableAfter(new ClusterEvent.NodeAdded(zoneA), pod))
                .isEqualTo(QUEUE);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.NodeAdded(zoneB), pod))
                .isEqualTo(SKIP);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.NodeUpdated(zoneB, zoneA), pod))
                .isEqualTo(QUEUE);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.NodeUpdated(zoneA, zoneA.withTaints(List.of())), pod))
                .as("matched before and after: not what rejected the pod")
                .isEqualTo(SKIP);
        NodeAffinityPlugin enforced = new NodeAffinityPlugin(
                new NodeAffinity(List.of(NodeSelectorTerm.of(Requirement.exists("pool"))), List.of()));
        assertThat(enforced.isSchedulableAfter(new ClusterEvent.NodeAdded(zoneA), pod))
                .as("addedAffinity must match too")
                .isEqualTo(SKIP);
    }

    @Test
    void nodeResourcesFit_nodeMustFitThePodEmpty_andAnUpdateMustGrowWhatItAsksFor() {
        NodeResourcesFit plugin = new NodeResourcesFit();
        Pod pod = pod("p", 2000, GIB);
        Node small = node("n", 1000, 8 * GIB);
        Node bigger = node("n", 3000, 8 * GIB);

        assertThat(plugin.isSchedulableAfter(new ClusterEvent.NodeAdded(small), pod))
                .isEqualTo(SKIP);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.NodeAdded(bigger), pod))
                .isEqualTo(QUEUE);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.NodeUpdated(small, bigger), pod))
                .isEqualTo(QUEUE);
        assertThat(plugin.isSchedulableAfter(
                        new ClusterEvent.NodeUpdated(bigger, bigger.withLabels(Map.of("x", "y"))), pod))
                .as("a label change frees no cpu")
                .isEqualTo(SKIP);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.PodDeleted(pod("gone", 1, 1)), pod))
                .isEqualTo(QUEUE);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.PodAdded(pod("new", 1, 1)), pod))
                .isEqualTo(SKIP);
    }

    @Test
    void nodePorts_aDeletedPodHelpsOnlyIfItHeldAWantedPort() {
        NodePorts plugin = new NodePorts();
        Pod web = withPort("web", 8080);

        assertThat(plugin.isSchedulableAfter(new ClusterEvent.PodDeleted(withPort("old-web", 8080)), web))
                .isEqualTo(QUEUE);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.PodDeleted(withPort("other", 9090)), web))
                .isEqualTo(SKIP);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.NodeAdded(plain), web))
                .isEqualTo(QUEUE);
    }

    @Test
    void interPodAffinity_addedPartnerOrDeletedRival_bothWays() {
        InterPodAffinity plugin = new InterPodAffinity();
        PodAffinityTerm nearDb = PodAffinityTerm.of(LabelSelector.matching(Map.of("app", "db")), "zone");
        PodAffinityTerm awayFromWeb = PodAffinityTerm.of(LabelSelector.matching(Map.of("app", "web")), "zone");
        Pod web = pod("web", 100, GIB).toBuilder()
                .label("app", "web")
                .podAffinity(new PodAffinity(List.of(nearDb), List.of()))
                .build();
        Pod db = pod("db", 100, GIB).toBuilder().label("app", "db").build();
        Pod cache = pod("cache", 100, GIB).toBuilder().label("app", "cache").build();
        Pod loner = pod("loner", 100, GIB).toBuilder()
                .label("app", "loner")
                .podAntiAffinity(new PodAffinity(List.of(awayFromWeb), List.of()))
                .build();

        assertThat(plugin.isSchedulableAfter(new ClusterEvent.PodAdded(db), web))
                .isEqualTo(QUEUE);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.PodAdded(cache), web))
                .isEqualTo(SKIP);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.PodDeleted(db), web))
                .as("losing an affinity partner never helps")
                .isEqualTo(SKIP);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.PodDeleted(loner), web))
                .as("symmetry: the deleted pod's anti-affinity kept web out")
                .isEqualTo(QUEUE);
        Pod antiDb = pod("anti", 100, GIB).toBuilder()
                .podAntiAffinity(new PodAffinity(List.of(nearDb), List.of()))
                .build();
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.PodDeleted(db), antiDb))
                .isEqualTo(QUEUE);
        assertThat(plugin.isSchedulableAfter(
                        new ClusterEvent.NodeUpdated(plain, plain.withTaints(List.of(GPU_ONLY))), web))
                .as("labels unchanged")
                .isEqualTo(SKIP);
    }

    @Test
    void podTopologySpread_matchingPodsInTheNamespace_andNodesWithTheKeys() {
        PodTopologySpread plugin = new PodTopologySpread();
        Pod pod = pod("p", 100, GIB).toBuilder()
                .label("app", "web")
                .topologySpread(
                        TopologySpreadConstraint.of(1, "zone", true, LabelSelector.matching(Map.of("app", "web"))))
                .build();
        Pod sibling = pod("s", 100, GIB).toBuilder().label("app", "web").build();
        Pod elsewhere = sibling.toBuilder().namespace("other").build();
        Node zoneA = plain.withLabels(Map.of("zone", "a"));

        assertThat(plugin.isSchedulableAfter(new ClusterEvent.PodDeleted(sibling), pod))
                .isEqualTo(QUEUE);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.PodAdded(sibling), pod))
                .isEqualTo(QUEUE);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.PodDeleted(elsewhere), pod))
                .isEqualTo(SKIP);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.NodeAdded(plain), pod))
                .isEqualTo(SKIP);
        assertThat(plugin.isSchedulableAfter(new ClusterEvent.NodeAdded(zoneA), pod))
                .isEqualTo(QUEUE);
        assertThat(plugin.isSchedulableAfter(
                        new ClusterEvent.NodeUpdated(zoneA, zoneA.withLabels(Map.of("zone", "a", "x", "y"))), pod))
                .isEqualTo(SKIP);
        assertThat(plugin.isSchedulableAfter(
                        new ClusterEvent.NodeUpdated(zoneA, zoneA.withLabels(Map.of("zone", "b"))), pod))
                .isEqualTo(QUEUE);
    }

    @Test
    void nodeUnschedulableAndNodeName() {
        Pod pod = pod("p", 100, GIB);
        Node cordoned = plain.withUnschedulable(true);
        NodeUnschedulable unschedulable = new NodeUnschedulable();
        assertThat(unschedulable.isSchedulableAfter(new ClusterEvent.NodeAdded(cordoned), pod))
                .isEqualTo(SKIP);
        assertThat(unschedulable.isSchedulableAfter(new ClusterEvent.NodeUpdated(cordoned, plain), pod))
                .isEqualTo(QUEUE);
        assertThat(unschedulable.isSchedulableAfter(new ClusterEvent.NodeUpdated(plain, plain), pod))
                .isEqualTo(SKIP);

        NodeName nodeName = new NodeName();
        Pod pinned = pod.toBuilder().nodeName("n").build();
        assertThat(nodeName.isSchedulableAfter(new ClusterEvent.NodeAdded(plain), pinned))
                .isEqualTo(QUEUE);
        assertThat(nodeName.isSchedulableAfter(new ClusterEvent.NodeAdded(node("m", 1, 1)), pinned))
                .isEqualTo(SKIP);
    }

    private static Pod withPort(String name, int port) {
        return Pod.builder(name)
                .container(new Container(
                        "main",
                        "",
                        Resources.ofBytes(100, GIB),
                        Resources.NONE,
                        List.of(new HostPort("", "TCP", port)),
                        false))
                .build();
    }
}
