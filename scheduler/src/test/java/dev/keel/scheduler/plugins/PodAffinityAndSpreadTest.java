package dev.keel.scheduler.plugins;

import static dev.keel.scheduler.Fixtures.node;
import static dev.keel.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.scheduler.KubernetesScheduler;
import dev.keel.scheduler.LabelSelector;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PodAffinity;
import dev.keel.scheduler.PodAffinityTerm;
import dev.keel.scheduler.SchedulingResult;
import dev.keel.scheduler.Status;
import dev.keel.scheduler.TopologySpreadConstraint;
import dev.keel.testing.ManualTicker;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** PodTopologySpread and InterPodAffinity through a whole scheduler, so PreFilter state is exercised too. */
final class PodAffinityAndSpreadTest {

    private static KubernetesScheduler scheduler() {
        return KubernetesScheduler.builder()
                .ticker(ManualTicker.create())
                .random(new SplittableRandom(7))
                .explain(true)
                .build();
    }

    private static SchedulingResult scheduleOne(KubernetesScheduler scheduler, Pod pod) {
        scheduler.submitPod(pod);
        return scheduler.scheduleNext().orElseThrow();
    }

    private static Pod app(String name, String app) {
        return pod(name, 100, 100).toBuilder().label("app", app).build();
    }

    @Test
    void spread_minDomains_treatsTheMinimumAsZeroUntilEnoughDomainsExist() {
        KubernetesScheduler scheduler = scheduler();
        scheduler.addNode(node("a", 4000, 1 << 30, Map.of("zone", "z1")));
        scheduler.addNode(node("b", 4000, 1 << 30, Map.of("zone", "z2")));
        TopologySpreadConstraint constraint = new TopologySpreadConstraint(
                1, "zone", true, LabelSelector.matching(Map.of("app", "web")), 3, true, false, List.of());
        for (int i = 0; i < 2; i++) {
            assertThat(scheduleOne(
                            scheduler,
                            app("web-" + i, "web").toBuilder()
                                    .topologySpread(constraint)
                                    .build()))
                    .isInstanceOf(SchedulingResult.Scheduled.class);
        }

        SchedulingResult third = scheduleOne(
                scheduler,
                app("web-2", "web").toBuilder().topologySpread(constraint).build());

        // Two domains < minDomains 3: min counts as 0, so each zone already at 1 gives skew 2 > 1.
        assertThat(third).isInstanceOf(SchedulingResult.Unschedulable.class);
        assertThat(third.diagnosis().filterStatuses().values())
                .allSatisfy(status -> assertThat(status.plugin()).isEqualTo("PodTopologySpread"));
    }

    @Test
    void spread_scheduleAnyway_prefersTheEmptierDomain() {
        KubernetesScheduler scheduler = scheduler();
        scheduler.addNode(node("a", 4000, 1 << 30, Map.of("zone", "z1")));
        scheduler.addNode(node("b", 4000, 1 << 30, Map.of("zone", "z2")));
        scheduler.addBoundPod(app("existing", "web").toBuilder().nodeName("a").build());
        TopologySpreadConstraint soft =
                TopologySpreadConstraint.of(1, "zone", false, LabelSelector.matching(Map.of("app", "web")));

        SchedulingResult result = scheduleOne(
                scheduler, app("p", "web").toBuilder().topologySpread(soft).build());

        assertThat(result)
                .isInstanceOfSatisfying(
                        SchedulingResult.Scheduled.class,
                        s -> assertThat(s.node()).isEqualTo("b"));
        // counts 1 and 0, weight log(4): scores round(1.386) = 1 and 0; normalized 100*(1+0-s)/1.
        assertThat(result.diagnosis().scores().get("PodTopologySpread").normalized())
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", 0L, "b", 100L));
    }

    @Test
    void affinity_firstPodOfAGroup_mayLandAndTheNextFollowsIt() {
        KubernetesScheduler scheduler = scheduler();
        scheduler.addNode(node("a", 4000, 1 << 30, Map.of("zone", "z1")));
        scheduler.addNode(node("b", 4000, 1 << 30, Map.of("zone", "z2")));
        PodAffinity together = new PodAffinity(
                List.of(PodAffinityTerm.of(LabelSelector.matching(Map.of("app", "cache")), "zone")), List.of());

        SchedulingResult first = scheduleOne(
                scheduler,
                app("cache-0", "cache").toBuilder().podAffinity(together).build());
        String zoneOfFirst = ((SchedulingResult.Scheduled) first).node();
        SchedulingResult second = scheduleOne(
                scheduler,
                app("cache-1", "cache").toBuilder().podAffinity(together).build());

        assertThat(second)
                .isInstanceOfSatisfying(
                        SchedulingResult.Scheduled.class,
                        s -> assertThat(s.node()).isEqualTo(zoneOfFirst));
        Status rejected =
                second.diagnosis().filterStatuses().values().iterator().next();
        assertThat(rejected.reasons()).containsExactly("node(s) didn't match pod affinity rules");
        assertThat(rejected.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
    }

    @Test
    void affinity_noMatchingPodAndNotSelfMatching_isUnschedulable() {
        KubernetesScheduler scheduler = scheduler();
        scheduler.addNode(node("a", 4000, 1 << 30, Map.of("zone", "z1")));
        PodAffinity toDb = new PodAffinity(
                List.of(PodAffinityTerm.of(LabelSelector.matching(Map.of("app", "db")), "zone")), List.of());

        SchedulingResult result = scheduleOne(
                scheduler, app("web", "web").toBuilder().podAffinity(toDb).build());

        assertThat(result)
                .isInstanceOfSatisfying(
                        SchedulingResult.Unschedulable.class,
                        u -> assertThat(u.message())
                                .startsWith(
                                        "0/1 nodes are available: 1 node(s) didn't match pod affinity rules. preemption: 0/1"
                                                + " nodes are available: 1 Preemption is not helpful for scheduling."));
    }

    @Test
    void antiAffinity_incomingAndSymmetric_bothKeepPodsApart() {
        KubernetesScheduler scheduler = scheduler();
        scheduler.addNode(node("a", 4000, 1 << 30, Map.of("kubernetes.io/hostname", "a")));
        scheduler.addNode(node("b", 4000, 1 << 30, Map.of("kubernetes.io/hostname", "b")));
        PodAffinity apartFromWeb = new PodAffinity(
                List.of(PodAffinityTerm.of(LabelSelector.matching(Map.of("app", "web")), "kubernetes.io/hostname")),
                List.of());
        scheduler.addBoundPod(app("web-0", "web").toBuilder().nodeName("a").build());

        SchedulingResult incoming = scheduleOne(
                scheduler,
                app("lonely", "other").toBuilder().podAntiAffinity(apartFromWeb).build());
        assertThat(((SchedulingResult.Scheduled) incoming).node()).isEqualTo("b");
        assertThat(incoming.diagnosis().filterStatuses().get("a").reasons())
                .containsExactly("node(s) didn't match pod anti-affinity rules");

        // lonely on b repels web pods by symmetry; a has web-0 and is free for web.
        SchedulingResult symmetric = scheduleOne(scheduler, app("web-1", "web"));
        assertThat(((SchedulingResult.Scheduled) symmetric).node()).isEqualTo("a");
        assertThat(symmetric.diagnosis().filterStatuses().get("b").reasons())
                .containsExactly("node(s) didn't satisfy existing pods anti-affinity rules");
    }

    @Test
    void affinityScore_preferredTermsAndExistingPodsRequiredAffinity_countByTopology() {
        KubernetesScheduler scheduler = scheduler();
        scheduler.addNode(node("a", 4000, 1 << 30, Map.of("zone", "z1")));
        scheduler.addNode(node("b", 4000, 1 << 30, Map.of("zone", "z2")));
        scheduler.addNode(node("c", 4000, 1 << 30, Map.of("zone", "z3")));
        scheduler.addBoundPod(app("db", "db").toBuilder().nodeName("b").build());
        PodAffinity nearDb = new PodAffinity(
                List.of(),
                List.of(new PodAffinityTerm.Weighted(
                        50, PodAffinityTerm.of(LabelSelector.matching(Map.of("app", "db")), "zone"))));

        SchedulingResult result = scheduleOne(
                scheduler, app("web", "web").toBuilder().podAffinity(nearDb).build());

        assertThat(((SchedulingResult.Scheduled) result).node()).isEqualTo("b");
        assertThat(result.diagnosis().scores().get("InterPodAffinity").normalized())
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", 0L, "b", 100L, "c", 0L));
    }

    /** Upstream's PreScore returns Skip when no node gets a topology score, so the plugin has no scores at all. */
    @Test
    void affinityScore_noTermCanScore_isSkipped() {
        KubernetesScheduler scheduler = scheduler();
        scheduler.addNode(node("a", 4000, 1 << 30, Map.of("zone", "z1")));
        scheduler.addNode(node("b", 4000, 1 << 30, Map.of("zone", "z2")));
        PodAffinity repelDb = new PodAffinity(
                List.of(PodAffinityTerm.of(LabelSelector.matching(Map.of("app", "db")), "zone")), List.of());
        // Only required anti-affinity on the bound pod: nothing on either side scores.
        scheduleOne(
                scheduler,
                app("web-0", "web").toBuilder().podAntiAffinity(repelDb).build());
        SchedulingResult plain = scheduleOne(scheduler, app("web-1", "web"));
        assertThat(plain.diagnosis().scores()).doesNotContainKey(InterPodAffinity.NAME);

        // A preferred term that matches no bound pod: the walk finds nothing, and the plugin is skipped too.
        PodAffinity preferCache = new PodAffinity(
                List.of(),
                List.of(new PodAffinityTerm.Weighted(
                        10, PodAffinityTerm.of(LabelSelector.matching(Map.of("app", "cache")), "zone"))));
        SchedulingResult preferring = scheduleOne(
                scheduler,
                app("web-2", "web").toBuilder().podAffinity(preferCache).build());
        assertThat(preferring.diagnosis().scores()).doesNotContainKey(InterPodAffinity.NAME);

        // Once a pod matches the preferred term, the plugin scores.
        scheduleOne(scheduler, app("cache-0", "cache"));
        SchedulingResult scored = scheduleOne(
                scheduler,
                app("web-3", "web").toBuilder().podAffinity(preferCache).build());
        assertThat(scored.diagnosis().scores()).containsKey(InterPodAffinity.NAME);
    }
}
