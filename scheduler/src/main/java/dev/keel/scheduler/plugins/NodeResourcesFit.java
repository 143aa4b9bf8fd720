package dev.keel.scheduler.plugins;

import dev.keel.scheduler.Cluster;
import dev.keel.scheduler.ClusterEvent;
import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.EnqueueExtensions;
import dev.keel.scheduler.FilterPlugin;
import dev.keel.scheduler.InsufficientResource;
import dev.keel.scheduler.Node;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PodRequests;
import dev.keel.scheduler.PreFilterPlugin;
import dev.keel.scheduler.PreScorePlugin;
import dev.keel.scheduler.QueueingHint;
import dev.keel.scheduler.Resources;
import dev.keel.scheduler.ScorePlugin;
import dev.keel.scheduler.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * NodeResourcesFit: Filter on free resources, Score by a {@link ScoringStrategy}. Immutable.
 *
 * <h2>How it is designed, and why</h2>
 *
 * <p>Filter follows upstream's {@code fitsRequest} exactly, reason by reason, because the reasons are the
 * {@code FailedScheduling} message users read: "Too many pods" first (even for a pod that requests nothing), then
 * each of cpu, memory, ephemeral-storage and extended resources (in name order) whose request exceeds
 * {@code allocatable - requested}. A shortfall is unresolvable (preemption cannot help) when the request exceeds the
 * node's whole allocatable. The pod's request is the effective one of {@link PodRequests#of}, computed once in
 * PreFilter.
 *
 * <p>Score uses integer arithmetic as upstream does, so that scores match to the unit: LeastAllocated
 * {@code (alloc - req) * 100 / alloc}, MostAllocated {@code min(req, alloc) * 100 / alloc}, then the weighted mean
 * with integer division; RequestedToCapacityRatio a broken line over {@code req * 100 / alloc}, mean rounded.
 */
public final class NodeResourcesFit
        implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {

    public static final String NAME = "NodeResourcesFit";
    private static final String REQUEST_KEY = NAME + "/request";
    private static final String SCORE_KEY = NAME + "/score";

    private final ScoringStrategy strategy;
    private final Set<String> ignoredResources;
    private final Set<String> ignoredResourceGroups;

    /**
     * @param ignoredResources extended resources Filter does not check ({@code ignoredResources})
     * @param ignoredResourceGroups prefixes before the {@code /} of extended resources Filter does not check
     *     ({@code ignoredResourceGroups}: {@code example.com} ignores {@code example.com/gpu})
     */
    public NodeResourcesFit(ScoringStrategy strategy, Set<String> ignoredResources, Set<String> ignoredResourceGroups) {
        this.strategy = strategy;
        this.ignoredResources = Set.copyOf(ignoredResources);
        this.ignoredResourceGroups = Set.copyOf(ignoredResourceGroups);
    }

    public NodeResourcesFit(ScoringStrategy strategy, Set<String> ignoredResources) {
        this(strategy, ignoredResources, Set.of());
    }

    private boolean ignored(String resource) {
        if (ignoredResources.contains(resource)) {
            return true;
        }
        int slash = resource.indexOf('/');
        return slash > 0 && ignoredResourceGroups.contains(resource.substring(0, slash));
    }

    /** LeastAllocated over cpu and memory, weight 1 each: the default. */
    public NodeResourcesFit() {
        this(new ScoringStrategy.LeastAllocated(ScoringStrategy.DEFAULT_RESOURCES), Set.of());
    }

    public ScoringStrategy strategy() {
        return strategy;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status preFilter(CycleState state, Pod pod, Cluster cluster) {
        state.write(REQUEST_KEY, PodRequests.of(pod));
        return Status.success();
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo node) {
        Resources request = state.read(REQUEST_KEY, Resources.class);
        if (request == null) {
            request = PodRequests.of(pod);
        }
        if (fitsQuickly(request, node)) {
            return Status.success();
        }
        List<InsufficientResource> shortfalls = new ArrayList<>(2);
        List<String> reasons = new ArrayList<>(2);
        boolean unresolvable = false;
        int pods = node.pods().size();
        if (pods + 1 > node.node().maxPods()) {
            shortfalls.add(new InsufficientResource("pods", 1, pods, node.node().maxPods()));
            reasons.add("Too many pods");
        }
        if (!request.isZero()) {
            Resources alloc = node.node().allocatable();
            Resources used = node.requested();
            unresolvable |= check("cpu", request.milliCpu(), used.milliCpu(), alloc.milliCpu(), shortfalls, reasons);
            unresolvable |= check(
                    "memory", request.memoryBytes(), used.memoryBytes(), alloc.memoryBytes(), shortfalls, reasons);
            unresolvable |= check(
                    "ephemeral-storage",
                    request.ephemeralStorageBytes(),
                    used.ephemeralStorageBytes(),
                    alloc.ephemeralStorageBytes(),
                    shortfalls,
                    reasons);
            for (var extended : request.extended().entrySet()) {
                if (ignored(extended.getKey())) {
                    continue;
                }
                unresolvable |= check(
                        extended.getKey(),
                        extended.getValue(),
                        used.extended(extended.getKey()),
                        alloc.extended(extended.getKey()),
                        shortfalls,
                        reasons);
            }
        }
        if (reasons.isEmpty()) {
            return Status.success();
        }
        String[] texts = reasons.toArray(String[]::new);
        Status status = unresolvable ? Status.unresolvable(texts) : Status.unschedulable(texts);
        return status.withInsufficient(shortfalls);
    }

    /**
     * Upstream's hints: any assigned pod deleted frees a pod slot and its requests; a node added helps if the pod
     * would fit on it empty; an updated node helps if the pod would fit on it empty and it grew in something the pod
     * asks for (a shrinking or unrelated update cannot undo an "Insufficient" verdict).
     */
    @Override
    public QueueingHint isSchedulableAfter(ClusterEvent event, Pod pod) {
        return switch (event) {
            case ClusterEvent.PodDeleted deleted -> QueueingHint.QUEUE;
            case ClusterEvent.NodeAdded added -> QueueingHint.queueIf(fitsEmpty(pod, added.node()));
            case ClusterEvent.NodeUpdated updated ->
                QueueingHint.queueIf(fitsEmpty(pod, updated.updated()) && grew(pod, updated.old(), updated.updated()));
            default -> QueueingHint.SKIP;
        };
    }

    private boolean fitsEmpty(Pod pod, Node node) {
        return fitsQuickly(PodRequests.of(pod), new NodeInfo(node));
    }

    private static boolean grew(Pod pod, Node old, Node updated) {
        Resources request = PodRequests.of(pod);
        Resources before = old.allocatable();
        Resources after = updated.allocatable();
        if (updated.maxPods() > old.maxPods()
                || request.milliCpu() > 0 && after.milliCpu() > before.milliCpu()
                || request.memoryBytes() > 0 && after.memoryBytes() > before.memoryBytes()
                || request.ephemeralStorageBytes() > 0
                        && after.ephemeralStorageBytes() > before.ephemeralStorageBytes()) {
            return true;
        }
        for (String resource : request.extended().keySet()) {
            if (after.extended(resource) > before.extended(resource)) {
                return true;
            }
        }
        return false;
    }

    /** The common case without allocating: the pod fits on every count. */
    private boolean fitsQuickly(Resources request, NodeInfo node) {
        if (!node.hasRoomFor(request.milliCpu(), request.memoryBytes(), request.ephemeralStorageBytes())) {
            return false;
        }
        if (request.extended().isEmpty()) {
            return true;
        }
        Resources alloc = node.node().allocatable();
        Resources used = node.requested();
        for (var extended : request.extended().entrySet()) {
            if (!ignored(extended.getKey())
                    && extended.getValue() > alloc.extended(extended.getKey()) - used.extended(extended.getKey())) {
                return false;
            }
        }
        return true;
    }

    /** Adds a shortfall if {@code request} does not fit; returns whether it could never fit. */
    private static boolean check(
            String resource,
            long request,
            long used,
            long allocatable,
            List<InsufficientResource> shortfalls,
            List<String> reasons) {
        if (request > 0 && request > allocatable - used) {
            shortfalls.add(new InsufficientResource(resource, request, used, allocatable));
            reasons.add("Insufficient " + resource);
            return request > allocatable;
        }
        return false;
    }

    @Override
    public Status preScore(CycleState state, Pod pod, List<NodeInfo> feasibleNodes, Cluster cluster) {
        state.write(
                SCORE_KEY,
                ResourceAllocation.Scratch.of(ResourceAllocation.podRequests(pod, strategy.resources(), false)));
        return Status.success();
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo node) {
        return score(ResourceAllocation.Scratch.of(state, SCORE_KEY, pod, strategy.resources(), false), node);
    }

    @Override
    public void scoreAll(CycleState state, Pod pod, List<NodeInfo> nodes, long[] scores) {
        ResourceAllocation.Scratch scratch =
                ResourceAllocation.Scratch.of(state, SCORE_KEY, pod, strategy.resources(), false);
        ResourceAllocation.scoreAll(scratch, nodes, scores, this::score);
    }

    private long score(ResourceAllocation.Scratch scratch, NodeInfo node) {
        long[] allocatable = scratch.allocatable();
        long[] requested = scratch.requested();
        ResourceAllocation.fill(node, strategy.resources(), scratch.podRequests(), false, allocatable, requested);
        return switch (strategy) {
            case ScoringStrategy.LeastAllocated least -> weightedMean(least.resources(), allocatable, requested, true);
            case ScoringStrategy.MostAllocated most -> weightedMean(most.resources(), allocatable, requested, false);
            case ScoringStrategy.RequestedToCapacityRatio ratio -> ratioScore(ratio, allocatable, requested);
        };
    }

    private static long weightedMean(
            List<ResourceSpec> resources, long[] allocatable, long[] requested, boolean least) {
        long nodeScore = 0;
        long weightSum = 0;
        for (int i = 0; i < allocatable.length; i++) {
            if (allocatable[i] == 0) {
                continue;
            }
            long weight = resources.get(i).weight();
            long score =
                    least ? leastRequested(requested[i], allocatable[i]) : mostRequested(requested[i], allocatable[i]);
            nodeScore += score * weight;
            weightSum += weight;
        }
        return weightSum == 0 ? 0 : nodeScore / weightSum;
    }

    static long leastRequested(long requested, long capacity) {
        if (capacity == 0 || requested > capacity) {
            return 0;
        }
        return (capacity - requested) * MAX_NODE_SCORE / capacity;
    }

    static long mostRequested(long requested, long capacity) {
        if (capacity == 0) {
            return 0;
        }
        return Math.min(requested, capacity) * MAX_NODE_SCORE / capacity;
    }

    private static long ratioScore(
            ScoringStrategy.RequestedToCapacityRatio ratio, long[] allocatable, long[] requested) {
        long nodeScore = 0;
        long weightSum = 0;
        for (int i = 0; i < allocatable.length; i++) {
            if (allocatable[i] == 0) {
                continue;
            }
            long utilization = requested[i] > allocatable[i] ? 100 : requested[i] * 100 / allocatable[i];
            long score = brokenLine(ratio.shape(), utilization);
            if (score > 0) {
                long weight = ratio.resources().get(i).weight();
                nodeScore += score * weight;
                weightSum += weight;
            }
        }
        return weightSum == 0 ? 0 : Math.round((double) nodeScore / weightSum);
    }

    /** Upstream's {@code BuildBrokenLinearFunction} over the shape scaled to 0-100. */
    static long brokenLine(List<ScoringStrategy.ShapePoint> shape, long utilization) {
        long scale = MAX_NODE_SCORE / 10;
        for (int i = 0; i < shape.size(); i++) {
            ScoringStrategy.ShapePoint point = shape.get(i);
            if (utilization <= point.utilization()) {
                if (i == 0) {
                    return point.score() * scale;
                }
                ScoringStrategy.ShapePoint previous = shape.get(i - 1);
                long from = previous.score() * scale;
                long to = point.score() * scale;
                return from
                        + (to - from)
                                * (utilization - previous.utilization())
                                / (point.utilization() - previous.utilization());
            }
        }
        return shape.getLast().score() * scale;
    }
}
