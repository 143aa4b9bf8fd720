package dev.keel.scheduler;

import static dev.keel.scheduler.Fixtures.node;
import static dev.keel.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.ManualTicker;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** DefaultPreemption: who is eligible, which victims, which node, and what happens next. */
final class PreemptionTest {

    private final ManualTicker ticker = ManualTicker.create();
    private final KubernetesScheduler scheduler = KubernetesScheduler.builder()
            .ticker(ticker)
            .random(new SplittableRandom(3))
            .build();

    private Pod running(String name, String node, long cpu, int priority, long startedAt) {
        return pod(name, cpu, 1).toBuilder()
                .priority(priority)
                .nodeName(node)
                .startedAtNanos(startedAt)
                .build();
    }

    private SchedulingResult schedule(Pod pod) {
        scheduler.submitPod(pod);
        return scheduler.scheduleNext().orElseThrow();
    }

    @Test
    void preemption_minimalVictims_keepsWhatStillFits() {
        scheduler.addNode(node("n1", 1000, 1 << 20));
        scheduler.addBoundPod(running("low-a", "n1", 300, 1, 10));
        scheduler.addBoundPod(running("low-b", "n1", 300, 2, 20));
        scheduler.addBoundPod(running("low-c", "n1", 300, 3, 30));

        SchedulingResult result =
                schedule(pod("high", 400, 1).toBuilder().priority(100).build());

        // 100 free; evicting the least important (low-a, priority 1) frees 400: enough.
        assertThat(result).isInstanceOfSatisfying(SchedulingResult.Nominated.class, nominated -> {
            assertThat(nominated.node()).isEqualTo("n1");
            assertThat(nominated.victims()).extracting(Pod::name).containsExactly("low-a");
            assertThat(nominated.message()).isEqualTo("0/1 nodes are available: 1 Insufficient cpu.");
        });
        assertThat(scheduler.boundPods()).extracting(Pod::name).containsExactly("low-b", "low-c");
    }

    @Test
    void preemption_nodeChoice_prefersTheLowestHighestVictimPriority() {
        scheduler.addNode(node("n1", 1000, 1 << 20));
        scheduler.addNode(node("n2", 1000, 1 << 20));
        scheduler.addBoundPod(running("mid", "n1", 1000, 50, 0));
        scheduler.addBoundPod(running("low", "n2", 1000, 10, 0));

        SchedulingResult result =
                schedule(pod("high", 500, 1).toBuilder().priority(100).build());

        assertThat(((SchedulingResult.Nominated) result).node()).isEqualTo("n2");
    }

    @Test
    void preemption_equalPriorities_prefersFewerVictimsThenTheLatestStarted() {
        scheduler.addNode(node("n1", 1000, 1 << 20));
        scheduler.addNode(node("n2", 1000, 1 << 20));
        scheduler.addNode(node("n3", 1000, 1 << 20));
        scheduler.addBoundPod(running("a1", "n1", 500, 5, 0));
        scheduler.addBoundPod(running("a2", "n1", 500, 5, 0));
        scheduler.addBoundPod(running("old", "n2", 1000, 5, 100));
        scheduler.addBoundPod(running("young", "n3", 1000, 5, 200));

        SchedulingResult result =
                schedule(pod("high", 800, 1).toBuilder().priority(100).build());

        assertThat(((SchedulingResult.Nominated) result).node()).isEqualTo("n3");
    }

    @Test
    void preemption_policyNever_isNotEligible() {
        scheduler.addNode(node("n1", 1000, 1 << 20));
        scheduler.addBoundPod(running("low", "n1", 1000, 0, 0));

        SchedulingResult result = schedule(pod("polite", 500, 1).toBuilder()
                .priority(100)
                .preemptionNever(true)
                .build());

        assertThat(result).isInstanceOfSatisfying(SchedulingResult.Unschedulable.class, u -> {
            assertThat(u.message())
                    .isEqualTo("0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to"
                            + " preemptionPolicy=Never.");
            assertThat(u.legacyMessage()).endsWith("preemptionPolicy=Never..");
        });
    }

    @Test
    void preemption_evenAnEmptyNodeIsTooSmall_reportsTheFilterReasonPerNode() {
        scheduler.addNode(node("n1", 1000, 1 << 20));
        scheduler.addNode(node("n2", 1000, 1 << 20).withTaints(List.of(new Taint("x", "", TaintEffect.NO_SCHEDULE))));
        scheduler.addBoundPod(running("low", "n1", 600, 0, 0));
        scheduler.addBoundPod(running("peer", "n1", 300, 100, 0));

        SchedulingResult result =
                schedule(pod("high", 800, 1).toBuilder().priority(100).build());

        assertThat(((SchedulingResult.Unschedulable) result).message())
                .isEqualTo("0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s)."
                        + " preemption: 0/2 nodes are available: 1 Insufficient cpu, 1 Preemption is not helpful"
                        + " for scheduling.");
    }

    @Test
    void preemption_afterBackoff_theNominatedPodBindsToItsNode() {
        scheduler.addNode(node("n1", 1000, 1 << 20));
        scheduler.addBoundPod(running("low", "n1", 1000, 0, 0));
        Pod high = pod("high", 500, 1).toBuilder().priority(100).build();

        assertThat(schedule(high)).isInstanceOf(SchedulingResult.Nominated.class);
        assertThat(scheduler.schedulePendingPods()).as("still backing off").isEmpty();
        ticker.advance(Duration.ofSeconds(1));

        assertThat(scheduler.schedulePendingPods()).containsExactly(new Binding("default", "high", "n1"));
    }

    @Test
    void preemption_nominatedPod_keepsItsRoomFromLowerPriorityPodsUntilItBinds() {
        scheduler.addNode(node("n1", 1000, 1 << 20));
        scheduler.addBoundPod(running("low", "n1", 1000, 0, 0));
        assertThat(schedule(pod("high", 600, 1).toBuilder().priority(100).build()))
                .isInstanceOf(SchedulingResult.Nominated.class);

        SchedulingResult sneaky = schedule(pod("sneaky", 500, 1));

        assertThat(sneaky)
                .isInstanceOfSatisfying(
                        SchedulingResult.Unschedulable.class,
                        u -> assertThat(u.message()).startsWith("0/1 nodes are available: 1 Insufficient cpu."));
        ticker.advance(Duration.ofSeconds(1));
        assertThat(scheduler.schedulePendingPods()).contains(new Binding("default", "high", "n1"));
        assertThat(scheduler.requestedOn("n1").milliCpu()).isEqualTo(600);
    }

    @Test
    void preemption_podDisruptionBudget_steersToTheNodeWithoutViolations() {
        scheduler.addNode(node("n1", 1000, 1 << 20));
        scheduler.addNode(node("n2", 1000, 1 << 20));
        scheduler.addBoundPod(running("guarded", "n1", 1000, 1, 0).toBuilder()
                .label("app", "db")
                .build());
        scheduler.addBoundPod(running("plain", "n2", 1000, 5, 0));
        scheduler.putPodDisruptionBudget(
                new PodDisruptionBudget("default", "db", LabelSelector.matching(java.util.Map.of("app", "db")), 0));

        SchedulingResult result =
                schedule(pod("high", 500, 1).toBuilder().priority(100).build());

        // Without the budget n1 wins (its victim has the lower priority); with it, n2 violates nothing.
        assertThat(((SchedulingResult.Nominated) result).node()).isEqualTo("n2");
    }
}
