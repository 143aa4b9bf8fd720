package dev.keel.scheduler.plugins;

import dev.keel.scheduler.Cluster;
import dev.keel.scheduler.DomainPodCounts;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PodAffinityTerm;
import dev.keel.scheduler.PodMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of InterPodAffinity's three PreFilter counts per topology pair {@code key=value} (upstream's
 * {@code topologyToMatchedTermCount}). Two forms: {@link Live} sums the cluster's incrementally kept
 * {@link DomainPodCounts} (one per term and key; O(terms) per read, nothing counted per cycle), {@link Counted} wraps
 * {@link TopologyCounts} of its own for preemption's what-if changes. Not thread-safe.
 */
abstract sealed class AffinityCounts permits AffinityCounts.Live, AffinityCounts.Counted {

    /** Whether no pair has a count (upstream: the map is empty). */
    abstract boolean isEmpty();

    /** The count of the pair formed by {@code key} and the node's value of it; 0 when the node lacks the key. */
    abstract long count(String key, NodeInfo node);

    /** Whether any pair formed by a label of the node has a positive count. */
    abstract boolean anyPositive(NodeInfo node);

    /** Counts of one's own, for what-if changes. */
    abstract Counted copy();

    /** These counts if they are already one's own, else a copy. */
    Counted own() {
        return this instanceof Counted counted ? counted : copy();
    }

    /** Pods that one term, owned by a pod in {@code ownerNamespace}, selects. */
    record SelectedByTerm(PodAffinityTerm term, String ownerNamespace) implements PodMatcher {
        @Override
        public int weight(Pod pod) {
            return term.matches(pod, ownerNamespace) ? 1 : 0;
        }
    }

    /** Pods that every one of the terms, owned by a pod in {@code ownerNamespace}, selects. */
    record SelectedByAll(List<PodAffinityTerm> terms, String ownerNamespace) implements PodMatcher {
        @Override
        public int weight(Pod pod) {
            for (PodAffinityTerm term : terms) {
                if (!term.matches(pod, ownerNamespace)) {
                    return 0;
                }
            }
            return 1;
        }
    }

    /** Pods in {@code namespace} that carry {@code term} among their required anti-affinity terms, once per copy. */
    record CarryingAntiAffinity(PodAffinityTerm term, String namespace) implements PodMatcher {
        @Override
        public int weight(Pod pod) {
            if (!pod.namespace().equals(namespace)) {
                return 0;
            }
            int weight = 0;
            for (PodAffinityTerm carried : pod.podAntiAffinity().required()) {
                if (carried.equals(term)) {
                    weight++;
                }
            }
            return weight;
        }
    }

    /** A sum of the cluster's kept counts, each under its topology key. */
    static final class Live extends AffinityCounts {
        private final List<String> keys = new ArrayList<>(2);
        private final List<DomainPodCounts> counts = new ArrayList<>(2);

        void add(Cluster cluster, PodMatcher matcher, String topologyKey) {
            keys.add(topologyKey);
            counts.add(cluster.podCounts(matcher, topologyKey));
        }

        @Override
        boolean isEmpty() {
            for (int i = 0; i < counts.size(); i++) {
                if (counts.get(i).total() > 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        long count(String key, NodeInfo node) {
            long sum = 0;
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).equals(key)) {
                    sum += counts.get(i).count(node);
                }
            }
            return sum;
        }

        @Override
        boolean anyPositive(NodeInfo node) {
            for (int i = 0; i < counts.size(); i++) {
                if (counts.get(i).count(node) > 0) {
                    return true;
                }
            }
            return false;
        }

        @Override
        Counted copy() {
            TopologyCounts copy = new TopologyCounts();
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                counts.get(i).forEach((value, count) -> copy.addDroppingZero(key, value, count));
            }
            return new Counted(copy);
        }
    }

    /** Counts of its own. */
    static final class Counted extends AffinityCounts {
        private final TopologyCounts counts;

        Counted(TopologyCounts counts) {
            this.counts = counts;
        }

        void add(String key, String value, long delta) {
            counts.addDroppingZero(key, value, delta);
        }

        @Override
        boolean isEmpty() {
            return counts.isEmpty();
        }

        @Override
        long count(String key, NodeInfo node) {
            String value = node.node().labels().get(key);
            return value == null ? 0 : counts.get(key, value);
        }

        @Override
        boolean anyPositive(NodeInfo node) {
            if (counts.isEmpty()) {
                return false;
            }
            for (Map.Entry<String, String> label : node.node().labels().entrySet()) {
                if (counts.get(label.getKey(), label.getValue()) > 0) {
                    return true;
                }
            }
            return false;
        }

        @Override
        Counted copy() {
            return new Counted(counts.copy());
        }
    }
}
