package dev.keel.scheduler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The nodes and the pods bound to them, as one scheduling cycle sees them (kube-scheduler's cache snapshot), kept
 * up to date incrementally: nodes in the order they were added, the nodes that host pods with affinity rules, and
 * how many nodes hold each image.
 *
 * <p>Not thread-safe: {@link KubernetesScheduler} owns it and mutates it only under its lock, during which plugins
 * read it.
 */
public final class Cluster {

    Cluster() {}

    /**
     * A new, independent cluster of these nodes and bound pods (each pod's {@code nodeName} must name one of the
     * nodes): for simulations and reference schedulers that recompute everything from scratch.
     */
    public static Cluster of(List<Node> nodes, List<Pod> boundPods) {
        Cluster cluster = new Cluster();
        nodes.forEach(cluster::putNode);
        boundPods.forEach(cluster::addPod);
        return cluster;
    }

    private final Map<String, NodeInfo> byName = new LinkedHashMap<>();
    private final List<NodeInfo> nodes = new ArrayList<>();
    private final Map<String, Integer> imageNodeCounts = new HashMap<>();
    private final Map<String, Pod> podsByUid = new HashMap<>();
    private final Map<String, PodDisruptionBudget> budgets = new LinkedHashMap<>();
    private final TopologyDomains domains = new TopologyDomains();
    private final DomainCountIndex domainCounts = new DomainCountIndex(domains);
    private final Map<AntiAffinityTerm, int[]> antiAffinityTerms = new LinkedHashMap<>();
    private int podsWithAffinity;
    private int podsWithRequiredAntiAffinity;
    private int podsWithAffinityScoringTerms;

    /** A required anti-affinity term of a bound pod, with that pod's namespace (the term's default namespace). */
    public record AntiAffinityTerm(PodAffinityTerm term, String ownerNamespace) {}

    /** All nodes, in the order they were added. */
    public List<NodeInfo> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public @Nullable NodeInfo node(String name) {
        return byName.get(name);
    }

    public int size() {
        return nodes.size();
    }

    /** How many nodes hold {@code image} (as ImageLocality normalizes it). */
    public int nodesWithImage(String image) {
        return imageNodeCounts.getOrDefault(image, 0);
    }

    /** The nodes that run at least one pod with pod affinity or anti-affinity. */
    public List<NodeInfo> nodesWithPodAffinity() {
        if (podsWithAffinity == 0) {
            return List.of();
        }
        List<NodeInfo> result = new ArrayList<>();
        for (NodeInfo info : nodes) {
            if (!info.podsWithAffinity().isEmpty()) {
                result.add(info);
            }
        }
        return result;
    }

    /**
     * How many bound pods {@code matcher} selects in each domain of {@code topologyKey} (the nodes' value of that
     * label), kept up to date as pods come and go: built by one scan of the cluster the first time it is asked for,
     * then O(1) to read. The view is current until the cluster next changes.
     */
    public DomainPodCounts podCounts(PodMatcher matcher, String topologyKey) {
        return domainCounts.counts(matcher, topologyKey, nodes);
    }

    /** How many nodes carry the label {@code key}. */
    public int nodesWithLabel(String key) {
        return domains.nodesWith(key);
    }

    /** The distinct values of the label {@code key} over all nodes: the topology domains of that key. */
    public Set<String> labelValues(String key) {
        return domains.values(key);
    }

    /** The distinct required anti-affinity terms of the bound pods (InterPodAffinity's symmetry). */
    public Set<AntiAffinityTerm> requiredAntiAffinityTerms() {
        return Collections.unmodifiableSet(antiAffinityTerms.keySet());
    }

    /**
     * Whether any bound pod has a term that InterPodAffinity's Score counts on its side: required or preferred pod
     * affinity, or preferred anti-affinity.
     */
    public boolean hasPodsWithAffinityScoringTerms() {
        return podsWithAffinityScoringTerms > 0;
    }

    /** The PodDisruptionBudgets preemption must respect where it can. */
    public List<PodDisruptionBudget> podDisruptionBudgets() {
        return List.copyOf(budgets.values());
    }

    void putBudget(PodDisruptionBudget budget) {
        budgets.put(budget.namespace() + "/" + budget.name(), budget);
    }

    boolean removeBudget(String namespace, String name) {
        return budgets.remove(namespace + "/" + name) != null;
    }

    /** Whether any bound pod has required pod anti-affinity (InterPodAffinity's symmetry check needs them). */
    public boolean hasPodsWithRequiredAntiAffinity() {
        return podsWithRequiredAntiAffinity > 0;
    }

    public @Nullable Pod boundPod(String uid) {
        return podsByUid.get(uid);
    }

    public int boundPodCount() {
        return podsByUid.size();
    }

    void putNode(Node node) {
        NodeInfo existing = byName.get(node.name());
        NodeInfo info;
        if (existing == null) {
            info = new NodeInfo(node);
            byName.put(node.name(), info);
            nodes.add(info);
        } else {
            countImages(existing.node(), -1);
            domains.remove(existing.node());
            domainCounts.clear();
            info = existing.withNode(node);
            byName.put(node.name(), info);
            nodes.set(nodes.indexOf(existing), info);
        }
        countImages(node, 1);
        info.placeIn(domains, domains.add(node));
    }

    /** Removes a node; its pods are forgotten with it. Returns the removed pods. */
    List<Pod> removeNode(String name) {
        NodeInfo removed = byName.remove(name);
        if (removed == null) {
            return List.of();
        }
        nodes.remove(removed);
        countImages(removed.node(), -1);
        domains.remove(removed.node());
        domainCounts.clear();
        removed.pods().forEach(pod -> {
            podsByUid.remove(pod.uid());
            countAffinity(pod, -1);
        });
        return List.copyOf(removed.pods());
    }

    void addPod(Pod pod) {
        NodeInfo info = byName.get(pod.nodeName());
        if (info == null) {
            throw new IllegalArgumentException(
                    "pod " + pod.key() + " is bound to node '" + pod.nodeName() + "', which does not exist");
        }
        if (podsByUid.putIfAbsent(pod.uid(), pod) != null) {
            throw new IllegalArgumentException("pod " + pod.key() + " (uid " + pod.uid() + ") is already bound");
        }
        info.addPod(pod);
        countAffinity(pod, 1);
        domainCounts.update(pod, info, 1);
    }

    private void countAffinity(Pod pod, int delta) {
        if (pod.hasPodAffinityRules()) {
            podsWithAffinity += delta;
        }
        if (!pod.podAffinity().required().isEmpty()
                || !pod.podAffinity().preferred().isEmpty()
                || !pod.podAntiAffinity().preferred().isEmpty()) {
            podsWithAffinityScoringTerms += delta;
        }
        List<PodAffinityTerm> antiTerms = pod.podAntiAffinity().required();
        if (!antiTerms.isEmpty()) {
            podsWithRequiredAntiAffinity += delta;
            for (PodAffinityTerm term : antiTerms) {
                AntiAffinityTerm owned = new AntiAffinityTerm(term, pod.namespace());
                int[] count = antiAffinityTerms.computeIfAbsent(owned, t -> new int[1]);
                count[0] += delta;
                if (count[0] == 0) {
                    antiAffinityTerms.remove(owned);
                }
            }
        }
    }

    boolean removePod(Pod pod) {
        Pod bound = podsByUid.remove(pod.uid());
        if (bound == null) {
            return false;
        }
        countAffinity(bound, -1);
        NodeInfo info = byName.get(bound.nodeName());
        if (info == null || !info.removePod(bound)) {
            return false;
        }
        domainCounts.update(bound, info, -1);
        return true;
    }

    private void countImages(Node node, int delta) {
        for (String image : node.images().keySet()) {
            imageNodeCounts.merge(ImageNames.normalize(image), delta, Integer::sum);
        }
    }
}
