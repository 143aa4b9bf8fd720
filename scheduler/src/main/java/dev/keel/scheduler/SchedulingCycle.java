package dev.keel.scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One profile's scheduling cycle for one pod: PreFilter, Filter over a sample of nodes, PostFilter when nothing fits,
 * PreScore, Score, NormalizeScore and the weighted sum, then the choice of host.
 *
 * <h2>How it is designed, and why</h2>
 *
 * <p>It follows kube-scheduler's {@code schedulePod}. Filtering stops once {@link #feasibleNodesToFind} nodes pass,
 * starting where the previous cycle stopped, so that in a large cluster each pod looks at a rotating slice of nodes
 * rather than always the first ones: {@code percentageOfNodesToScore} of the nodes (adaptive by default,
 * {@code 50 - nodes/125} percent, at least 5 percent and at least 100 nodes). Sampling is safe because every node
 * that is scored has passed every Filter: it trades the best node for a good one, never a wrong one. When no node
 * passes, every node has been evaluated, which is what the FailedScheduling histogram and preemption need. A single
 * feasible node is chosen without scoring, as upstream does. Ties are broken uniformly at random (reservoir
 * sampling) with the injected generator.
 *
 * <p>Not thread-safe: {@link KubernetesScheduler} runs cycles one at a time under its lock.
 */
final class SchedulingCycle implements FrameworkHandle {

    static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
    static final int MIN_FEASIBLE_NODES_PERCENTAGE = 5;

    /** What the cycle decided before binding. */
    sealed interface Decision {
        Diagnosis diagnosis();
    }

    record Suggested(String node, CycleState state, Diagnosis diagnosis) implements Decision {}

    record Failed(String message, String legacyMessage, Diagnosis diagnosis) implements Decision {}

    record Preempted(String node, List<Pod> victims, String message, String legacyMessage, Diagnosis diagnosis)
            implements Decision {}

    private final Profile profile;
    private final Cluster cluster;
    private final Nominations nominations;
    private final RandomGenerator random;
    private final boolean explain;
    private final List<PreFilterPlugin> preFilters;
    private final List<FilterPlugin> filters;
    private final List<PostFilterPlugin> postFilters;
    private final List<PreScorePlugin> preScores;
    private final List<ScorePlugin> scorers;
    private final int[] weights;
    private final List<ReservePlugin> reservePlugins;
    private final List<PermitPlugin> permitPlugins;
    private final List<BindPlugin> bindPlugins;
    // For each Filter (Score) plugin, the index of the PreFilter (PreScore) plugin of the same name, or -1: a
    // plugin whose PreFilter (PreScore) skips is skipped at Filter (Score) too.
    private final int[] filterPreFilter;
    private final int[] scorerPreScore;
    private int nextStartNodeIndex;
    // The plugins left after the last cycle's PreFilter skips, rebuilt only when the skipped set changes (a
    // workload's pods nearly always skip the same ones).
    private boolean[] lastSkippedPreFilters;
    private FilterPlugin[] activeFilters = new FilterPlugin[0];
    private PreFilterPlugin[] activePreFilters = new PreFilterPlugin[0];

    SchedulingCycle(
            Profile profile, Cluster cluster, Nominations nominations, RandomGenerator random, boolean explain) {
        this.profile = profile;
        this.cluster = cluster;
        this.nominations = nominations;
        this.random = random;
        this.explain = explain;
        this.preFilters = profile.of(PreFilterPlugin.class);
        this.filters = profile.of(FilterPlugin.class);
        this.postFilters = profile.of(PostFilterPlugin.class);
        this.preScores = profile.of(PreScorePlugin.class);
        this.scorers = profile.of(ScorePlugin.class);
        this.weights = scorers.stream().mapToInt(s -> profile.weight(s.name())).toArray();
        this.reservePlugins = profile.of(ReservePlugin.class);
        this.permitPlugins = profile.of(PermitPlugin.class);
        this.bindPlugins = profile.of(BindPlugin.class);
        this.filterPreFilter = indexByName(filters, preFilters);
        this.scorerPreScore = indexByName(scorers, preScores);
        this.lastSkippedPreFilters = null;
    }

    /** For each plugin of {@code plugins}, the index of the plugin of the same name in {@code others}, or -1. */
    private static int[] indexByName(List<? extends Plugin> plugins, List<? extends Plugin> others) {
        int[] index = new int[plugins.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = -1;
            for (int j = 0; j < others.size(); j++) {
                if (others.get(j).name().equals(plugins.get(i).name())) {
                    index[i] = j;
                    break;
                }
            }
        }
        return index;
    }

    /** kube-scheduler's {@code numFeasibleNodesToFind}. */
    static int feasibleNodesToFind(int percentageOfNodesToScore, int allNodes) {
        if (allNodes < MIN_FEASIBLE_NODES_TO_FIND) {
            return allNodes;
        }
        int percentage = percentageOfNodesToScore;
        if (percentage == 0) {
            percentage = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE, 50 - allNodes / 125);
        }
        int count = (int) ((long) allNodes * percentage / 100);
        return Math.max(MIN_FEASIBLE_NODES_TO_FIND, count);
    }

    Decision schedule(Pod pod, String nominatedNode) {
        CycleState state = new CycleState();
        int total = cluster.size();
        if (total == 0) {
            String message = "0/0 nodes are available: no nodes available to schedule pods.";
            return new Failed(message, message, diagnosis(RejectedNodes.NONE, List.of(), Map.of(), Map.of(), 0));
        }
        boolean[] skipped = new boolean[preFilters.size()];
        for (int p = 0; p < skipped.length; p++) {
            PreFilterPlugin plugin = preFilters.get(p);
            Status status = plugin.preFilter(state, pod, cluster).withPlugin(plugin.name());
            if (status.isSkip()) {
                skipped[p] = true;
            } else if (!status.isSuccess()) {
                // As upstream, whose cycle state then has no skip set: PostFilter's what-ifs run every plugin, not
                // the ones an earlier pod's skips left active.
                activate(new boolean[skipped.length]);
                RejectedNodes.Builder everyNode = new RejectedNodes.Builder();
                for (NodeInfo node : cluster.nodes()) {
                    everyNode.add(node.name(), status);
                }
                return fail(state, pod, everyNode.build(), String.join(", ", status.reasons()), total, List.of());
            }
        }
        activate(skipped);
        int toFind = feasibleNodesToFind(profile.percentageOfNodesToScore(), total);
        List<NodeInfo> feasible = new ArrayList<>(Math.min(toFind, total));
        RejectedNodes.Builder rejecting = new RejectedNodes.Builder();
        int evaluated = 0;
        NodeInfo nominated = nominatedNode.isEmpty() ? null : cluster.node(nominatedNode);
        if (nominated != null && runFilters(state, pod, nominated).isSuccess()) {
            feasible.add(nominated);
            evaluated = 1;
        } else {
            List<NodeInfo> nodes = cluster.nodes();
            int start = nextStartNodeIndex % total;
            for (int i = 0; i < total && feasible.size() < toFind; i++) {
                NodeInfo node = nodes.get((start + i) % total);
                evaluated++;
                Status status = runFilters(state, pod, node);
                if (status.isSuccess()) {
                    feasible.add(node);
                } else {
                    rejecting.add(node.name(), status);
                }
            }
            nextStartNodeIndex = (start + evaluated) % total;
        }
        Map<String, Status> rejected = rejecting.build();
        if (feasible.isEmpty()) {
            return fail(state, pod, ordered(rejected), "", total, List.of());
        }
        List<String> feasibleNames = new FeasibleNodeNames(feasible); // the Diagnosis keeps it without a copy
        if (feasible.size() == 1) {
            return new Suggested(
                    feasible.getFirst().name(),
                    state,
                    diagnosis(ordered(rejected), feasibleNames, Map.of(), Map.of(), evaluated));
        }
        return score(state, pod, feasible, ordered(rejected), feasibleNames, evaluated);
    }

    /** Makes the plugins that did not skip PreFilter the cycle's active ones (kept from the last cycle if equal). */
    private void activate(boolean[] skipped) {
        if (Arrays.equals(skipped, lastSkippedPreFilters)) {
            return;
        }
        List<FilterPlugin> activeFilterList = new ArrayList<>(filters.size());
        for (int f = 0; f < filters.size(); f++) {
            if (filterPreFilter[f] < 0 || !skipped[filterPreFilter[f]]) {
                activeFilterList.add(filters.get(f));
            }
        }
        List<PreFilterPlugin> activePreFilterList = new ArrayList<>(preFilters.size());
        for (int p = 0; p < preFilters.size(); p++) {
            if (!skipped[p]) {
                activePreFilterList.add(preFilters.get(p));
            }
        }
        activeFilters = activeFilterList.toArray(FilterPlugin[]::new);
        activePreFilters = activePreFilterList.toArray(PreFilterPlugin[]::new);
        lastSkippedPreFilters = skipped;
    }

    /** Rejected nodes in node order (the filter loop starts mid-list); only worth it when someone reads them. */
    private Map<String, Status> ordered(Map<String, Status> rejected) {
        if (rejected.size() <= 1 || !explain) {
            return rejected;
        }
        Map<String, Status> inNodeOrder = new LinkedHashMap<>();
        for (NodeInfo node : cluster.nodes()) {
            Status status = rejected.get(node.name());
            if (status != null) {
                inNodeOrder.put(node.name(), status);
            }
        }
        return inNodeOrder;
    }

    private Decision score(
            CycleState state,
            Pod pod,
            List<NodeInfo> feasible,
            Map<String, Status> rejected,
            List<String> feasibleNames,
            int evaluated) {
        boolean[] skipped = new boolean[preScores.size()];
        for (int p = 0; p < skipped.length; p++) {
            PreScorePlugin plugin = preScores.get(p);
            Status status = plugin.preScore(state, pod, feasible, cluster);
            if (status.isSkip()) {
                skipped[p] = true;
            } else if (!status.isSuccess()) {
                String message = "running PreScore plugin " + plugin.name() + ": " + status.reasons();
                return new Failed(message, message, diagnosis(rejected, feasibleNames, Map.of(), Map.of(), evaluated));
            }
        }
        int n = feasible.size();
        long[] totals = new long[n];
        Map<String, Diagnosis.PluginScores> explained = new LinkedHashMap<>();
        long[] scores = new long[n]; // one plugin's at a time: added into the totals before the next overwrites it
        for (int p = 0; p < scorers.size(); p++) {
            ScorePlugin plugin = scorers.get(p);
            if (scorerPreScore[p] >= 0 && skipped[scorerPreScore[p]]) {
                continue;
            }
            plugin.scoreAll(state, pod, feasible, scores);
            long[] raw = explain ? scores.clone() : scores;
            if (plugin.normalizes()) {
                plugin.normalize(state, pod, feasible, scores);
            }
            for (int i = 0; i < n; i++) {
                if (scores[i] < 0 || scores[i] > ScorePlugin.MAX_NODE_SCORE) {
                    String message = "plugin " + plugin.name() + " returned score " + scores[i] + " for node "
                            + feasible.get(i).name() + " (expected: 0-100)";
                    return new Failed(
                            message, message, diagnosis(rejected, feasibleNames, Map.of(), Map.of(), evaluated));
                }
                totals[i] += scores[i] * weights[p];
            }
            if (explain) {
                Map<String, Long> before = new LinkedHashMap<>();
                Map<String, Long> after = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    before.put(feasible.get(i).name(), raw[i]);
                    after.put(feasible.get(i).name(), scores[i]);
                }
                explained.put(
                        plugin.name(), new Diagnosis.PluginScores(before, after, plugin.normalizes(), weights[p]));
            }
        }
        Map<String, Long> totalByNode = new LinkedHashMap<>();
        if (explain) {
            for (int i = 0; i < n; i++) {
                totalByNode.put(feasible.get(i).name(), totals[i]);
            }
        }
        String host = selectHost(feasible, totals);
        return new Suggested(host, state, diagnosis(rejected, feasibleNames, explained, totalByNode, evaluated));
    }

    /** The highest total; among equals, each is chosen with equal probability (reservoir sampling). */
    private String selectHost(List<NodeInfo> feasible, long[] totals) {
        int best = 0;
        int ties = 1;
        for (int i = 1; i < totals.length; i++) {
            if (totals[i] > totals[best]) {
                best = i;
                ties = 1;
            } else if (totals[i] == totals[best]) {
                ties++;
                if (random.nextInt(ties) == 0) {
                    best = i;
                }
            }
        }
        return feasible.get(best).name();
    }

    private Decision fail(
            CycleState state,
            Pod pod,
            Map<String, Status> rejected,
            String preFilterMessage,
            int total,
            List<String> feasible) {
        String postFilterMessage = "";
        for (PostFilterPlugin plugin : postFilters) {
            PostFilterPlugin.PostFilterResult result = plugin.postFilter(state, pod, rejected, this);
            if (result.nominated()) {
                String message = FailureMessage.of(total, rejected, preFilterMessage, "", false);
                String legacy = FailureMessage.of(total, rejected, preFilterMessage, "", true);
                return new Preempted(
                        result.nominatedNode(),
                        result.victims(),
                        message,
                        legacy,
                        diagnosis(rejected, feasible, Map.of(), Map.of(), total));
            }
            if (!result.status().reasons().isEmpty()) {
                postFilterMessage = String.join(", ", result.status().reasons());
            }
        }
        return new Failed(
                FailureMessage.of(total, rejected, preFilterMessage, postFilterMessage, false),
                FailureMessage.of(total, rejected, preFilterMessage, postFilterMessage, true),
                diagnosis(rejected, feasible, Map.of(), Map.of(), total));
    }

    private static Diagnosis diagnosis(
            Map<String, Status> rejected,
            List<String> feasible,
            Map<String, Diagnosis.PluginScores> scores,
            Map<String, Long> totals,
            int evaluated) {
        return new Diagnosis(rejected, feasible, scores, totals, evaluated);
    }

    /** The PostFilter plugin that preempts (the first), or "" if none: the name on a waiting victim's rejection. */
    String preemptorName() {
        return postFilters.isEmpty() ? "" : postFilters.getFirst().name();
    }

    /** Reserve on the chosen node, plugin by plugin; the first failure (after Unreserve of all), or null. */
    @org.jspecify.annotations.Nullable
    Status reserve(CycleState state, Pod pod, String node) {
        for (ReservePlugin plugin : reservePlugins) {
            Status status = plugin.reserve(state, pod, node);
            if (!status.isSuccess()) {
                unreserve(state, pod, node);
                return status.withPlugin(plugin.name());
            }
        }
        return null;
    }

    /** Upstream's {@code RunReservePluginsUnreserve}: every Reserve plugin's Unreserve, in reverse order. */
    void unreserve(CycleState state, Pod pod, String node) {
        for (int i = reservePlugins.size() - 1; i >= 0; i--) {
            reservePlugins.get(i).unreserve(state, pod, node);
        }
    }

    /** What the Permit plugins said together: a rejection, or the plugins that asked to wait and for how long. */
    record PermitRun(@org.jspecify.annotations.Nullable Status rejection, Map<String, Long> waitNanosByPlugin) {
        boolean allowed() {
            return rejection == null && waitNanosByPlugin.isEmpty();
        }
    }

    /**
     * Upstream's {@code RunPermitPlugins}: every plugin in order; the first rejection ends the run, and the pod
     * waits only if no plugin rejected it, for each waiting plugin's own timeout.
     */
    PermitRun permit(CycleState state, Pod pod, String node, WaitingPods waitingPods) {
        Map<String, Long> waits = new LinkedHashMap<>();
        for (PermitPlugin plugin : permitPlugins) {
            switch (plugin.permit(state, pod, node, waitingPods)) {
                case PermitVerdict.Allow allow -> {}
                case PermitVerdict.Reject reject -> {
                    return new PermitRun(reject.status().withPlugin(plugin.name()), Map.of());
                }
                case PermitVerdict.Wait wait ->
                    waits.put(plugin.name(), wait.timeout().toNanos());
            }
        }
        return new PermitRun(null, waits);
    }

    /** The first Bind plugin that does not skip; its failure, or null once bound. */
    @org.jspecify.annotations.Nullable
    Status bind(CycleState state, Pod pod, String node) {
        for (BindPlugin plugin : bindPlugins) {
            Status status = plugin.bind(state, pod, node);
            if (!status.isSkip()) {
                return status.isSuccess() ? null : status.withPlugin(plugin.name());
            }
        }
        return Status.error("no Bind plugin bound the pod").withPlugin("Bind");
    }

    @Override
    public Cluster cluster() {
        return cluster;
    }

    /**
     * Upstream's {@code RunFilterPluginsWithNominatedPods}: pods nominated to this node by preemption, of at least
     * this pod's priority, hold their room while their victims go, so the filters run once with them on a copy of
     * the node (which catches resources and anti-affinity) and once without (which catches affinity to them).
     */
    @Override
    public Status runFilters(CycleState state, Pod pod, NodeInfo node) {
        if (nominations.isEmpty()) {
            return runFilterPlugins(state, pod, node);
        }
        List<Pod> nominated = nominations.on(node.name());
        if (nominated.isEmpty()) {
            return runFilterPlugins(state, pod, node);
        }
        NodeInfo withNominated = null;
        CycleState stateWithNominated = null;
        for (Pod other : nominated) {
            if (other.uid().equals(pod.uid()) || other.priority() < pod.priority()) {
                continue;
            }
            if (withNominated == null) {
                withNominated = node.copy();
                stateWithNominated = state.copy();
            }
            Pod assumed = other.toBuilder().nodeName(node.name()).build();
            withNominated.addPod(assumed);
            addPod(stateWithNominated, pod, assumed, withNominated);
        }
        if (withNominated == null) {
            return runFilterPlugins(state, pod, node);
        }
        Status with = runFilterPlugins(stateWithNominated, pod, withNominated);
        return with.isSuccess() ? runFilterPlugins(state, pod, node) : with;
    }

    private Status runFilterPlugins(CycleState state, Pod pod, NodeInfo node) {
        for (FilterPlugin plugin : activeFilters) {
            Status status = plugin.filter(state, pod, node);
            if (!status.isSuccess()) {
                return status.withPlugin(plugin.name());
            }
        }
        return Status.success();
    }

    @Override
    public void addPod(CycleState state, Pod pod, Pod added, NodeInfo node) {
        for (PreFilterPlugin plugin : activePreFilters) {
            plugin.addPod(state, pod, added, node);
        }
    }

    @Override
    public void removePod(CycleState state, Pod pod, Pod removed, NodeInfo node) {
        for (PreFilterPlugin plugin : activePreFilters) {
            plugin.removePod(state, pod, removed, node);
        }
    }
}
