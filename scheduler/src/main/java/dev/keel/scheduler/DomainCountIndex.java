package dev.keel.scheduler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link DomainPodCounts} a {@link Cluster} keeps up to date, one per distinct {@code (matcher, topology key)}
 * that a plugin asked for, at most {@link #MAX_ENTRIES} of them (least recently asked dropped first, to be rebuilt
 * by one scan if asked again), so that the cost of a bind stays O(entries) however many selectors pass through.
 * A node added, changed or removed drops them all: node changes are rare next to binds, and a rebuild is one scan.
 *
 * <p>Not thread-safe: confined with its cluster.
 */
final class DomainCountIndex {

    static final int MAX_ENTRIES = 64;

    private record Key(PodMatcher matcher, String topologyKey) {}

    private final TopologyDomains domains;

    private final Map<Key, DomainPodCounts> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, DomainPodCounts> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    DomainCountIndex(TopologyDomains domains) {
        this.domains = domains;
    }

    DomainPodCounts counts(PodMatcher matcher, String topologyKey, List<NodeInfo> nodes) {
        Key key = new Key(matcher, topologyKey);
        DomainPodCounts counts = entries.get(key);
        if (counts == null) {
            TopologyDomains.Key domainKey = domains.key(topologyKey);
            counts = new DomainPodCounts(domains, domainKey);
            for (int n = 0; n < nodes.size(); n++) {
                NodeInfo node = nodes.get(n);
                List<Pod> pods = node.pods();
                if (pods.isEmpty()) {
                    continue;
                }
                int domainId = node.domainId(domains, domainKey.id());
                if (domainId < 0) {
                    continue;
                }
                for (int i = 0; i < pods.size(); i++) {
                    counts.add(domainId, matcher.weight(pods.get(i)));
                }
            }
            entries.put(key, counts);
        }
        return counts;
    }

    /** Moves every count that {@code pod}, on {@code node}, takes part in by {@code sign} (+1 bound, -1 gone). */
    void update(Pod pod, NodeInfo node, int sign) {
        if (entries.isEmpty()) {
            return;
        }
        for (Map.Entry<Key, DomainPodCounts> entry : entries.entrySet()) {
            DomainPodCounts counts = entry.getValue();
            int domainId = node.domainId(domains, counts.key().id());
            if (domainId >= 0) {
                int weight = entry.getKey().matcher().weight(pod);
                counts.add(domainId, (long) sign * weight);
            }
        }
    }

    void clear() {
        entries.clear();
    }
}
