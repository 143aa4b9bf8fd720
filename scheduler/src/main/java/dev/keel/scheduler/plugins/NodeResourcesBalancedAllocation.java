package dev.keel.scheduler.plugins;

import dev.keel.scheduler.Cluster;
import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PreScorePlugin;
import dev.keel.scheduler.ScorePlugin;
import dev.keel.scheduler.Status;
import java.util.List;

/**
 * Score: favour nodes whose resources would be used in balance, {@code (1 - std(fractions)) * 100} truncated, where
 * each fraction is {@code requested / allocatable} capped at 1 (for two resources the deviation is
 * {@code |f1 - f2| / 2}). Uses the real requests, not the non-zero defaults, and skips best-effort pods (upstream
 * issue 129138: scoring them piles them onto one node). Immutable.
 */
public final class NodeResourcesBalancedAllocation implements PreScorePlugin, ScorePlugin {

    public static final String NAME = "NodeResourcesBalancedAllocation";
    private static final String KEY = NAME + "/request";

    private final List<ResourceSpec> resources;

    public NodeResourcesBalancedAllocation(List<ResourceSpec> resources) {
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("NodeResourcesBalancedAllocation needs at least one resource");
        }
        this.resources = List.copyOf(resources);
    }

    public NodeResourcesBalancedAllocation() {
        this(ScoringStrategy.DEFAULT_RESOURCES);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status preScore(CycleState state, Pod pod, List<NodeInfo> feasibleNodes, Cluster cluster) {
        long[] requests = ResourceAllocation.podRequests(pod, resources, true);
        boolean bestEffort = true;
        for (long request : requests) {
            bestEffort &= request == 0;
        }
        if (bestEffort) {
            return Status.skip();
        }
        state.write(KEY, ResourceAllocation.Scratch.of(requests));
        return Status.success();
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo node) {
        return score(ResourceAllocation.Scratch.of(state, KEY, pod, resources, true), node);
    }

    @Override
    public void scoreAll(CycleState state, Pod pod, List<NodeInfo> nodes, long[] scores) {
        ResourceAllocation.scoreAll(
                ResourceAllocation.Scratch.of(state, KEY, pod, resources, true), nodes, scores, this::score);
    }

    private long score(ResourceAllocation.Scratch scratch, NodeInfo node) {
        ResourceAllocation.fill(
                node, resources, scratch.podRequests(), true, scratch.allocatable(), scratch.requested());
        return balanced(scratch.allocatable(), scratch.requested(), scratch.fractions());
    }

    static long balanced(long[] allocatable, long[] requested) {
        return balanced(allocatable, requested, new double[allocatable.length]);
    }

    private static long balanced(long[] allocatable, long[] requested, double[] fractions) {
        int count = 0;
        double total = 0;
        for (int i = 0; i < allocatable.length; i++) {
            if (allocatable[i] == 0) {
                continue;
            }
            double fraction = Math.min(1.0, (double) requested[i] / (double) allocatable[i]);
            fractions[count++] = fraction;
            total += fraction;
        }
        double std = 0;
        if (count == 2) {
            std = Math.abs((fractions[0] - fractions[1]) / 2);
        } else if (count > 2) {
            double mean = total / count;
            double sum = 0;
            for (int i = 0; i < count; i++) {
                sum += (fractions[i] - mean) * (fractions[i] - mean);
            }
            std = Math.sqrt(sum / count);
        }
        return (long) ((1 - std) * MAX_NODE_SCORE);
    }
}
