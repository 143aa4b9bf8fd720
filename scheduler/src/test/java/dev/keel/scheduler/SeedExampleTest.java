package dev.keel.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.ManualTicker;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed example, exactly as written, and what it leaves behind. */
final class SeedExampleTest {

    @Test
    void seedExample_onePodOneNode_bindsThePod() {
        KubernetesScheduler scheduler = new KubernetesScheduler();
        scheduler.addNode(new Node("node-1", new Resources(4000, 8192))); // millicores, MiB
        scheduler.submitPod(new Pod(
                "web-server", "default", new Resources(500, 1024), new Resources(1000, 2048))); // requests, limits
        List<Binding> scheduled = scheduler.schedulePendingPods();

        assertThat(scheduled).containsExactly(new Binding("default", "web-server", "node-1"));
        assertThat(scheduler.pendingPods()).isEmpty();
        assertThat(scheduler.requestedOn("node-1")).isEqualTo(new Resources(500, 1024));
        assertThat(scheduler.boundPods())
                .singleElement()
                .satisfies(pod -> assertThat(pod.nodeName()).isEqualTo("node-1"));
    }

    @Test
    void pendingPodNamingItsNode_isScheduledOnlyThere() {
        KubernetesScheduler scheduler =
                KubernetesScheduler.builder().ticker(ManualTicker.create()).build();
        scheduler.addNode(new Node("node-1", new Resources(4000, 8192)));
        scheduler.addNode(new Node("node-2", new Resources(4000, 8192)));
        scheduler.addBoundPod(Pod.builder("busy")
                .requests(new Resources(3000, 1024))
                .nodeName("node-2")
                .build());
        scheduler.submitPod(Pod.builder("pinned")
                .requests(new Resources(500, 1024))
                .nodeName("node-2")
                .build());

        SchedulingResult result = scheduler.scheduleNext().orElseThrow();

        assertThat(result)
                .isInstanceOfSatisfying(
                        SchedulingResult.Scheduled.class,
                        s -> assertThat(s.node()).isEqualTo("node-2"));
        assertThat(result.diagnosis().filterStatuses().get("node-1").reasons())
                .containsExactly("node(s) didn't match the requested node name");
    }

    @Test
    void seedExample_secondPodTooBig_staysPendingWithUpstreamMessage() {
        KubernetesScheduler scheduler =
                KubernetesScheduler.builder().ticker(ManualTicker.create()).build();
        scheduler.addNode(new Node("node-1", new Resources(4000, 8192)));
        scheduler.submitPod(new Pod("web-server", "default", new Resources(500, 1024), new Resources(1000, 2048)));
        scheduler.submitPod(new Pod("batch", "default", new Resources(3600, 1024), Resources.NONE));

        List<SchedulingResult> results = scheduler.scheduleAll();

        assertThat(results).hasSize(2);
        assertThat(results.get(0)).isInstanceOf(SchedulingResult.Scheduled.class);
        assertThat(results.get(1))
                .isInstanceOfSatisfying(
                        SchedulingResult.Unschedulable.class,
                        failed -> assertThat(failed.message())
                                .isEqualTo(
                                        "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No"
                                                + " preemption victims found for incoming pod."));
        assertThat(scheduler.queueCounts()).isEqualTo(new KubernetesScheduler.QueueCounts(0, 0, 1));
    }
}
