package dev.keel.scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The cluster's topology domains, interned: every node label key gets a small id, every value of a key (a domain,
 * such as {@code zone-a} or one node's hostname) a small id within its key, and every node an array of its domain
 * ids indexed by key id. {@link DomainPodCounts} then keeps its counts in an array indexed by domain id, so that
 * asking "how many matching pods in this node's domain" is two array reads instead of a label-map lookup and a hash
 * lookup of the value among thousands of hostnames.
 *
 * <h2>How it is designed, and why</h2>
 *
 * <p>InterPodAffinity's Filter asks that question for every sampled node of every cycle, twice in the anti-affinity
 * workload (the pod's own term and the bound pods' symmetric one): JFR put those lookups at the top of the plugin's
 * Filter (session 5 and 6). The ids are given out where the cluster already counted the nodes of each label value
 * for the spread plugin (one map per key from value to its node count), so interning costs a node add about what the
 * counting cost before. A domain whose last node goes (removed or relabelled) frees its id for the next new value:
 * ids stay dense under node churn, and no count can outlive its domain because the cluster drops every
 * {@link DomainPodCounts} on a node change. Key ids are never freed (a cluster has a few dozen label keys).
 *
 * <p>A {@link NodeInfo} carries its ids and the instance that gave them out, so a node from another cluster (a
 * simulation's or a test's) is recognised and answered from its labels instead.
 *
 * <p>Not thread-safe: confined with its {@link Cluster}.
 */
final class TopologyDomains {

    /** A node's ids when it has no labels. */
    static final int[] NO_DOMAINS = new int[0];

    /** One label key: its id, and its values with their ids and node counts. */
    static final class Key {
        private final String name;
        private final int id;
        private final Map<String, Domain> byValue = new HashMap<>();
        private final Set<String> valuesView = Collections.unmodifiableSet(byValue.keySet());
        private Domain[] byId = new Domain[4];
        private int[] freeIds = new int[0];
        private int freeCount;
        private int nextId;
        private int nodes;

        private Key(String name, int id) {
            this.name = name;
            this.id = id;
        }

        String name() {
            return name;
        }

        int id() {
            return id;
        }

        /** The id of the domain {@code value}, or -1 when no node has it. */
        int domainId(String value) {
            Domain domain = byValue.get(value);
            return domain == null ? -1 : domain.id;
        }

        /** The value of the domain {@code id} (an id that some node has). */
        String value(int domainId) {
            return byId[domainId].value;
        }

        private Domain join(String value) {
            Domain domain = byValue.get(value);
            if (domain == null) {
                int domainId = freeCount > 0 ? freeIds[--freeCount] : nextId++;
                if (domainId == byId.length) {
                    byId = Arrays.copyOf(byId, byId.length * 2);
                }
                domain = new Domain(value, domainId);
                byId[domainId] = domain;
                byValue.put(value, domain);
            }
            domain.nodes++;
            nodes++;
            return domain;
        }

        private void leave(String value) {
            Domain domain = byValue.get(value);
            if (domain == null) {
                throw new IllegalStateException("label " + name + "=" + value + " was never counted");
            }
            nodes--;
            if (--domain.nodes == 0) {
                byValue.remove(value);
                byId[domain.id] = null;
                if (freeCount == freeIds.length) {
                    freeIds = Arrays.copyOf(freeIds, Math.max(4, freeCount * 2));
                }
                freeIds[freeCount++] = domain.id;
            }
        }
    }

    private static final class Domain {
        private final String value;
        private final int id;
        private int nodes;

        private Domain(String value, int id) {
            this.value = value;
            this.id = id;
        }
    }

    private final Map<String, Key> keys = new HashMap<>();
    private final List<Key> keysById = new ArrayList<>();

    /** The key {@code name}, interned (a key no node has yet gets an id too). */
    Key key(String name) {
        Key key = keys.get(name);
        if (key == null) {
            key = new Key(name, keysById.size());
            keys.put(name, key);
            keysById.add(key);
        }
        return key;
    }

    /** Counts the node's labels in; returns its domain id per key id (-1 for a key it lacks). */
    int[] add(Node node) {
        Map<String, String> labels = node.labels();
        if (labels.isEmpty()) {
            return NO_DOMAINS;
        }
        int[] keyIds = new int[labels.size()];
        int[] domainIds = new int[labels.size()];
        int maxKeyId = -1;
        int i = 0;
        for (Map.Entry<String, String> label : labels.entrySet()) {
            Key key = key(label.getKey());
            keyIds[i] = key.id;
            domainIds[i] = key.join(label.getValue()).id;
            maxKeyId = Math.max(maxKeyId, key.id);
            i++;
        }
        int[] ids = new int[maxKeyId + 1];
        Arrays.fill(ids, -1);
        for (int j = 0; j < keyIds.length; j++) {
            ids[keyIds[j]] = domainIds[j];
        }
        return ids;
    }

    /** Counts the node's labels out (the node was removed, or is about to be relabelled). */
    void remove(Node node) {
        node.labels().forEach((name, value) -> {
            Key key = keys.get(name);
            if (key == null) {
                throw new IllegalStateException("label key " + name + " was never counted");
            }
            key.leave(value);
        });
    }

    /** How many nodes carry the label {@code name}. */
    int nodesWith(String name) {
        Key key = keys.get(name);
        return key == null ? 0 : key.nodes;
    }

    /** The values of {@code name} that some node has. */
    Set<String> values(String name) {
        @Nullable Key key = keys.get(name);
        return key == null ? Set.of() : key.valuesView;
    }
}
