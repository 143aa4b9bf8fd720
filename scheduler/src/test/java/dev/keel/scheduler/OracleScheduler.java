package dev.keel.scheduler;

import dev.keel.scheduler.plugins.DefaultPreemption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exhaustive reference scheduler for property tests: no sampling, no rotating start, no incremental state. For
 * every question it rebuilds the cluster from the node and pod lists, runs every Filter on every node with a fresh
 * cycle state, scores every feasible node, and returns every node with the best total. Only for pods whose
 * preemption cannot find victims (all priorities equal), whose message it derives directly.
 */
final class OracleScheduler {

    /** The oracle's answer: the best nodes (empty when none fits), the feasible nodes, and the failure message. */
    record Answer(Set<String> best, Set<String> feasible, String message) {}

    private final Profile profile;

    OracleScheduler(Profile profile) {
        this.profile = profile;
    }

    Answer evaluate(List<Node> nodes, List<Pod> bound, Pod pod) {
        Cluster cluster = Cluster.of(nodes, bound);
        CycleState state = new CycleState();
        Set<String> skipped = new HashSet<>();
        Map<String, Status> statuses = new LinkedHashMap<>();
        String preFilterMessage = "";
        for (PreFilterPlugin plugin : profile.of(PreFilterPlugin.class)) {
            Status status = plugin.preFilter(state, pod, cluster);
            if (status.isSkip()) {
                skipped.add(plugin.name());
            } else if (!status.isSuccess()) {
                preFilterMessage = String.join(", ", status.reasons());
                for (NodeInfo node : cluster.nodes()) {
                    statuses.put(node.name(), status);
                }
            }
        }
        List<NodeInfo> feasible = new ArrayList<>();
        if (preFilterMessage.isEmpty()) {
            for (NodeInfo node : cluster.nodes()) {
                Status verdict = Status.success();
                for (FilterPlugin plugin : profile.of(FilterPlugin.class)) {
                    if (skipped.contains(plugin.name())) {
                        continue;
                    }
                    Status status = plugin.filter(state, pod, node);
                    if (!status.isSuccess()) {
                        verdict = status;
                        break;
                    }
                }
                if (verdict.isSuccess()) {
                    feasible.add(node);
                } else {
                    statuses.put(node.name(), verdict);
                }
            }
        }
        Set<String> feasibleNames = new HashSet<>();
        feasible.forEach(node -> feasibleNames.add(node.name()));
        if (feasible.isEmpty()) {
            return new Answer(Set.of(), Set.of(), failure(cluster.size(), statuses, preFilterMessage, pod));
        }
        if (feasible.size() == 1) {
            return new Answer(feasibleNames, feasibleNames, "");
        }
        return new Answer(best(state, pod, feasible, cluster), feasibleNames, "");
    }

    private Set<String> best(CycleState state, Pod pod, List<NodeInfo> feasible, Cluster cluster) {
        Set<String> skipped = new HashSet<>();
        for (PreScorePlugin plugin : profile.of(PreScorePlugin.class)) {
            if (plugin.preScore(state, pod, feasible, cluster).isSkip()) {
                skipped.add(plugin.name());
            }
        }
        long[] totals = new long[feasible.size()];
        for (ScorePlugin plugin : profile.of(ScorePlugin.class)) {
            if (skipped.contains(plugin.name())) {
                continue;
            }
            long[] scores = new long[feasible.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = plugin.score(state, pod, feasible.get(i));
            }
            if (plugin.normalizes()) {
                plugin.normalize(state, pod, feasible, scores);
            }
            for (int i = 0; i < scores.length; i++) {
                totals[i] += scores[i] * profile.weight(plugin.name());
            }
        }
        long max = Long.MIN_VALUE;
        for (long total : totals) {
            max = Math.max(max, total);
        }
        Set<String> best = new HashSet<>();
        for (int i = 0; i < totals.length; i++) {
            if (totals[i] == max) {
                best.add(feasible.get(i).name());
            }
        }
        return best;
    }

    /** With equal priorities, preemption finds no victims where it might help and is not helpful elsewhere. */
    private static String failure(int total, Map<String, Status> statuses, String preFilterMessage, Pod pod) {
        String preemption;
        if (pod.preemptionNever()) {
            preemption = "preemption: " + DefaultPreemption.NEVER;
        } else {
            Map<String, Status> preemptionStatuses = new LinkedHashMap<>();
            statuses.forEach((node, status) -> preemptionStatuses.put(
                    node,
                    status.code() == Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE
                            ? Status.unresolvable(DefaultPreemption.NOT_HELPFUL)
                            : Status.unresolvable(DefaultPreemption.NO_VICTIMS)));
            preemption = "preemption: " + FailureMessage.fitError(total, preemptionStatuses, false);
        }
        return FailureMessage.of(total, statuses, preFilterMessage, preemption, false);
    }
}
