package dev.keel.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.ManualTicker;
import dev.keel.testing.Property;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * QueueingHints never miss a wake-up: on random small clusters, after a random cluster event (a node added, a node
 * changed in labels, taints, cordon or size, a bound pod deleted, a pod bound), every pod the hints left in the
 * unschedulable set still fits nowhere according to the exhaustive {@link OracleScheduler}. A hint may move a pod
 * that still does not fit (a wasted retry), never keep one that now does.
 */
@ExtendWith(SeedExtension.class)
final class QueueingHintsPropertyTest {

    private static final int TRIALS = 1_000;

    @Test
    void hints_randomEvents_neverLeaveASchedulablePodWaiting(SeededRandom random) {
        Property.forAll(random, TRIALS, OraclePropertyTest.cases(6), trial -> check(trial, random));
    }

    private static void check(OraclePropertyTest.Case trial, SeededRandom random) {
        KubernetesScheduler scheduler = KubernetesScheduler.builder()
                .ticker(ManualTicker.create())
                .random(new SplittableRandom(random.nextLong()))
                .build();
        trial.nodes().forEach(scheduler::addNode);
        trial.existing().forEach(scheduler::addBoundPod);
        trial.pending().forEach(scheduler::submitPod);
        scheduler.scheduleAll();
        if (scheduler.unschedulablePods().isEmpty()) {
            return;
        }
        String event = applyRandomEvent(scheduler, random);
        OracleScheduler oracle = new OracleScheduler(scheduler.profile());
        List<Node> nodes = scheduler.nodes();
        List<Pod> bound = scheduler.boundPods();
        for (Pod waiting : scheduler.unschedulablePods()) {
            assertThat(oracle.evaluate(nodes, bound, waiting).feasible())
                    .as("after %s, %s was left waiting but fits", event, waiting.name())
                    .isEmpty();
        }
    }

    private static String applyRandomEvent(KubernetesScheduler scheduler, SeededRandom random) {
        List<Node> nodes = scheduler.nodes();
        List<Pod> bound = scheduler.boundPods();
        int kind = random.nextInt(0, 4);
        if (kind == 0 || nodes.isEmpty()) {
            Node template = random.pick(OraclePropertyTest.cases(3).next(random).nodes());
            Node added = new Node(
                    "added",
                    template.allocatable(),
                    template.maxPods(),
                    Map.of(
                            "kubernetes.io/hostname",
                            "added",
                            "zone",
                            template.labels().get("zone")),
                    template.taints(),
                    random.chance(1, 4),
                    Map.of());
            scheduler.addNode(added);
            return "adding " + added;
        }
        if (kind == 1 && !bound.isEmpty()) {
            Pod deleted = random.pick(bound);
            scheduler.deletePod(deleted.namespace(), deleted.name());
            return "deleting " + deleted.name();
        }
        if (kind == 2) {
            Node target = random.pick(nodes);
            Pod pod = Pod.builder("bound-now")
                    .label("app", random.pick(List.of("web", "db")))
                    .requests(Resources.ofBytes(0, 0))
                    .nodeName(target.name())
                    .build();
            scheduler.addBoundPod(pod);
            return "binding " + pod.labels() + " to " + target.name();
        }
        Node old = random.pick(nodes);
        Node updated = switch (random.nextInt(0, 5)) {
            case 0 -> old.withTaints(List.of());
            case 1 ->
                old.withLabels(
                        Map.of("kubernetes.io/hostname", old.name(), "zone", random.pick(List.of("z1", "z2", "z3"))));
            case 2 -> old.withUnschedulable(!old.unschedulable());
            case 3 -> old.withMaxPods(110);
            default ->
                new Node(
                        old.name(),
                        old.allocatable()
                                .plus(Resources.ofBytes(random.nextLong(0, 3) * 500, random.nextLong(0, 3) << 29)),
                        old.maxPods(),
                        old.labels(),
                        old.taints(),
                        old.unschedulable(),
                        old.images());
        };
        scheduler.addNode(updated);
        return "updating " + old + " to " + updated;
    }
}
