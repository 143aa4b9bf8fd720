package dev.keel.scheduler;

import static dev.keel.scheduler.Fixtures.node;
import static dev.keel.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * When a PreFilter rejects the pod, PostFilter's what-if evaluations run every Filter plugin, as upstream's do (its
 * cycle state then has no skip set), not the set an earlier pod's PreFilter skips left behind.
 */
final class PreFilterRejectionTest {

    private static final long GIB = 1L << 30;

    /** PreFilter skips pods labelled gate=skip and rejects those labelled gate=reject; Filter rejects every node. */
    private record Gate() implements PreFilterPlugin, FilterPlugin {
        @Override
        public String name() {
            return "Gate";
        }

        @Override
        public Status preFilter(CycleState state, Pod pod, Cluster cluster) {
            return switch (pod.labels().getOrDefault("gate", "")) {
                case "skip" -> Status.skip();
                case "reject" -> Status.unschedulable("gate says no");
                default -> Status.success();
            };
        }

        @Override
        public Status filter(CycleState state, Pod pod, NodeInfo node) {
            return Status.unschedulable("gate closed");
        }
    }

    /** Records what the profile's filters say of the first node in a what-if evaluation. */
    private record Probe(List<Status> seen) implements PostFilterPlugin {
        @Override
        public String name() {
            return "Probe";
        }

        @Override
        public PostFilterResult postFilter(
                CycleState state, Pod pod, Map<String, Status> filterStatuses, FrameworkHandle handle) {
            NodeInfo first = handle.cluster().nodes().getFirst();
            seen.add(handle.runFilters(state, pod, first));
            return PostFilterResult.rejected(Status.unschedulable("probe only"));
        }
    }

    @Test
    void postFilterAfterAPreFilterRejection_runsEveryFilter_notTheLastPodsActiveOnes() {
        List<Status> seen = new ArrayList<>();
        Profile profile = Profile.defaults().toBuilder()
                .plugin(new Gate())
                .plugin(new Probe(seen))
                .build();
        KubernetesScheduler scheduler = KubernetesScheduler.builder()
                .profile(profile)
                .random(new SplittableRandom(1))
                .build();
        scheduler.addNode(node("n1", 4000, 8 * GIB));
        // First a pod for which Gate's PreFilter skips, so its Filter is left out of that cycle.
        scheduler.submitPod(pod("skipper", 500, GIB).toBuilder()
                .labels(Map.of("gate", "skip"))
                .build());
        scheduler.scheduleAll();
        assertThat(scheduler.requestedOn("n1").milliCpu()).isEqualTo(500);

        scheduler.submitPod(pod("rejected", 500, GIB).toBuilder()
                .labels(Map.of("gate", "reject"))
                .build());
        scheduler.scheduleAll();

        assertThat(seen).hasSize(1);
        assertThat(seen.getFirst().isSuccess())
                .as("Gate's Filter ran in the what-if")
                .isFalse();
        assertThat(seen.getFirst().reasons()).containsExactly("gate closed");
    }
}
