package dev.keel.scheduler.plugins;

import static dev.keel.scheduler.Fixtures.info;
import static dev.keel.scheduler.Fixtures.node;
import static dev.keel.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.scheduler.Container;
import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.HostPort;
import dev.keel.scheduler.Node;
import dev.keel.scheduler.NodeAffinity;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.NodeSelectorTerm;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.Requirement;
import dev.keel.scheduler.Resources;
import dev.keel.scheduler.ScorePlugin;
import dev.keel.scheduler.Status;
import dev.keel.scheduler.Taint;
import dev.keel.scheduler.TaintEffect;
import dev.keel.scheduler.Toleration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The label, taint, port and name filters, from upstream's unit tests' semantics. */
final class PlacementRulesTest {

    private static final CycleState STATE = new CycleState();

    private static NodeInfo tainted(Taint... taints) {
        return info(node("n", 1000, 1000).withTaints(List.of(taints)));
    }

    private static Pod tolerating(Toleration... tolerations) {
        Pod.Builder builder = pod("p", 1, 1).toBuilder();
        for (Toleration toleration : tolerations) {
            builder.toleration(toleration);
        }
        return builder.build();
    }

    @Test
    void taints_untolerated_rejectUnresolvablyWithBothWordings() {
        Status status = new TaintToleration()
                .filter(STATE, tolerating(), tainted(new Taint("dedicated", "user1", TaintEffect.NO_SCHEDULE)));

        assertThat(status.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
        assertThat(status.reasons()).containsExactly("node(s) had untolerated taint(s)");
        assertThat(status.legacyReasons()).containsExactly("node(s) had untolerated taint {dedicated: user1}");
    }

    @Test
    void taints_tolerationsByOperatorKeyAndEffect_matchUpstream() {
        Taint noExecute = new Taint("k", "v", TaintEffect.NO_EXECUTE);
        TaintToleration plugin = new TaintToleration();

        assertThat(plugin.filter(STATE, tolerating(Toleration.equal("k", "v", null)), tainted(noExecute))
                        .isSuccess())
                .isTrue();
        assertThat(plugin.filter(STATE, tolerating(Toleration.exists("", null)), tainted(noExecute))
                        .isSuccess())
                .isTrue();
        assertThat(plugin.filter(STATE, tolerating(Toleration.equal("k", "other", null)), tainted(noExecute))
                        .isSuccess())
                .isFalse();
        assertThat(plugin.filter(STATE, tolerating(Toleration.exists("k", TaintEffect.NO_SCHEDULE)), tainted(noExecute))
                        .isSuccess())
                .isFalse();
        assertThat(plugin.filter(STATE, tolerating(), tainted(new Taint("soft", "", TaintEffect.PREFER_NO_SCHEDULE)))
                        .isSuccess())
                .as("PreferNoSchedule never filters")
                .isTrue();
    }

    @Test
    void taints_score_countsIntolerablePreferNoScheduleReversed() {
        TaintToleration plugin = new TaintToleration();
        Pod pod = tolerating(Toleration.equal("a", "1", TaintEffect.PREFER_NO_SCHEDULE));
        long[] scores = {
            plugin.score(STATE, pod, tainted()),
            plugin.score(STATE, pod, tainted(new Taint("a", "1", TaintEffect.PREFER_NO_SCHEDULE))),
            plugin.score(STATE, pod, tainted(new Taint("b", "1", TaintEffect.PREFER_NO_SCHEDULE))),
            plugin.score(
                    STATE,
                    pod,
                    tainted(
                            new Taint("b", "1", TaintEffect.PREFER_NO_SCHEDULE),
                            new Taint("c", "1", TaintEffect.PREFER_NO_SCHEDULE)))
        };
        assertThat(scores).containsExactly(0, 0, 1, 2);
        plugin.normalize(STATE, pod, List.of(), scores);
        assertThat(scores).containsExactly(100, 100, 50, 0);
    }

    @Test
    void defaultNormalize_allZero_givesZeroOrMaxWhenReversed() {
        long[] plain = {0, 0};
        long[] reversed = {0, 0};
        ScorePlugin.defaultNormalize(100, false, plain);
        ScorePlugin.defaultNormalize(100, true, reversed);

        assertThat(plain).containsExactly(0, 0);
        assertThat(reversed).containsExactly(100, 100);
    }

    @Test
    void nodeAffinity_operators_matchAsUpstream() {
        Node node = node("n", 1, 1, Map.of("zone", "a", "gen", "5"));

        assertThat(NodeSelectorTerm.of(Requirement.in("zone", "a", "b")).matches(node))
                .isTrue();
        assertThat(NodeSelectorTerm.of(new Requirement("zone", Requirement.Operator.NOT_IN, List.of("a")))
                        .matches(node))
                .isFalse();
        assertThat(NodeSelectorTerm.of(new Requirement("absent", Requirement.Operator.NOT_IN, List.of("a")))
                        .matches(node))
                .isTrue();
        assertThat(NodeSelectorTerm.of(Requirement.exists("zone")).matches(node))
                .isTrue();
        assertThat(NodeSelectorTerm.of(new Requirement("zone", Requirement.Operator.DOES_NOT_EXIST, List.of()))
                        .matches(node))
                .isFalse();
        assertThat(NodeSelectorTerm.of(new Requirement("gen", Requirement.Operator.GT, List.of("4")))
                        .matches(node))
                .isTrue();
        assertThat(NodeSelectorTerm.of(new Requirement("gen", Requirement.Operator.LT, List.of("5")))
                        .matches(node))
                .isFalse();
        assertThat(NodeSelectorTerm.of(new Requirement("zone", Requirement.Operator.GT, List.of("1")))
                        .matches(node))
                .as("a label that is not an integer never satisfies Gt")
                .isFalse();
        assertThat(new NodeSelectorTerm(List.of(), List.of()).matches(node))
                .as("an empty term matches nothing")
                .isFalse();
        assertThat(new NodeSelectorTerm(
                                List.of(),
                                List.of(new Requirement("metadata.name", Requirement.Operator.IN, List.of("n"))))
                        .matches(node))
                .isTrue();
    }

    @Test
    void nodeAffinity_requiredTermsAreOredAndSelectorAnded() {
        NodeAffinity affinity = new NodeAffinity(
                List.of(
                        NodeSelectorTerm.of(Requirement.in("zone", "x")),
                        NodeSelectorTerm.of(Requirement.in("zone", "a"))),
                List.of());
        NodeInfo node = info(node("n", 1, 1, Map.of("zone", "a", "disk", "hdd")));
        NodeAffinityPlugin plugin = new NodeAffinityPlugin();

        Pod matching = pod("p", 1, 1).toBuilder().nodeAffinity(affinity).build();
        Pod wrongSelector =
                matching.toBuilder().nodeSelector(Map.of("disk", "ssd")).build();

        assertThat(plugin.filter(STATE, matching, node).isSuccess()).isTrue();
        Status rejected = plugin.filter(STATE, wrongSelector, node);
        assertThat(rejected.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
        assertThat(rejected.reasons()).containsExactly("node(s) didn't match Pod's node affinity/selector");
    }

    @Test
    void nodeAffinity_preferredWeights_areSummedAndNormalized() {
        NodeAffinity affinity = new NodeAffinity(
                List.of(),
                List.of(
                        new NodeAffinity.Preferred(20, NodeSelectorTerm.of(Requirement.in("zone", "a"))),
                        new NodeAffinity.Preferred(60, NodeSelectorTerm.of(Requirement.exists("ssd")))));
        Pod pod = pod("p", 1, 1).toBuilder().nodeAffinity(affinity).build();
        NodeAffinityPlugin plugin = new NodeAffinityPlugin();
        long[] scores = {
            plugin.score(STATE, pod, info(node("a", 1, 1, Map.of("zone", "a")))),
            plugin.score(STATE, pod, info(node("b", 1, 1, Map.of("zone", "a", "ssd", "")))),
            plugin.score(STATE, pod, info(node("c", 1, 1, Map.of())))
        };
        assertThat(scores).containsExactly(20, 80, 0);
        plugin.normalize(STATE, pod, List.of(), scores);
        assertThat(scores).containsExactly(25, 100, 0);
    }

    @Test
    void nodePorts_conflictOnSameProtocolPortAndAddressOrWildcard() {
        NodePorts plugin = new NodePorts();
        Pod existing = podWithPort("e", new HostPort("127.0.0.1", "TCP", 8080));

        assertThat(plugin.filter(
                                STATE,
                                podWithPort("p", new HostPort("127.0.0.1", "TCP", 8080)),
                                info(node("n", 9, 9), existing))
                        .reasons())
                .containsExactly("node(s) didn't have free ports for the requested pod ports");
        assertThat(plugin.filter(
                                STATE, podWithPort("p", new HostPort("", "TCP", 8080)), info(node("n", 9, 9), existing))
                        .isSuccess())
                .as("0.0.0.0 conflicts with every address")
                .isFalse();
        assertThat(plugin.filter(
                                STATE,
                                podWithPort("p", new HostPort("127.0.0.2", "TCP", 8080)),
                                info(node("n", 9, 9), existing))
                        .isSuccess())
                .isTrue();
        assertThat(plugin.filter(
                                STATE,
                                podWithPort("p", new HostPort("127.0.0.1", "UDP", 8080)),
                                info(node("n", 9, 9), existing))
                        .isSuccess())
                .isTrue();
        assertThatThrownBy(() -> new HostPort("", "HTTP", 80)).hasMessageContaining("protocol 'HTTP'");
    }

    private static Pod podWithPort(String name, HostPort port) {
        return Pod.builder(name)
                .container(new Container("c", "", Resources.ofBytes(1, 1), Resources.NONE, List.of(port), false))
                .build();
    }

    @Test
    void nodeNameAndUnschedulable_rejectUnresolvably() {
        NodeInfo cordoned = info(node("n", 9, 9).withUnschedulable(true));
        Pod pinned = pod("p", 1, 1).toBuilder().nodeName("other").build();

        assertThat(new NodeName().filter(STATE, pinned, cordoned).reasons())
                .containsExactly("node(s) didn't match the requested node name");
        assertThat(new NodeUnschedulable()
                        .filter(STATE, pod("p", 1, 1), cordoned)
                        .reasons())
                .containsExactly("node(s) were unschedulable");
        Pod tolerant = tolerating(Toleration.exists("node.kubernetes.io/unschedulable", TaintEffect.NO_SCHEDULE));
        assertThat(new NodeUnschedulable().filter(STATE, tolerant, cordoned).isSuccess())
                .isTrue();
    }
}
