package dev.keel.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cluster's incrementally kept {@link DomainPodCounts} against a fresh count of the same nodes and pods, after
 * every change of a random run of binds, deletions, node relabellings, node removals and node additions: per
 * domain, and per node through the node's interned domain id (and, for a node of another cluster, its labels).
 */
@ExtendWith(SeedExtension.class)
final class DomainPodCountsTest {

    private static final List<String> ZONES = List.of("z1", "z2", "z3");
    private static final List<String> APPS = List.of("web", "db", "cache");

    private record App(String app) implements PodMatcher {
        @Override
        public int weight(Pod pod) {
            return app.equals(pod.labels().get("app")) ? 1 : 0;
        }
    }

    private static final List<PodMatcher> MATCHERS =
            List.of(new App("web"), new App("db"), pod -> pod.labels().containsKey("app") ? 1 : 0);

    @Test
    void podCounts_randomChanges_equalAFreshCount(SeededRandom random) {
        for (int trial = 0; trial < 200; trial++) {
            Cluster cluster = new Cluster();
            Map<String, Node> nodes = new HashMap<>();
            List<Pod> bound = new ArrayList<>();
            int nextNode = 0;
            for (int step = 0; step < 60; step++) {
                int action = random.nextInt(10);
                if (nodes.isEmpty() || action == 0) {
                    Node node = node("n" + nextNode++, random);
                    nodes.put(node.name(), node);
                    cluster.putNode(node);
                } else if (action == 1) {
                    Node relabelled = node(random.pick(List.copyOf(nodes.keySet())), random);
                    nodes.put(relabelled.name(), relabelled);
                    cluster.putNode(relabelled);
                } else if (action == 2 && nodes.size() > 1) {
                    String removed = random.pick(List.copyOf(nodes.keySet()));
                    nodes.remove(removed);
                    cluster.removeNode(removed);
                    bound.removeIf(pod -> pod.nodeName().equals(removed));
                } else if (action <= 4 && !bound.isEmpty()) {
                    Pod deleted = bound.remove(random.nextInt(bound.size()));
                    assertThat(cluster.removePod(deleted)).isTrue();
                } else {
                    Pod pod = Pod.builder("p" + step)
                            .uid("t" + trial + "-p" + step)
                            .label("app", random.pick(APPS))
                            .requests(new Resources(10, 10))
                            .nodeName(random.pick(List.copyOf(nodes.keySet())))
                            .build();
                    bound.add(pod);
                    cluster.addPod(pod);
                }
                // Asking only sometimes leaves some counts built early and kept up to date, others built late.
                if (random.chance(1, 3)) {
                    assertSameCounts(cluster, Cluster.of(List.copyOf(nodes.values()), bound), random.pick(MATCHERS));
                }
            }
            for (PodMatcher matcher : MATCHERS) {
                assertSameCounts(cluster, Cluster.of(List.copyOf(nodes.values()), bound), matcher);
            }
        }
    }

    private static Node node(String name, SeededRandom random) {
        Map<String, String> labels = new HashMap<>(Map.of("kubernetes.io/hostname", name));
        if (!random.chance(1, 5)) {
            labels.put("zone", random.pick(ZONES));
        }
        return new Node(name, new Resources(4_000, 8_192)).withLabels(labels);
    }

    private static void assertSameCounts(Cluster kept, Cluster fresh, PodMatcher matcher) {
        for (String key : List.of("zone", "kubernetes.io/hostname")) {
            DomainPodCounts incremental = kept.podCounts(matcher, key);
            DomainPodCounts scanned = fresh.podCounts(matcher, key);
            Map<String, Integer> expected = new HashMap<>();
            scanned.forEach(expected::put);
            Map<String, Integer> actual = new HashMap<>();
            incremental.forEach(actual::put);
            assertThat(actual).as("%s by %s", matcher, key).isEqualTo(expected);
            assertThat(incremental.total()).isEqualTo(scanned.total());
            assertThat(incremental.nonZeroDomains()).isEqualTo(expected.size());
            assertThat(incremental.minNonZero())
                    .isEqualTo(
                            expected.values().stream().mapToLong(i -> i).min().orElse(0));
            for (NodeInfo node : kept.nodes()) {
                String value = node.node().labels().get(key);
                long expectedHere = value == null ? 0 : expected.getOrDefault(value, 0);
                // by the node's interned domain id, and by its labels when the counts are another cluster's
                assertThat(incremental.count(node))
                        .as("%s on %s by %s", matcher, node.name(), key)
                        .isEqualTo(expectedHere);
                assertThat(scanned.count(node)).isEqualTo(expectedHere);
                assertThat(incremental.count(fresh.node(node.name()))).isEqualTo(expectedHere);
            }
            assertThat(kept.labelValues(key)).isEqualTo(fresh.labelValues(key));
            assertThat(kept.nodesWithLabel(key)).isEqualTo(fresh.nodesWithLabel(key));
        }
    }

    @Test
    void minNonZero_countsMoveUpAndDown_tracksTheSmallest() {
        TopologyDomains domains = new TopologyDomains();
        domains.add(new Node("n1", new Resources(1_000, 1_000)).withLabels(Map.of("zone", "a")));
        domains.add(new Node("n2", new Resources(1_000, 1_000)).withLabels(Map.of("zone", "b")));
        DomainPodCounts counts = new DomainPodCounts(domains, domains.key("zone"));
        assertThat(counts.minNonZero()).isZero();
        counts.add("a", 2);
        counts.add("b", 1);
        assertThat(counts.minNonZero()).isEqualTo(1);
        counts.add("b", -1);
        assertThat(counts.minNonZero()).isEqualTo(2);
        assertThat(counts.nonZeroDomains()).isEqualTo(1);
        assertThat(counts.count("b")).isZero();
        counts.add("a", -2);
        assertThat(counts.minNonZero()).isZero();
        assertThat(counts.total()).isZero();
    }
}
