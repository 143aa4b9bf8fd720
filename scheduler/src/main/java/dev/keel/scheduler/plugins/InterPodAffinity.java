package dev.keel.scheduler.plugins;

import dev.keel.scheduler.Cluster;
import dev.keel.scheduler.ClusterEvent;
import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.EnqueueExtensions;
import dev.keel.scheduler.FilterPlugin;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PodAffinityTerm;
import dev.keel.scheduler.PreFilterPlugin;
import dev.keel.scheduler.PreScorePlugin;
import dev.keel.scheduler.QueueingHint;
import dev.keel.scheduler.ScorePlugin;
import dev.keel.scheduler.Status;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * InterPodAffinity: Filter on required pod affinity and anti-affinity, both the incoming pod's and, by symmetry, the
 * existing pods' anti-affinity; Score on preferred terms both ways and on existing pods' required affinity. Immutable.
 *
 * <h2>How it is designed, and why</h2>
 *
 * <p>PreFilter turns the cluster into three counts per topology pair ({@code key=value}), as upstream: how many
 * existing pods' required anti-affinity terms select the incoming pod; how many existing pods match all of the
 * incoming pod's affinity terms; how many match each of its anti-affinity terms. Upstream walks every pod for them in
 * every cycle; here they are the cluster's {@link dev.keel.scheduler.DomainPodCounts}, kept up to date on every bind
 * and deletion (one per distinct anti-affinity term of the bound pods, per affinity key, per anti-affinity term), so
 * PreFilter is O(terms). Filter then looks only at the node's own labels: O(labels + terms) per node instead of
 * O(pods). Symmetry matters because a pod with anti-affinity
 * against "web" would otherwise be joined by a "web" pod that has no rules of its own. A pod whose affinity matches
 * no pod anywhere may still land if it matches its own terms (the first pod of a group).
 *
 * <p>Score adds, per topology pair, +weight for each of the incoming pod's preferred affinity terms an existing pod
 * matches, -weight for anti-affinity, the same for existing pods' preferred terms selecting the incoming pod, and
 * {@code hardPodAffinityWeight} (default 1) for existing pods' required affinity terms; then min-max normalizes to
 * 0-100.
 */
public final class InterPodAffinity
        implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {

    public static final String NAME = "InterPodAffinity";
    public static final String REASON_AFFINITY = "node(s) didn't match pod affinity rules";
    public static final String REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
    public static final String REASON_EXISTING_ANTI_AFFINITY =
            "node(s) didn't satisfy existing pods anti-affinity rules";
    private static final String FILTER_KEY = NAME + "/filter";
    // Filter's rejections, made once with the plugin's name so that a rejected node costs no allocation.
    private static final Status AFFINITY_UNMATCHED =
            Status.unresolvable(REASON_AFFINITY).withPlugin(NAME);
    private static final Status ANTI_AFFINITY_MATCHED =
            Status.unschedulable(REASON_ANTI_AFFINITY).withPlugin(NAME);
    private static final Status EXISTING_ANTI_AFFINITY_MATCHED =
            Status.unschedulable(REASON_EXISTING_ANTI_AFFINITY).withPlugin(NAME);
    private static final String SCORE_KEY = NAME + "/score";

    private final int hardPodAffinityWeight;

    public InterPodAffinity(int hardPodAffinityWeight) {
        if (hardPodAffinityWeight < 0 || hardPodAffinityWeight > 100) {
            throw new IllegalArgumentException(
                    "hardPodAffinityWeight (" + hardPodAffinityWeight + ") must be between 0 and 100");
        }
        this.hardPodAffinityWeight = hardPodAffinityWeight;
    }

    public InterPodAffinity() {
        this(1);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Upstream's hints: a bound pod helps if it matches one of this pod's required affinity terms; a deleted pod
     * helps if it matched one of its anti-affinity terms, or its own anti-affinity selected this pod (symmetry); a
     * new node may bring a topology domain; an updated node helps only if its labels changed.
     */
    @Override
    public QueueingHint isSchedulableAfter(ClusterEvent event, Pod pod) {
        return switch (event) {
            case ClusterEvent.PodAdded added ->
                QueueingHint.queueIf(anyMatches(pod.podAffinity().required(), added.pod(), pod.namespace()));
            case ClusterEvent.PodDeleted deleted ->
                QueueingHint.queueIf(anyMatches(pod.podAntiAffinity().required(), deleted.pod(), pod.namespace())
                        || anyMatches(
                                deleted.pod().podAntiAffinity().required(),
                                pod,
                                deleted.pod().namespace()));
            case ClusterEvent.NodeAdded added -> QueueingHint.QUEUE;
            case ClusterEvent.NodeUpdated updated ->
                QueueingHint.queueIf(
                        !updated.old().labels().equals(updated.updated().labels()));
            case ClusterEvent.NodeDeleted removed -> QueueingHint.SKIP;
        };
    }

    private static boolean anyMatches(List<PodAffinityTerm> terms, Pod pod, String ownerNamespace) {
        for (PodAffinityTerm term : terms) {
            if (term.matches(pod, ownerNamespace)) {
                return true;
            }
        }
        return false;
    }

    /**
     * PreFilter's three counts (live from the cluster; each made the state's own before preemption changes it):
     * existing pods whose required anti-affinity selects this pod, pods matching all of its affinity terms, pods
     * matching each of its anti-affinity terms.
     */
    static final class FilterState implements CycleState.StateCopy {
        private AffinityCounts existingAnti;
        private AffinityCounts affinity;
        private AffinityCounts anti;

        FilterState(AffinityCounts existingAnti, AffinityCounts affinity, AffinityCounts anti) {
            this.existingAnti = existingAnti;
            this.affinity = affinity;
            this.anti = anti;
        }

        AffinityCounts existingAnti() {
            return existingAnti;
        }

        AffinityCounts affinity() {
            return affinity;
        }

        AffinityCounts anti() {
            return anti;
        }

        AffinityCounts.Counted ownExistingAnti() {
            AffinityCounts.Counted own = existingAnti.own();
            existingAnti = own;
            return own;
        }

        AffinityCounts.Counted ownAffinity() {
            AffinityCounts.Counted own = affinity.own();
            affinity = own;
            return own;
        }

        AffinityCounts.Counted ownAnti() {
            AffinityCounts.Counted own = anti.own();
            anti = own;
            return own;
        }

        @Override
        public FilterState copy() {
            return new FilterState(existingAnti.copy(), affinity.copy(), anti.copy());
        }
    }

    private static boolean matchesAll(List<PodAffinityTerm> terms, Pod candidate, String ownerNamespace) {
        for (PodAffinityTerm term : terms) {
            if (!term.matches(candidate, ownerNamespace)) {
                return false;
            }
        }
        return true;
    }

    private static void count(AffinityCounts.Counted counts, NodeInfo node, String key, long delta) {
        String value = node.node().labels().get(key);
        if (value != null) {
            counts.add(key, value, delta);
        }
    }

    /**
     * Reads the three counts from the cluster's incrementally kept counts: one per distinct required
     * anti-affinity term of the bound pods that selects this pod, one per topology key of this pod's affinity terms
     * (pods matching all of them), one per anti-affinity term. Upstream walks every pod of every node here; the
     * counts are the same, kept up to date by each bind and deletion instead.
     */
    @Override
    public Status preFilter(CycleState state, Pod pod, Cluster cluster) {
        List<PodAffinityTerm> affinityTerms = pod.podAffinity().required();
        List<PodAffinityTerm> antiTerms = pod.podAntiAffinity().required();
        boolean incoming = !affinityTerms.isEmpty() || !antiTerms.isEmpty();
        if (!incoming && !cluster.hasPodsWithRequiredAntiAffinity()) {
            return Status.skip();
        }
        AffinityCounts.Live existingAnti = new AffinityCounts.Live();
        for (Cluster.AntiAffinityTerm owned : cluster.requiredAntiAffinityTerms()) {
            if (owned.term().matches(pod, owned.ownerNamespace())) {
                existingAnti.add(
                        cluster,
                        new AffinityCounts.CarryingAntiAffinity(owned.term(), owned.ownerNamespace()),
                        owned.term().topologyKey());
            }
        }
        if (!incoming && existingAnti.isEmpty()) {
            return Status.skip();
        }
        AffinityCounts.Live affinity = new AffinityCounts.Live();
        if (!affinityTerms.isEmpty()) {
            AffinityCounts.SelectedByAll matcher = new AffinityCounts.SelectedByAll(affinityTerms, pod.namespace());
            for (PodAffinityTerm term : affinityTerms) {
                affinity.add(cluster, matcher, term.topologyKey());
            }
        }
        AffinityCounts.Live anti = new AffinityCounts.Live();
        for (PodAffinityTerm term : antiTerms) {
            anti.add(cluster, new AffinityCounts.SelectedByTerm(term, pod.namespace()), term.topologyKey());
        }
        state.write(FILTER_KEY, new FilterState(existingAnti, affinity, anti));
        return Status.success();
    }

    private static void countExistingAnti(FilterState filterState, Pod pod, Pod existing, NodeInfo node, long delta) {
        for (PodAffinityTerm term : existing.podAntiAffinity().required()) {
            if (term.matches(pod, existing.namespace())) {
                count(filterState.ownExistingAnti(), node, term.topologyKey(), delta);
            }
        }
    }

    private static void countIncoming(FilterState filterState, Pod pod, Pod existing, NodeInfo node, long delta) {
        List<PodAffinityTerm> affinityTerms = pod.podAffinity().required();
        if (!affinityTerms.isEmpty() && matchesAll(affinityTerms, existing, pod.namespace())) {
            for (PodAffinityTerm term : affinityTerms) {
                count(filterState.ownAffinity(), node, term.topologyKey(), delta);
            }
        }
        for (PodAffinityTerm term : pod.podAntiAffinity().required()) {
            if (term.matches(existing, pod.namespace())) {
                count(filterState.ownAnti(), node, term.topologyKey(), delta);
            }
        }
    }

    @Override
    public void addPod(CycleState state, Pod pod, Pod added, NodeInfo node) {
        FilterState filterState = state.read(FILTER_KEY, FilterState.class);
        if (filterState != null) {
            countExistingAnti(filterState, pod, added, node, 1);
            countIncoming(filterState, pod, added, node, 1);
        }
    }

    @Override
    public void removePod(CycleState state, Pod pod, Pod removed, NodeInfo node) {
        FilterState filterState = state.read(FILTER_KEY, FilterState.class);
        if (filterState != null) {
            countExistingAnti(filterState, pod, removed, node, -1);
            countIncoming(filterState, pod, removed, node, -1);
        }
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo node) {
        FilterState filterState = state.read(FILTER_KEY, FilterState.class);
        if (filterState == null) {
            return Status.success();
        }
        if (!pod.podAffinity().required().isEmpty() && !satisfiesAffinity(filterState, pod, node)) {
            return AFFINITY_UNMATCHED;
        }
        for (PodAffinityTerm term : pod.podAntiAffinity().required()) {
            if (filterState.anti().count(term.topologyKey(), node) > 0) {
                return ANTI_AFFINITY_MATCHED;
            }
        }
        if (filterState.existingAnti().anyPositive(node)) {
            return EXISTING_ANTI_AFFINITY_MATCHED;
        }
        return Status.success();
    }

    private static boolean satisfiesAffinity(FilterState filterState, Pod pod, NodeInfo node) {
        boolean podsExist = true;
        List<PodAffinityTerm> terms = pod.podAffinity().required();
        Map<String, String> labels = node.node().labels();
        for (PodAffinityTerm term : terms) {
            if (!labels.containsKey(term.topologyKey())) {
                return false;
            }
            if (filterState.affinity().count(term.topologyKey(), node) <= 0) {
                podsExist = false;
            }
        }
        if (!podsExist) {
            return filterState.affinity().isEmpty() && matchesAll(terms, pod, pod.namespace());
        }
        return true;
    }

    @Override
    public Status preScore(CycleState state, Pod pod, List<NodeInfo> feasibleNodes, Cluster cluster) {
        boolean hasPreferred = !pod.podAffinity().preferred().isEmpty()
                || !pod.podAntiAffinity().preferred().isEmpty();
        if (!hasPreferred && !cluster.hasPodsWithAffinityScoringTerms()) {
            // No term on either side can score: upstream walks the nodes with affinity pods, finds no topology
            // score and skips; this knows it without the walk.
            return Status.skip();
        }
        List<NodeInfo> nodes = hasPreferred ? cluster.nodes() : cluster.nodesWithPodAffinity();
        if (nodes.isEmpty()) {
            return Status.skip();
        }
        Map<String, Map<String, Long>> scores = new HashMap<>();
        for (NodeInfo node : nodes) {
            if (node.node().labels().isEmpty()) {
                continue;
            }
            for (Pod existing : hasPreferred ? node.pods() : node.podsWithAffinity()) {
                processExisting(scores, pod, existing, node);
            }
        }
        if (scores.isEmpty()) {
            return Status.skip(); // upstream: no node had a topology score (index == -1)
        }
        state.write(SCORE_KEY, scores);
        return Status.success();
    }

    private void processExisting(Map<String, Map<String, Long>> scores, Pod pod, Pod existing, NodeInfo node) {
        for (PodAffinityTerm.Weighted weighted : pod.podAffinity().preferred()) {
            add(scores, weighted.term(), weighted.weight(), existing, pod.namespace(), node);
        }
        for (PodAffinityTerm.Weighted weighted : pod.podAntiAffinity().preferred()) {
            add(scores, weighted.term(), -weighted.weight(), existing, pod.namespace(), node);
        }
        if (hardPodAffinityWeight > 0) {
            for (PodAffinityTerm term : existing.podAffinity().required()) {
                add(scores, term, hardPodAffinityWeight, pod, existing.namespace(), node);
            }
        }
        for (PodAffinityTerm.Weighted weighted : existing.podAffinity().preferred()) {
            add(scores, weighted.term(), weighted.weight(), pod, existing.namespace(), node);
        }
        for (PodAffinityTerm.Weighted weighted : existing.podAntiAffinity().preferred()) {
            add(scores, weighted.term(), -weighted.weight(), pod, existing.namespace(), node);
        }
    }

    private static void add(
            Map<String, Map<String, Long>> scores,
            PodAffinityTerm term,
            long weight,
            Pod candidate,
            String ownerNamespace,
            NodeInfo node) {
        if (!term.matches(candidate, ownerNamespace)) {
            return;
        }
        String value = node.node().labels().get(term.topologyKey());
        if (value != null) {
            scores.computeIfAbsent(term.topologyKey(), k -> new HashMap<>()).merge(value, weight, Long::sum);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public long score(CycleState state, Pod pod, NodeInfo node) {
        Map<String, Map<String, Long>> scores = state.read(SCORE_KEY, Map.class);
        if (scores == null) {
            return 0;
        }
        long score = 0;
        for (Map.Entry<String, Map<String, Long>> byKey : scores.entrySet()) {
            String value = node.node().labels().get(byKey.getKey());
            if (value != null) {
                score += byKey.getValue().getOrDefault(value, 0L);
            }
        }
        return score;
    }

    @Override
    public boolean normalizes() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void normalize(CycleState state, Pod pod, List<NodeInfo> nodes, long[] scores) {
        Map<String, Map<String, Long>> topologyScores = state.read(SCORE_KEY, Map.class);
        if (topologyScores == null || topologyScores.isEmpty()) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long score : scores) {
            min = Math.min(min, score);
            max = Math.max(max, score);
        }
        long spread = max - min;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = spread > 0 ? (long) (MAX_NODE_SCORE * ((double) (scores[i] - min) / spread)) : 0;
        }
    }
}
