package dev.keel.bench.scheduler;

import dev.keel.scheduler.Cluster;
import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.FilterPlugin;
import dev.keel.scheduler.Node;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PreFilterPlugin;
import dev.keel.scheduler.PreScorePlugin;
import dev.keel.scheduler.Profile;
import dev.keel.scheduler.ScorePlugin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The yardstick: the same plugins with nothing kept between pods. For every pod it rebuilds the cluster from the
 * node and pod lists, filters every node (no sampling) and scores every feasible node, then binds to the first best
 * node. What keel's scheduler saves over this is its incremental state (node sums, the queue) and node sampling.
 * Not thread-safe.
 */
final class ExhaustiveScheduler {

    private final Profile profile;
    private final List<Node> nodes;
    private final List<Pod> bound = new ArrayList<>();

    ExhaustiveScheduler(Profile profile, List<Node> nodes) {
        this.profile = profile;
        this.nodes = List.copyOf(nodes);
    }

    /** Schedules {@code pod}; returns the node, or empty when none fits. */
    Optional<String> schedule(Pod pod) {
        Cluster cluster = Cluster.of(nodes, bound);
        CycleState state = new CycleState();
        Set<String> skipped = new HashSet<>();
        for (PreFilterPlugin plugin : profile.of(PreFilterPlugin.class)) {
            var status = plugin.preFilter(state, pod, cluster);
            if (status.isSkip()) {
                skipped.add(plugin.name());
            } else if (!status.isSuccess()) {
                return Optional.empty();
            }
        }
        List<NodeInfo> feasible = new ArrayList<>();
        for (NodeInfo node : cluster.nodes()) {
            boolean fits = true;
            for (FilterPlugin plugin : profile.of(FilterPlugin.class)) {
                if (!skipped.contains(plugin.name())
                        && !plugin.filter(state, pod, node).isSuccess()) {
                    fits = false;
                    break;
                }
            }
            if (fits) {
                feasible.add(node);
            }
        }
        if (feasible.isEmpty()) {
            return Optional.empty();
        }
        Set<String> skippedScores = new HashSet<>();
        for (PreScorePlugin plugin : profile.of(PreScorePlugin.class)) {
            if (plugin.preScore(state, pod, feasible, cluster).isSkip()) {
                skippedScores.add(plugin.name());
            }
        }
        long[] totals = new long[feasible.size()];
        for (ScorePlugin plugin : profile.of(ScorePlugin.class)) {
            if (skippedScores.contains(plugin.name())) {
                continue;
            }
            long[] scores = new long[feasible.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = plugin.score(state, pod, feasible.get(i));
            }
            if (plugin.normalizes()) {
                plugin.normalize(state, pod, feasible, scores);
            }
            int weight = profile.weight(plugin.name());
            for (int i = 0; i < scores.length; i++) {
                totals[i] += scores[i] * weight;
            }
        }
        int best = 0;
        for (int i = 1; i < totals.length; i++) {
            if (totals[i] > totals[best]) {
                best = i;
            }
        }
        String node = feasible.get(best).name();
        bound.add(pod.toBuilder().nodeName(node).build());
        return Optional.of(node);
    }
}
