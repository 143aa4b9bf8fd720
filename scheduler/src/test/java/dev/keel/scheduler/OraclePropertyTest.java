package dev.keel.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Gen;
import dev.keel.testing.ManualTicker;
import dev.keel.testing.Property;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scheduler against {@link OracleScheduler} on thousands of random small clusters: every pod goes to one of the
 * oracle's best nodes (or, with sampling, one of its feasible nodes), every failure message is the oracle's, and no
 * node is ever overcommitted (checked from the bound pods alone). Bound pods are deleted now and then, so the
 * scheduler's incremental bookkeeping is checked against the oracle's recomputation.
 */
@ExtendWith(SeedExtension.class)
final class OraclePropertyTest {

    private static final int TRIALS = 2_000;
    private static final List<String> ZONES = List.of("z1", "z2", "z3");

    /** A random cluster: nodes, pods already running on them (where they fit), and pods to schedule. */
    record Case(List<Node> nodes, List<Pod> existing, List<Pod> pending) {}

    static Gen<Case> cases(int maxNodes) {
        return random -> {
            int nodeCount = random.nextInt(1, maxNodes + 1);
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < nodeCount; i++) {
                Node node = new Node(
                                "n" + i,
                                new Resources(
                                        random.nextLong(1, 9) * 500,
                                        random.nextLong(1, 9) * 512L * 1024 * 1024,
                                        0,
                                        random.chance(1, 5)
                                                ? Map.of("example.com/gpu", random.nextLong(1, 3))
                                                : Map.of()))
                        .withLabels(Map.of("kubernetes.io/hostname", "n" + i, "zone", random.pick(ZONES)))
                        .withMaxPods(random.chance(1, 4) ? random.nextInt(1, 4) : 110);
                if (random.chance(1, 4)) {
                    TaintEffect effect = random.chance(1, 2) ? TaintEffect.NO_SCHEDULE : TaintEffect.PREFER_NO_SCHEDULE;
                    node = node.withTaints(List.of(new Taint("dedicated", random.pick(List.of("a", "b")), effect)));
                }
                nodes.add(node);
            }
            Map<String, Resources> used = new HashMap<>();
            Map<String, Integer> counts = new HashMap<>();
            List<Pod> existing = new ArrayList<>();
            int existingCount = random.nextInt(0, nodeCount * 2 + 1);
            for (int i = 0; i < existingCount; i++) {
                Node node = random.pick(nodes);
                Pod pod = randomPod(random, "e" + i).toBuilder()
                        .nodeName(node.name())
                        .build();
                Resources after = used.getOrDefault(node.name(), Resources.NONE).plus(PodRequests.of(pod));
                int count = counts.getOrDefault(node.name(), 0) + 1;
                if (fits(after, node.allocatable()) && count <= node.maxPods()) {
                    used.put(node.name(), after);
                    counts.put(node.name(), count);
                    existing.add(pod);
                }
            }
            List<Pod> pending = new ArrayList<>();
            int pendingCount = random.nextInt(1, 7);
            for (int i = 0; i < pendingCount; i++) {
                pending.add(randomPod(random, "p" + i));
            }
            return new Case(nodes, existing, pending);
        };
    }

    private static Pod randomPod(SeededRandom random, String name) {
        Pod.Builder builder = Pod.builder(name).label("app", random.pick(List.of("web", "db")));
        Resources requests = random.chance(1, 6)
                ? Resources.NONE
                : Resources.ofBytes(random.nextLong(0, 9) * 250, random.nextLong(0, 9) * 256L * 1024 * 1024);
        if (random.chance(1, 8)) {
            requests = requests.withExtended("example.com/gpu", 1);
        }
        List<HostPort> ports = random.chance(1, 6) ? List.of(new HostPort("", "TCP", 8080)) : List.of();
        builder.container(new Container("c", "", requests, Resources.NONE, ports, false));
        if (random.chance(1, 4)) {
            builder.toleration(Toleration.equal("dedicated", random.pick(List.of("a", "b")), null));
        }
        if (random.chance(1, 5)) {
            builder.nodeSelector(Map.of("zone", random.pick(ZONES)));
        }
        if (random.chance(1, 6)) {
            builder.podAntiAffinity(new PodAffinity(
                    List.of(PodAffinityTerm.of(LabelSelector.matching(Map.of("app", "db")), "kubernetes.io/hostname")),
                    List.of()));
        }
        if (random.chance(1, 6)) {
            builder.topologySpread(TopologySpreadConstraint.of(
                    1, "zone", random.chance(1, 2), LabelSelector.matching(Map.of("app", "web"))));
        }
        if (random.chance(1, 8)) {
            builder.preemptionNever(true);
        }
        return builder.build();
    }

    private static boolean fits(Resources used, Resources allocatable) {
        if (used.milliCpu() > allocatable.milliCpu()
                || used.memoryBytes() > allocatable.memoryBytes()
                || used.ephemeralStorageBytes() > allocatable.ephemeralStorageBytes()) {
            return false;
        }
        for (Map.Entry<String, Long> extended : used.extended().entrySet()) {
            if (extended.getValue() > allocatable.extended(extended.getKey())) {
                return false;
            }
        }
        return true;
    }

    @Test
    void schedule_randomSmallClusters_choosesAnOracleBestNodeAndAgreesOnMessages(SeededRandom random) {
        Property.forAll(random, TRIALS, cases(8), trial -> check(trial, random.nextLong(), true));
    }

    @Test
    void schedule_clustersLargeEnoughToSample_choosesAFeasibleNodeAndNeverOvercommits(SeededRandom random) {
        Property.forAll(random, 40, cases(160), trial -> check(trial, random.nextLong(), false));
    }

    private static void check(Case trial, long seed, boolean exhaustive) {
        KubernetesScheduler scheduler = KubernetesScheduler.builder()
                .ticker(ManualTicker.create())
                .random(new SplittableRandom(seed))
                .build();
        SplittableRandom deletions = new SplittableRandom(seed);
        OracleScheduler oracle = new OracleScheduler(scheduler.profile());
        trial.nodes().forEach(scheduler::addNode);
        trial.existing().forEach(scheduler::addBoundPod);
        trial.pending().forEach(scheduler::submitPod);
        List<Pod> bound = new ArrayList<>(trial.existing());
        for (int i = 0; i < trial.pending().size(); i++) {
            Pod next = trial.pending().get(i);
            OracleScheduler.Answer answer = oracle.evaluate(trial.nodes(), bound, next);
            SchedulingResult result = scheduler.scheduleNext().orElseThrow();
            assertThat(result.pod().name()).isEqualTo(next.name());
            switch (result) {
                case SchedulingResult.Scheduled scheduled -> {
                    assertThat(exhaustive ? answer.best() : answer.feasible())
                            .as("%s went to %s", next.name(), scheduled.node())
                            .contains(scheduled.node());
                    bound.add(scheduled.pod());
                }
                case SchedulingResult.Unschedulable failed -> {
                    assertThat(answer.feasible())
                            .as("oracle found room for %s", next.name())
                            .isEmpty();
                    assertThat(failed.message()).isEqualTo(answer.message());
                }
                case SchedulingResult.Nominated nominated ->
                    throw new AssertionError("equal priorities cannot preempt, got " + nominated);
                case SchedulingResult.Waiting held ->
                    throw new AssertionError("the default profile has no Permit plugin, got " + held);
            }
            assertNoOvercommit(trial.nodes(), scheduler.boundPods());
            if (!bound.isEmpty() && deletions.nextInt(3) == 0) {
                Pod deleted = bound.remove(deletions.nextInt(bound.size()));
                assertThat(scheduler.deletePod(deleted.namespace(), deleted.name()))
                        .isTrue();
            }
        }
    }

    private static void assertNoOvercommit(List<Node> nodes, List<Pod> bound) {
        for (Node node : nodes) {
            Resources used = Resources.NONE;
            int count = 0;
            for (Pod pod : bound) {
                if (pod.nodeName().equals(node.name())) {
                    used = used.plus(PodRequests.of(pod));
                    count++;
                }
            }
            assertThat(fits(used, node.allocatable()))
                    .as("%s overcommitted: %s", node.name(), used)
                    .isTrue();
            assertThat(count).as("%s pods", node.name()).isLessThanOrEqualTo(node.maxPods());
        }
    }
}
