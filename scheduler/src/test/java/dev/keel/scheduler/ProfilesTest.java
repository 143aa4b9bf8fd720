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
}
