package dev.keel.scheduler;

import static dev.keel.scheduler.Fixtures.node;
import static dev.keel.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.scheduler.manifest.ManifestException;
import dev.keel.scheduler.manifest.ScheduleReport;
import dev.keel.scheduler.manifest.SchedulerConfiguration;
import dev.keel.testing.ManualTicker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pluginConfig args read from a KubeSchedulerConfiguration change what the plugins do. */
final class PluginArgsTest {

    private static final String HEADER = """
            apiVersion: kubescheduler.config.k8s.io/v1
            kind: KubeSchedulerConfiguration
            profiles:
            - pluginConfig:
            """;

    private static KubernetesScheduler scheduler(String pluginConfig) {
        SchedulerConfiguration configuration = SchedulerConfiguration.read(HEADER + pluginConfig, "config.yaml");
        return KubernetesScheduler.builder()
                .profiles(configuration.profiles())
                .ticker(ManualTicker.create())
                .build();
    }

    @Test
    void nodeAffinity_addedAffinity_isEnforcedOnEveryPodFirst() {
        KubernetesScheduler scheduler = scheduler("""
                  - name: NodeAffinity
                    args:
                      addedAffinity:
                        requiredDuringSchedulingIgnoredDuringExecution:
                          nodeSelectorTerms:
                          - matchExpressions:
                            - {key: pool, operator: In, values: [batch]}
                """);
        scheduler.addNode(node("web", 4000, 1L << 30, Map.of("pool", "web")));
        scheduler.addNode(node("batch", 4000, 1L << 30, Map.of("pool", "batch")));
        scheduler.submitPod(pod("a", 100, 1));
        scheduler.submitPod(
                pod("b", 100, 1).toBuilder().nodeSelector(Map.of("pool", "web")).build());

        List<SchedulingResult> results = scheduler.scheduleAll();

        assertThat(((SchedulingResult.Scheduled) results.get(0)).node()).isEqualTo("batch");
        assertThat(((SchedulingResult.Unschedulable) results.get(1)).message())
                .startsWith("0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s)"
                        + " didn't match scheduler-enforced node affinity.");
    }

    @Test
    void nodeResourcesFit_ignoredResourceGroups_skipsThoseExtendedResources() {
        KubernetesScheduler scheduler = scheduler("""
                  - name: NodeResourcesFit
                    args:
                      ignoredResourceGroups: [example.com]
                """);
        scheduler.addNode(node("n1", 4000, 1L << 30));
        scheduler.submitPod(Pod.builder("gpu")
                .requests(Resources.ofBytes(100, 1).withExtended("example.com/gpu", 1))
                .build());

        assertThat(scheduler.schedulePendingPods()).containsExactly(new Binding("default", "gpu", "n1"));
    }

    @Test
    void podTopologySpread_defaultConstraints_areCheckedAndAccepted() {
        String spread = """
                  - name: PodTopologySpread
                    args:
                      defaultingType: List
                      defaultConstraints:
                      - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}
                """;
        assertThat(scheduler(spread).profile().schedulerName()).isEqualTo("default-scheduler");
        assertThatThrownBy(() -> scheduler(spread.replace("ScheduleAnyway", "Sometimes")))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("defaultConstraints[0].whenUnsatisfiable: 'Sometimes'");
    }

    @Test
    void report_victims_areNamedAsTheScenariosNameThem() {
        Node node = node("n1", 1000, 1L << 30);
        Pod low = pod("low", 1000, 1).toBuilder().nodeName("n1").build();
        Pod other = pod("other-ns", 0, 0).toBuilder()
                .namespace("batch")
                .nodeName("n1")
                .build();
        Pod high = pod("high", 1000, 1).toBuilder().priority(10).build();

        ScheduleReport report = ScheduleReport.run(
                List.of(node), List.of(low, other), List.of(high), SchedulerConfiguration.defaults(), false, false);

        assertThat(report.pods().getFirst())
                .containsEntry("result", "Nominated")
                .containsEntry("nominatedNodeName", "n1")
                .containsEntry("victims", List.of("low"));
    }
}
