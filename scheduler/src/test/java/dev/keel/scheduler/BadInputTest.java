package dev.keel.scheduler;

import static dev.keel.scheduler.Fixtures.node;
import static dev.keel.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.scheduler.manifest.ManifestException;
import dev.keel.scheduler.manifest.Manifests;
import dev.keel.scheduler.manifest.Quantity;
import dev.keel.scheduler.manifest.SchedulerConfiguration;
import dev.keel.scheduler.plugins.DefaultPlugins;
import dev.keel.scheduler.plugins.NodeResourcesFit;
import dev.keel.scheduler.plugins.ScoringStrategy;
import dev.keel.testing.ManualTicker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every entry point rejects bad input with a message naming the value and what was expected, changing nothing. */
final class BadInputTest {

    private static final String NODE = """
            apiVersion: v1
            kind: Node
            metadata:
              name: n1
            status:
              allocatable:
                cpu: "4"
                memory: 8Gi
                pods: "110"
            """;

    @Test
    void model_invalidValues_areRejectedWithTheValue() {
        assertThatThrownBy(() -> Resources.ofBytes(-1, 0)).hasMessage("milliCpu (-1) must not be negative");
        assertThatThrownBy(() -> new Node(" ", Resources.NONE)).hasMessage("node name must not be blank");
        assertThatThrownBy(() -> Pod.builder("p").build()).hasMessage("pod 'p' must have at least one container");
        assertThatThrownBy(() -> new Requirement("k", Requirement.Operator.GT, List.of("x")))
                .hasMessage("value 'x' for key 'k' must be an integer");
        assertThatThrownBy(() -> new Requirement("k", Requirement.Operator.IN, List.of()))
                .hasMessage("values for key 'k' must not be empty for operator In");
        assertThatThrownBy(() -> TopologySpreadConstraint.of(0, "zone", true, LabelSelector.EVERYTHING))
                .hasMessage("maxSkew (0) must be positive");
        assertThatThrownBy(() -> new Toleration("k", Toleration.Operator.EXISTS, "v", null))
                .hasMessage("toleration value 'v' must be empty when operator is Exists");
    }

    @Test
    void scheduler_misuse_isRejectedAndChangesNothing() {
        KubernetesScheduler scheduler =
                KubernetesScheduler.builder().ticker(ManualTicker.create()).build();
        scheduler.addNode(node("n1", 1000, 1 << 20));
        scheduler.submitPod(pod("p", 1, 1));

        assertThatThrownBy(() -> scheduler.submitPod(pod("p", 1, 1))).hasMessageContaining("already pending");
        assertThatThrownBy(() -> scheduler.addBoundPod(
                        pod("r", 1, 1).toBuilder().nodeName("ghost").build()))
                .hasMessage("pod default/r is bound to node 'ghost', which does not exist");
        assertThatThrownBy(() -> scheduler.removeNode("ghost")).hasMessage("no node 'ghost'");
        assertThatThrownBy(() -> KubernetesScheduler.builder().backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("max backoff (PT1S) must not be less than the initial backoff (PT5S)");
        assertThat(scheduler.pendingPods()).extracting(Pod::name).containsExactly("p");
        assertThat(scheduler.boundPods()).isEmpty();
    }

    @Test
    void profile_misuse_failsFast() {
        Profile.Builder builder = Profile.defaults().toBuilder();
        assertThatThrownBy(() -> builder.plugin(new NodeResourcesFit()))
                .hasMessage("plugin NodeResourcesFit is already in the profile");
        assertThatThrownBy(() -> builder.weight("NodeResourcesFit", 0))
                .hasMessage("weight of plugin NodeResourcesFit (0) must be between 1 and 100");
        assertThatThrownBy(() -> builder.without("Nope")).hasMessageStartingWith("no plugin Nope to disable");
        assertThatThrownBy(() ->
                        Profile.builder("x").plugin(new NodeResourcesFit()).build())
                .hasMessage("a profile needs exactly one QueueSort plugin, got 0");
        assertThatThrownBy(() -> DefaultPlugins.create("NodeResourceFit"))
                .hasMessageStartingWith("unknown plugin 'NodeResourceFit' (known: DefaultBinder,");
        assertThatThrownBy(() -> new ScoringStrategy.RequestedToCapacityRatio(
                        ScoringStrategy.DEFAULT_RESOURCES,
                        List.of(new ScoringStrategy.ShapePoint(50, 1), new ScoringStrategy.ShapePoint(10, 2))))
                .hasMessageStartingWith("requestedToCapacityRatio.shape utilization must increase");
    }

    @Test
    void quantities_parseLikeKubernetesAndRejectNonsense() {
        assertThat(Quantity.milliValue("500m")).isEqualTo(500);
        assertThat(Quantity.milliValue("2")).isEqualTo(2000);
        assertThat(Quantity.milliValue("0.1")).isEqualTo(100);
        assertThat(Quantity.milliValue("1u")).as("rounded up").isEqualTo(1);
        assertThat(Quantity.value("1Gi")).isEqualTo(1L << 30);
        assertThat(Quantity.value("1.5Mi")).isEqualTo(3L << 19);
        assertThat(Quantity.value("1e3")).isEqualTo(1000);
        assertThat(Quantity.value("128M")).isEqualTo(128_000_000);
        assertThatThrownBy(() -> Quantity.value("4x")).hasMessageContaining("'4x' has unknown suffix 'x'");
        assertThatThrownBy(() -> Quantity.value("four")).hasMessageContaining("'four' is not a quantity");
        assertThatThrownBy(() -> Quantity.value("-1")).hasMessage("'-1' must not be negative");
    }

    @Test
    void manifests_badDocuments_nameTheDocumentAndTheField() {
        assertThat(Manifests.readNodes(NODE, "nodes.yaml")).singleElement().satisfies(node -> {
            assertThat(node.allocatable()).isEqualTo(Resources.ofBytes(4000, 8L << 30));
            assertThat(node.maxPods()).isEqualTo(110);
        });
        assertError(() -> Manifests.readNodes(
                        NODE + "---\n" + NODE.replace("\"4\"", "4x").replace("n1", "n2"), "nodes.yaml"))
                .hasMessage("nodes.yaml document 2 (Node n2): status.allocatable.cpu: '4x' has unknown suffix 'x'"
                        + " (expected: m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei)");
        assertError(() -> Manifests.readPods(NODE, "pods.yaml"))
                .hasMessage("pods.yaml document 1: expected apiVersion v1, kind Pod; got apiVersion 'v1', kind 'Node'");
        assertError(() -> Manifests.readNodes("kind: [", "nodes.yaml"))
                .hasMessageStartingWith("nodes.yaml document 1: not valid YAML or JSON");
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: c
                  tolerations:
                  - key: k
                    operator: Sometimes
                """;
        assertError(() -> Manifests.readPods(pod, "pod.yaml"))
                .hasMessage("pod.yaml document 1 (Pod p): spec.tolerations[0].operator: 'Sometimes' (expected: Equal"
                        + " or Exists)");
        assertError(() -> Manifests.readPods(pod.replace("  - name: c\n", ""), "pod.yaml"))
                .hasMessage("pod.yaml document 1 (Pod p): spec.containers is required");
        assertError(() -> Manifests.readPods(pod.replace("operator: Sometimes", "effect: Never"), "pod.yaml"))
                .hasMessageContaining("spec.tolerations[0].effect: taint effect 'Never' (expected: NoSchedule,"
                        + " PreferNoSchedule or NoExecute)");
    }

    @Test
    void configuration_unknownFieldsAndBadArgs_areErrors() {
        String base = "apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n";
        assertError(() -> SchedulerConfiguration.read(base + "percentageOfNodes: 10\n", "config.yaml"))
                .hasMessageStartingWith("config.yaml document 1 (KubeSchedulerConfiguration): unknown field"
                        + " percentageOfNodes (expected one of:");
        assertError(() -> SchedulerConfiguration.read(
                        base
                                + "profiles:\n- pluginConfig:\n  - name: NodeResourcesFit\n    args:\n      scoringStrategy:\n"
                                + "        type: Cheapest\n",
                        "config.yaml"))
                .hasMessage("config.yaml document 1 (KubeSchedulerConfiguration):"
                        + " profiles[0].pluginConfig[0].args.scoringStrategy.type: 'Cheapest' (expected: LeastAllocated,"
                        + " MostAllocated or RequestedToCapacityRatio)");
        assertError(() -> SchedulerConfiguration.read(base + "extenders:\n- urlPrefix: http://x\n", "config.yaml"))
                .hasMessageContaining("extenders: scheduler extenders are not supported");
        assertError(() -> SchedulerConfiguration.read(base.replace("v1\n", "v1beta3\n"), "config.yaml"))
                .hasMessageContaining("expected apiVersion kubescheduler.config.k8s.io/v1");
    }

    @Test
    void configuration_pluginsAndWeights_applyToTheDefaultProfile() {
        SchedulerConfiguration configuration = SchedulerConfiguration.read("""
                apiVersion: kubescheduler.config.k8s.io/v1
                kind: KubeSchedulerConfiguration
                podMaxBackoffSeconds: 20
                profiles:
                - schedulerName: default-scheduler
                  percentageOfNodesToScore: 30
                  plugins:
                    score:
                      disabled:
                      - name: ImageLocality
                      enabled:
                      - name: NodeResourcesFit
                        weight: 5
                  pluginConfig:
                  - name: NodeResourcesFit
                    args:
                      scoringStrategy:
                        type: MostAllocated
                """, "config.yaml");

        Profile profile = configuration.profile();
        assertThat(profile.weight("NodeResourcesFit")).isEqualTo(5);
        assertThat(profile.percentageOfNodesToScore()).isEqualTo(30);
        assertThat(profile.entries()).extracting(e -> e.plugin().name()).doesNotContain("ImageLocality");
        assertThat(((NodeResourcesFit) profile.entries().stream()
                                .filter(e -> e.plugin().name().equals("NodeResourcesFit"))
                                .findFirst()
                                .orElseThrow()
                                .plugin())
                        .strategy())
                .isInstanceOf(ScoringStrategy.MostAllocated.class);
        assertThat(configuration.maxBackoff()).isEqualTo(Duration.ofSeconds(20));
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertError(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return assertThatThrownBy(call).isInstanceOf(ManifestException.class);
    }
}
