package dev.keel.scheduler;

import static dev.keel.scheduler.Fixtures.node;
import static dev.keel.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.scheduler.manifest.ManifestException;
import dev.keel.scheduler.manifest.SchedulerConfiguration;
import dev.keel.testing.ManualTicker;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several profiles from one KubeSchedulerConfiguration: each pod is scheduled by the profile it names. */
final class ProfilesTest {

    private static final String TWO_PROFILES = """
            apiVersion: kubescheduler.config.k8s.io/v1
            kind: KubeSchedulerConfiguration
            profiles:
            - schedulerName: default-scheduler
            - schedulerName: bin-packer
              pluginConfig:
              - name: NodeResourcesFit
                args:
                  scoringStrategy:
                    type: MostAllocated
            """;

    @Test
    void profiles_podsPickTheirProfileBySchedulerName() {
        SchedulerConfiguration configuration = SchedulerConfiguration.read(TWO_PROFILES, "config.yaml");
        KubernetesScheduler scheduler = KubernetesScheduler.builder()
                .profiles(configuration.profiles())
                .ticker(ManualTicker.create())
                .build();
        scheduler.addNode(node("busy", 4000, 8L << 30));
        scheduler.addNode(node("idle", 4000, 8L << 30));
        scheduler.addBoundPod(
                pod("existing", 2000, 1L << 30).toBuilder().nodeName("busy").build());

        scheduler.submitPod(pod("spread", 500, 1L << 28));
        scheduler.submitPod(pod("packed", 500, 1L << 28).toBuilder()
                .schedulerName("bin-packer")
                .build());

        assertThat(scheduler.schedulePendingPods())
                .containsExactly(new Binding("default", "spread", "idle"), new Binding("default", "packed", "busy"));
        assertThat(configuration.profiles())
                .extracting(Profile::schedulerName)
                .containsExactly("default-scheduler", "bin-packer");
    }

    @Test
    void profiles_unknownSchedulerNameOrDuplicateProfile_areRejected() {
        KubernetesScheduler scheduler =
                KubernetesScheduler.builder().ticker(ManualTicker.create()).build();
        assertThatThrownBy(() -> scheduler.submitPod(
                        pod("p", 1, 1).toBuilder().schedulerName("other").build()))
                .hasMessage("pod default/p asks for scheduler 'other' (profiles: default-scheduler)");
        assertThatThrownBy(() -> KubernetesScheduler.builder()
                        .profiles(List.of(Profile.defaults(), Profile.defaults()))
                        .build())
                .hasMessage("two profiles are named default-scheduler");
        assertThatThrownBy(() -> SchedulerConfiguration.read(
                        TWO_PROFILES.replace("bin-packer", "default-scheduler"), "config.yaml"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("profiles[1].schedulerName: a second profile named 'default-scheduler'");
    }

    /** A plugin of the user's own: keeps pods off nodes labelled {@code maintenance}. */
    record AvoidMaintenance() implements FilterPlugin {
        @Override
        public String name() {
            return "AvoidMaintenance";
        }

        @Override
        public Status filter(CycleState state, Pod pod, NodeInfo node) {
            return node.node().labels().containsKey("maintenance")
                    ? Status.unresolvable("node(s) were in maintenance")
                    : Status.success();
        }
    }

    @Test
    void configuration_outOfTreePlugin_isEnabledByNameAndFilters() {
        SchedulerConfiguration configuration = SchedulerConfiguration.read(
                """
                apiVersion: kubescheduler.config.k8s.io/v1
                kind: KubeSchedulerConfiguration
                profiles:
                - plugins:
                    filter:
                      enabled:
                      - name: AvoidMaintenance
                """, "config.yaml", java.util.Map.of("AvoidMaintenance", AvoidMaintenance::new));
        KubernetesScheduler scheduler = KubernetesScheduler.builder()
                .profiles(configuration.profiles())
                .ticker(ManualTicker.create())
                .build();
        scheduler.addNode(node("n1", 4000, 8L << 30).withLabels(java.util.Map.of("maintenance", "")));
        scheduler.submitPod(pod("p", 100, 1));

        SchedulingResult result = scheduler.scheduleNext().orElseThrow();

        assertThat(((SchedulingResult.Unschedulable) result).message())
                .startsWith("0/1 nodes are available: 1 node(s) were in maintenance.");
    }
}
