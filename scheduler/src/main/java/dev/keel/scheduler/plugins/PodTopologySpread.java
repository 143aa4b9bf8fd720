package dev.keel.scheduler.plugins;

import dev.keel.scheduler.Cluster;
import dev.keel.scheduler.ClusterEvent;
import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.DomainPodCounts;
import dev.keel.scheduler.EnqueueExtensions;
import dev.keel.scheduler.FilterPlugin;
import dev.keel.scheduler.LabelSelector;
import dev.keel.scheduler.Node;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PreFilterPlugin;
import dev.keel.scheduler.PreScorePlugin;
import dev.keel.scheduler.QueueingHint;
import dev.keel.scheduler.Requirement;
import dev.keel.scheduler.ScorePlugin;
import dev.keel.scheduler.Status;
import dev.keel.scheduler.TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PodTopologySpread: Filter on DoNotSchedule constraints, Score on ScheduleAnyway ones. Immutable.
 *
 * <h2>How it is designed, and why</h2>
 *
 * <p>PreFilter needs, per DoNotSchedule constraint (by index, as upstream's {@code TpValueToMatchNum}), the pods
 * matching its selector (in the pod's namespace) in every domain of its topology key, over the nodes that have every
 * constraint's key and pass the node inclusion policies (the pod's node affinity when Honor, the default; its
 * tolerations when nodeTaintsPolicy is Honor). A domain with no matching pod still counts, with 0: that is what
 * makes the global minimum right. Upstream counts every node's pods for this in every cycle. Here, when the policies
 * exclude no node, the counts are the cluster's {@link dev.keel.scheduler.DomainPodCounts}, kept up to date on
 * every bind and deletion, and the domains are the key's values over all nodes: O(constraints) per cycle. Otherwise
 * (node affinity honoured and present, taints honoured, or a node missing one of several keys) PreFilter counts as
 * upstream does. Filter then checks {@code count(domain) + selfMatch - min <= maxSkew} per constraint, where min is 0
 * while fewer than {@code minDomains} domains exist; a node without the key is rejected unresolvably. Preemption's
 * PreFilter extensions first make the counts the cycle's own ({@link SpreadCounts.Counted}), then change them.
 *
 * <p>Score (ScheduleAnyway) gives each feasible node {@code sum(count * log(domains + 2) + maxSkew - 1)} with the
 * hostname key counted per node, rounds it, and normalizes {@code 100 * (max + min - s) / max}, so emptier domains
 * win; nodes missing a key score 0. System default constraints (derived from Services and ReplicaSets) are not
 * modelled: a pod without constraints is skipped.
 */
public final class PodTopologySpread
        implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {

    public PodTopologySpread() {}

    public static final String NAME = "PodTopologySpread";
    public static final String REASON = "node(s) didn't match pod topology spread constraints";
    public static final String REASON_MISSING_LABEL = REASON + " (missing required label)";
    static final String HOSTNAME = "kubernetes.io/hostname";
    private static final String FILTER_KEY = NAME + "/filter";
    // Filter's rejections, made once with the plugin's name so that a rejected node costs no allocation.
    private static final Status MISSING_LABEL =
            Status.unresolvable(REASON_MISSING_LABEL).withPlugin(NAME);
    private static final Status SKEWED = Status.unschedulable(REASON).withPlugin(NAME);
    private static final String SCORE_KEY = NAME + "/score";

    /** A constraint with its selector merged with matchLabelKeys. */
    record Effective(TopologySpreadConstraint constraint, LabelSelector selector) {}

    /**
     * What PreFilter leaves for Filter: the constraints, whether the pod matches each one's selector itself, and the
     * counts (live from the cluster, or counted; made the state's own before preemption changes them).
     */
    static final class FilterState implements CycleState.StateCopy {
        private final List<Effective> constraints;
        private final boolean[] selfMatch;
        private SpreadCounts counts;

        FilterState(List<Effective> constraints, Pod pod, SpreadCounts counts) {
            this.constraints = constraints;
            this.selfMatch = new boolean[constraints.size()];
            for (int i = 0; i < selfMatch.length; i++) {
                selfMatch[i] = constraints.get(i).selector().matches(pod.labels());
            }
            this.counts = counts;
        }

        private FilterState(FilterState other) {
            this.constraints = other.constraints;
            this.selfMatch = other.selfMatch;
            this.counts = other.counts.copy();
        }

        List<Effective> constraints() {
            return constraints;
        }

        SpreadCounts counts() {
            return counts;
        }

        SpreadCounts.Counted ownCounts() {
            SpreadCounts.Counted own = counts.own();
            counts = own;
            return own;
        }

        @Override
        public FilterState copy() {
            return new FilterState(this);
        }
    }

    record ScoreState(List<Effective> constraints, TopologyCounts counts, double[] weights, Set<String> ignored) {}

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Upstream's hints: a pod bound or deleted in this pod's namespace helps if a DoNotSchedule constraint's selector
     * matches it (it changes a domain's count); a node added or deleted helps if it carries every constraint's
     * topology key (it adds or removes a domain); an updated node helps if it gained or lost the keys, or changed a
     * key's value or its taints.
     */
    @Override
    public QueueingHint isSchedulableAfter(ClusterEvent event, Pod pod) {
        List<Effective> constraints = effective(pod, true);
        return switch (event) {
            case ClusterEvent.PodAdded added -> QueueingHint.queueIf(counts(constraints, pod, added.pod()));
            case ClusterEvent.PodDeleted deleted -> QueueingHint.queueIf(counts(constraints, pod, deleted.pod()));
            case ClusterEvent.NodeAdded added -> QueueingHint.queueIf(hasKeys(constraints, added.node()));
            case ClusterEvent.NodeDeleted removed -> QueueingHint.queueIf(hasKeys(constraints, removed.node()));
            case ClusterEvent.NodeUpdated updated -> {
                boolean before = hasKeys(constraints, updated.old());
                boolean after = hasKeys(constraints, updated.updated());
                yield QueueingHint.queueIf(before != after
                        || after
                                && (!updated.old()
                                                .taints()
                                                .equals(updated.updated().taints())
                                        || keyValuesDiffer(constraints, updated.old(), updated.updated())));
            }
        };
    }

    private static boolean counts(List<Effective> constraints, Pod pod, Pod other) {
        if (!other.namespace().equals(pod.namespace())) {
            return false;
        }
        for (Effective effective : constraints) {
            if (effective.selector().matches(other.labels())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasKeys(List<Effective> constraints, Node node) {
        for (Effective effective : constraints) {
            if (!node.labels().containsKey(effective.constraint().topologyKey())) {
                return false;
            }
        }
        return true;
    }

    private static boolean keyValuesDiffer(List<Effective> constraints, Node old, Node updated) {
        for (Effective effective : constraints) {
            String key = effective.constraint().topologyKey();
            if (!java.util.Objects.equals(
                    old.labels().get(key), updated.labels().get(key))) {
                return true;
            }
        }
        return false;
    }

    static List<Effective> effective(Pod pod, boolean doNotSchedule) {
        List<Effective> result = new ArrayList<>();
        for (TopologySpreadConstraint constraint : pod.topologySpreadConstraints()) {
            if (constraint.doNotSchedule() != doNotSchedule) {
                continue;
            }
            LabelSelector selector = constraint.selector();
            for (String key : constraint.matchLabelKeys()) {
                String value = pod.labels().get(key);
                if (value != null) {
                    selector = selector.and(Requirement.in(key, value));
                }
            }
            result.add(new Effective(constraint, selector));
        }
        return result;
    }

    private static boolean hasAllKeys(Map<String, String> labels, List<Effective> constraints) {
        for (Effective effective : constraints) {
            if (!labels.containsKey(effective.constraint().topologyKey())) {
                return false;
            }
        }
        return true;
    }

    private static boolean included(TopologySpreadConstraint constraint, Pod pod, NodeInfo node) {
        if (constraint.honorNodeAffinity() && !NodeAffinityPlugin.matchesRequired(pod, node)) {
            return false;
        }
        return !constraint.honorNodeTaints() || TaintToleration.toleratesNode(pod, node);
    }

    private static long countMatching(List<Pod> pods, LabelSelector selector, String namespace) {
        long count = 0;
        for (int i = 0; i < pods.size(); i++) {
            Pod existing = pods.get(i);
            if (existing.namespace().equals(namespace) && selector.matches(existing.labels())) {
                count++;
            }
        }
        return count;
    }

    @Override
    public Status preFilter(CycleState state, Pod pod, Cluster cluster) {
        List<Effective> constraints = effective(pod, true);
        if (constraints.isEmpty()) {
            return Status.skip();
        }
        SpreadCounts counts = everyNodeWithTheKeysCounts(constraints, pod, cluster)
                ? live(constraints, pod, cluster)
                : counted(constraints, pod, cluster);
        state.write(FILTER_KEY, new FilterState(constraints, pod, counts));
        return Status.success();
    }

    /**
     * Whether the eligible nodes are simply the nodes carrying the keys, so that the cluster's kept counts answer
     * exactly: the inclusion policies exclude nothing (no node affinity to honor, taints ignored), and with several
     * constraints every node carries every key (a node missing one key would otherwise count for the others).
     */
    private static boolean everyNodeWithTheKeysCounts(List<Effective> constraints, Pod pod, Cluster cluster) {
        boolean noNodeAffinity =
                pod.nodeSelector().isEmpty() && pod.nodeAffinity().required().isEmpty();
        for (Effective effective : constraints) {
            TopologySpreadConstraint constraint = effective.constraint();
            if (constraint.honorNodeTaints() || (constraint.honorNodeAffinity() && !noNodeAffinity)) {
                return false;
            }
            if (constraints.size() > 1 && cluster.nodesWithLabel(constraint.topologyKey()) != cluster.size()) {
                return false;
            }
        }
        return true;
    }

    private static SpreadCounts live(List<Effective> constraints, Pod pod, Cluster cluster) {
        DomainPodCounts[] counts = new DomainPodCounts[constraints.size()];
        List<Set<String>> domains = new ArrayList<>(constraints.size());
        for (int i = 0; i < counts.length; i++) {
            String key = constraints.get(i).constraint().topologyKey();
            counts[i] = cluster.podCounts(
                    new SpreadCounts.Selecting(constraints.get(i).selector(), pod.namespace()), key);
            domains.add(cluster.labelValues(key));
        }
        return new SpreadCounts.Live(counts, domains);
    }

    /** Upstream's PreFilter: every eligible node's matching pods, counted now. */
    private static SpreadCounts counted(List<Effective> constraints, Pod pod, Cluster cluster) {
        SpreadCounts.Counted counts = new SpreadCounts.Counted(constraints.size());
        List<NodeInfo> nodes = cluster.nodes();
        for (int n = 0; n < nodes.size(); n++) {
            NodeInfo node = nodes.get(n);
            Map<String, String> labels = node.node().labels();
            if (!hasAllKeys(labels, constraints)) {
                continue;
            }
            for (int i = 0; i < constraints.size(); i++) {
                Effective effective = constraints.get(i);
                TopologySpreadConstraint constraint = effective.constraint();
                if (included(constraint, pod, node)) {
                    counts.add(
                            i,
                            labels.get(constraint.topologyKey()),
                            countMatching(node.pods(), effective.selector(), pod.namespace()));
                }
            }
        }
        return counts;
    }

    @Override
    public void addPod(CycleState state, Pod pod, Pod added, NodeInfo node) {
        update(state, pod, added, node, 1);
    }

    @Override
    public void removePod(CycleState state, Pod pod, Pod removed, NodeInfo node) {
        update(state, pod, removed, node, -1);
    }

    private static void update(CycleState state, Pod pod, Pod changed, NodeInfo node, long delta) {
        FilterState filterState = state.read(FILTER_KEY, FilterState.class);
        if (filterState == null || !changed.namespace().equals(pod.namespace())) {
            return;
        }
        Map<String, String> labels = node.node().labels();
        List<Effective> constraints = filterState.constraints();
        if (!hasAllKeys(labels, constraints)) {
            return;
        }
        for (int i = 0; i < constraints.size(); i++) {
            Effective effective = constraints.get(i);
            TopologySpreadConstraint constraint = effective.constraint();
            if (included(constraint, pod, node) && effective.selector().matches(changed.labels())) {
                filterState.ownCounts().addIfKnown(i, labels.get(constraint.topologyKey()), delta);
            }
        }
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo node) {
        FilterState filterState = state.read(FILTER_KEY, FilterState.class);
        if (filterState == null) {
            return Status.success();
        }
        Map<String, String> labels = node.node().labels();
        List<Effective> constraints = filterState.constraints();
        SpreadCounts counts = filterState.counts();
        for (int i = 0; i < constraints.size(); i++) {
            TopologySpreadConstraint constraint = constraints.get(i).constraint();
            String value = labels.get(constraint.topologyKey());
            if (value == null) {
                return MISSING_LABEL;
            }
            long min = counts.domains(i) < constraint.minDomains() ? 0 : counts.min(i);
            long self = filterState.selfMatch[i] ? 1 : 0;
            long skew = counts.count(i, value) + self - min;
            if (skew > constraint.maxSkew()) {
                return SKEWED;
            }
        }
        return Status.success();
    }

    @Override
    public Status preScore(CycleState state, Pod pod, List<NodeInfo> feasibleNodes, Cluster cluster) {
        List<Effective> constraints = effective(pod, false);
        if (constraints.isEmpty() || feasibleNodes.isEmpty()) {
            return Status.skip();
        }
        TopologyCounts counts = new TopologyCounts();
        Set<String> ignored = new HashSet<>();
        int[] sizes = new int[constraints.size()];
        for (NodeInfo node : feasibleNodes) {
            Map<String, String> labels = node.node().labels();
            if (!hasAllKeys(labels, constraints)) {
                ignored.add(node.name());
                continue;
            }
            for (int i = 0; i < constraints.size(); i++) {
                String key = constraints.get(i).constraint().topologyKey();
                if (!key.equals(HOSTNAME) && !counts.has(key, labels.get(key))) {
                    counts.add(key, labels.get(key), 0);
                    sizes[i]++;
                }
            }
        }
        for (NodeInfo node : cluster.nodes()) {
            Map<String, String> labels = node.node().labels();
            if (!hasAllKeys(labels, constraints)) {
                continue;
            }
            for (Effective effective : constraints) {
                TopologySpreadConstraint constraint = effective.constraint();
                String key = constraint.topologyKey();
                if (key.equals(HOSTNAME) || !included(constraint, pod, node) || !counts.has(key, labels.get(key))) {
                    continue;
                }
                counts.add(key, labels.get(key), countMatching(node.pods(), effective.selector(), pod.namespace()));
            }
        }
        double[] weights = new double[constraints.size()];
        for (int i = 0; i < constraints.size(); i++) {
            int size = constraints.get(i).constraint().topologyKey().equals(HOSTNAME)
                    ? feasibleNodes.size() - ignored.size()
                    : sizes[i];
            weights[i] = Math.log(size + 2);
        }
        state.write(SCORE_KEY, new ScoreState(constraints, counts, weights, ignored));
        return Status.success();
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo node) {
        ScoreState scoreState = state.read(SCORE_KEY, ScoreState.class);
        if (scoreState == null || scoreState.ignored().contains(node.name())) {
            return 0;
        }
        Map<String, String> labels = node.node().labels();
        double score = 0;
        for (int i = 0; i < scoreState.constraints().size(); i++) {
            Effective effective = scoreState.constraints().get(i);
            String key = effective.constraint().topologyKey();
            String value = labels.get(key);
            if (value == null) {
                continue;
            }
            long count = key.equals(HOSTNAME)
                    ? countMatching(node.pods(), effective.selector(), pod.namespace())
                    : scoreState.counts().get(key, value);
            score += count * scoreState.weights()[i] + (effective.constraint().maxSkew() - 1);
        }
        return Math.round(score);
    }

    @Override
    public boolean normalizes() {
        return true;
    }

    @Override
    public void normalize(CycleState state, Pod pod, List<NodeInfo> nodes, long[] scores) {
        ScoreState scoreState = state.read(SCORE_KEY, ScoreState.class);
        if (scoreState == null) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scoreState.ignored().contains(nodes.get(i).name())) {
                continue;
            }
            min = Math.min(min, scores[i]);
            max = Math.max(max, scores[i]);
        }
        for (int i = 0; i < scores.length; i++) {
            if (scoreState.ignored().contains(nodes.get(i).name())) {
                scores[i] = 0;
            } else if (max == 0) {
                scores[i] = MAX_NODE_SCORE;
            } else {
                scores[i] = MAX_NODE_SCORE * (max + min - scores[i]) / max;
            }
        }
    }
}
