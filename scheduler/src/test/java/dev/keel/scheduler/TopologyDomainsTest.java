package dev.keel.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The interned topology domains: ids shared by a domain's nodes, freed with its last node, reused, kept dense. */
final class TopologyDomainsTest {

    private static Node node(String name, Map<String, String> labels) {
        return new Node(name, new Resources(1_000, 1_000)).withLabels(labels);
    }

    @Test
    void add_nodesOfOneDomain_shareItsId() {
        TopologyDomains domains = new TopologyDomains();
        int zone = domains.key("zone").id();
        int[] a = domains.add(node("a", Map.of("zone", "z1", "host", "a")));
        int[] b = domains.add(node("b", Map.of("zone", "z1", "host", "b")));
        int[] c = domains.add(node("c", Map.of("zone", "z2")));
        int host = domains.key("host").id();

        assertThat(a[zone]).isEqualTo(b[zone]).isNotEqualTo(c[zone]);
        assertThat(a[host]).isNotEqualTo(b[host]);
        assertThat(host < c.length ? c[host] : -1).as("a node without the key").isEqualTo(-1);
        assertThat(domains.nodesWith("zone")).isEqualTo(3);
        assertThat(domains.nodesWith("host")).isEqualTo(2);
        assertThat(domains.values("zone")).isEqualTo(Set.of("z1", "z2"));
        assertThat(domains.key("zone").value(a[zone])).isEqualTo("z1");
    }

    @Test
    void remove_lastNodeOfADomain_freesTheIdForTheNextNewValue() {
        TopologyDomains domains = new TopologyDomains();
        Node a = node("a", Map.of("zone", "z1"));
        Node b = node("b", Map.of("zone", "z2"));
        domains.add(a);
        int z2 = domains.add(b)[domains.key("zone").id()];

        domains.remove(b);
        assertThat(domains.values("zone")).isEqualTo(Set.of("z1"));
        assertThat(domains.key("zone").domainId("z2")).isEqualTo(-1);
        int z3 =
                domains.add(node("c", Map.of("zone", "z3")))[domains.key("zone").id()];

        assertThat(z3).as("ids stay dense under churn").isEqualTo(z2);
        assertThat(domains.nodesWith("zone")).isEqualTo(2);
    }

    @Test
    void remove_aNodeNeverAdded_fails() {
        TopologyDomains domains = new TopologyDomains();
        assertThatThrownBy(() -> domains.remove(node("a", Map.of("zone", "z1"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("zone");
    }

    @Test
    void count_relabelledNode_movesToItsNewDomain() {
        Cluster cluster = new Cluster();
        cluster.putNode(node("a", Map.of("zone", "z1")));
        cluster.putNode(node("b", Map.of("zone", "z2")));
        cluster.addPod(Pod.builder("p")
                .uid("p")
                .label("app", "web")
                .requests(new Resources(10, 10))
                .nodeName("a")
                .build());
        PodMatcher web = pod -> "web".equals(pod.labels().get("app")) ? 1 : 0;
        assertThat(cluster.podCounts(web, "zone").count(cluster.node("b"))).isZero();

        cluster.putNode(node("a", Map.of("zone", "z2")));

        DomainPodCounts counts = cluster.podCounts(web, "zone");
        assertThat(counts.count(cluster.node("b"))).isEqualTo(1);
        assertThat(counts.count("z1")).isZero();
        assertThat(cluster.labelValues("zone")).isEqualTo(Set.of("z2"));
    }

    @Test
    void count_podUnbound_dropsToZero() {
        Cluster cluster = new Cluster();
        cluster.putNode(node("a", Map.of("host", "a")));
        Pod pod = Pod.builder("p")
                .uid("p")
                .label("app", "web")
                .requests(new Resources(10, 10))
                .nodeName("a")
                .build();
        cluster.addPod(pod);
        PodMatcher web = p -> "web".equals(p.labels().get("app")) ? 1 : 0;
        assertThat(cluster.podCounts(web, "host").count(cluster.node("a"))).isEqualTo(1);

        cluster.removePod(pod);

        assertThat(cluster.podCounts(web, "host").count(cluster.node("a"))).isZero();
        assertThat(cluster.podCounts(web, "host").nonZeroDomains()).isZero();
        assertThat(cluster.podCounts(web, "missing").count(cluster.node("a"))).isZero();
    }
}
