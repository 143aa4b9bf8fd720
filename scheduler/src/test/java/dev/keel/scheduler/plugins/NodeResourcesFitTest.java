package dev.keel.scheduler.plugins;

import static dev.keel.scheduler.Fixtures.info;
import static dev.keel.scheduler.Fixtures.node;
import static dev.keel.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.scheduler.Container;
import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.InsufficientResource;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PodRequests;
import dev.keel.scheduler.Resources;
import dev.keel.scheduler.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** NodeResourcesFit from upstream's fit_test.go semantics: the effective request, every reason, every strategy. */
final class NodeResourcesFitTest {

    private final NodeResourcesFit fit = new NodeResourcesFit();

    private static Container container(String name, long cpu, long memory, boolean sidecar) {
        return new Container(name, "", Resources.ofBytes(cpu, memory), Resources.NONE, List.of(), sidecar);
    }

    @Test
    void effectiveRequest_initContainers_areTheMaxNotTheSum() {
        Pod pod = Pod.builder("p")
                .container(container("app", 1, 1, false))
                .initContainer(container("i1", 3, 1, false))
                .initContainer(container("i2", 2, 5, false))
                .build();

        assertThat(PodRequests.of(pod)).isEqualTo(Resources.ofBytes(3, 5));
    }

    @Test
    void effectiveRequest_sidecarsAndOverhead_keepRunningAndAddUp() {
        Pod pod = Pod.builder("p")
                .container(container("app", 100, 100, false))
                .initContainer(container("proxy", 50, 10, true))
                .initContainer(container("migrate", 120, 10, false))
                .overhead(Resources.ofBytes(5, 7))
                .build();

        // app + sidecar = 150/110; the init container runs beside the sidecar: 170/20; max is 170/110; + overhead.
        assertThat(PodRequests.of(pod)).isEqualTo(Resources.ofBytes(175, 117));
    }

    @Test
    void nonZeroRequest_unsetCpuAndMemory_count100mAnd200Mi() {
        Pod bestEffort = Pod.builder("p").requests(Resources.NONE).build();

        assertThat(PodRequests.nonZero(bestEffort)).isEqualTo(Resources.ofBytes(100, 200L * 1024 * 1024));
        assertThat(PodRequests.of(bestEffort).isZero()).isTrue();
    }

    @Test
    void filter_cpuShort_reportsInsufficientCpuWithAmounts() {
        NodeInfo node = info(node("n1", 10, 20), pod("e1", 9, 5));

        Status status = fit.filter(new CycleState(), pod("p", 2, 1), node);

        assertThat(status.code()).isEqualTo(Status.Code.UNSCHEDULABLE);
        assertThat(status.reasons()).containsExactly("Insufficient cpu");
        assertThat(status.insufficient()).containsExactly(new InsufficientResource("cpu", 2, 9, 10));
    }

    @Test
    void filter_everyResourceShort_listsEveryReasonInUpstreamOrder() {
        Resources tiny = new Resources(10, 20, 30, Map.of("example.com/gpu", 1L)).withExtended("example.com/fpga", 1);
        NodeInfo node = new NodeInfo(new dev.keel.scheduler.Node("n1", tiny).withMaxPods(0));
        Pod greedy = Pod.builder("p")
                .requests(new Resources(11, 21, 31, Map.of("example.com/gpu", 2L, "example.com/fpga", 2L)))
                .build();

        Status status = fit.filter(new CycleState(), greedy, node);

        assertThat(status.reasons())
                .containsExactly(
                        "Too many pods",
                        "Insufficient cpu",
                        "Insufficient memory",
                        "Insufficient ephemeral-storage",
                        "Insufficient example.com/fpga",
                        "Insufficient example.com/gpu");
        assertThat(status.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
    }

    @Test
    void filter_requestLargerThanTheWholeNode_isUnresolvable() {
        Status status = fit.filter(new CycleState(), pod("p", 11, 1), info(node("n1", 10, 20)));

        assertThat(status.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
    }

    @Test
    void filter_extendedResourceTheNodeLacks_isInsufficientUnlessIgnored() {
        Pod gpu = Pod.builder("p")
                .requests(Resources.ofBytes(1, 1).withExtended("nvidia.com/gpu", 1))
                .build();
        NodeInfo node = info(node("n1", 10, 20));

        assertThat(fit.filter(new CycleState(), gpu, node).reasons()).containsExactly("Insufficient nvidia.com/gpu");
        NodeResourcesFit ignoring = new NodeResourcesFit(
                new ScoringStrategy.LeastAllocated(ScoringStrategy.DEFAULT_RESOURCES), Set.of("nvidia.com/gpu"));
        assertThat(ignoring.filter(new CycleState(), gpu, node).isSuccess()).isTrue();
    }

    @Test
    void filter_podRequestingNothing_isCheckedOnlyForPodCount() {
        Pod nothing = Pod.builder("p").requests(Resources.NONE).build();
        NodeInfo full = info(node("n1", 10, 20), pod("e1", 10, 20));

        assertThat(fit.filter(new CycleState(), nothing, full).isSuccess()).isTrue();
    }

    @Test
    void score_leastAllocated_matchesUpstreamIntegerArithmetic() {
        // fit_test.go TestFitScore "test case for ScoringStrategy LeastAllocated": 32 and 63.
        NodeInfo node1 = info(node("node1", 4_000_000, 10_000), pod("e1", 2_000_000, 4_000));
        NodeInfo node2 = info(node("node2", 6_000_000, 10_000), pod("e2", 1_000_000, 2_000));
        Pod pod = pod("p", 1_000_000, 2_000);

        assertThat(fit.score(new CycleState(), pod, node1)).isEqualTo(32);
        assertThat(fit.score(new CycleState(), pod, node2)).isEqualTo(63);
    }

    @Test
    void score_mostAllocatedWithWeights_weighsEachResource() {
        NodeResourcesFit most = new NodeResourcesFit(
                new ScoringStrategy.MostAllocated(List.of(new ResourceSpec("cpu", 2), new ResourceSpec("memory", 1))),
                Set.of());
        NodeInfo node = info(node("n", 4_000, 10_000), pod("e1", 2_000, 4_000));

        // cpu 3000/4000 = 75, memory 6000/10000 = 60: (75*2 + 60) / 3 = 70.
        assertThat(most.score(new CycleState(), pod("p", 1_000, 2_000), node)).isEqualTo(70);
    }

    @Test
    void score_mostAllocatedOverCommitted_capsAt100() {
        NodeResourcesFit most =
                new NodeResourcesFit(new ScoringStrategy.MostAllocated(ScoringStrategy.DEFAULT_RESOURCES), Set.of());

        assertThat(most.score(new CycleState(), pod("p", 8_000, 20_000), info(node("n", 4_000, 10_000))))
                .isEqualTo(100);
    }

    @Test
    void score_requestedToCapacityRatio_followsTheBrokenLine() {
        List<ScoringStrategy.ShapePoint> shape =
                List.of(new ScoringStrategy.ShapePoint(0, 10), new ScoringStrategy.ShapePoint(100, 0));
        NodeResourcesFit ratio = new NodeResourcesFit(
                new ScoringStrategy.RequestedToCapacityRatio(ScoringStrategy.DEFAULT_RESOURCES, shape), Set.of());

        // cpu 25% -> 75, memory 50% -> 50: mean 62.5 rounds to 63.
        assertThat(ratio.score(new CycleState(), pod("p", 1_000, 5_000), info(node("n", 4_000, 10_000))))
                .isEqualTo(63);
        assertThat(NodeResourcesFit.brokenLine(shape, 0)).isEqualTo(100);
        assertThat(NodeResourcesFit.brokenLine(shape, 100)).isEqualTo(0);
        assertThat(NodeResourcesFit.brokenLine(
                        List.of(new ScoringStrategy.ShapePoint(10, 2), new ScoringStrategy.ShapePoint(50, 6)), 5))
                .isEqualTo(20);
    }

    @Test
    void balancedAllocation_threeResources_usesTheStandardDeviation() {
        // fractions .5, .5, 1.0 -> mean 2/3, std = sqrt(((1/6)^2 * 2 + (1/3)^2) / 3) = 0.2357 -> 76.
        assertThat(NodeResourcesBalancedAllocation.balanced(new long[] {10, 10, 10}, new long[] {5, 5, 10}))
                .isEqualTo(76);
        assertThat(NodeResourcesBalancedAllocation.balanced(new long[] {4, 0}, new long[] {3, 0}))
                .isEqualTo(100);
    }

    @Test
    void balancedAllocation_bestEffortPod_isSkipped() {
        NodeResourcesBalancedAllocation balanced = new NodeResourcesBalancedAllocation();
        Pod bestEffort = Pod.builder("p").requests(Resources.NONE).build();

        assertThat(balanced.preScore(new CycleState(), bestEffort, List.of(), null)
                        .isSkip())
                .isTrue();
    }
}
