package dev.keel.scheduler.plugins;

import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PodRequests;
import dev.keel.scheduler.Resources;
import java.util.List;

/**
 * The shared arithmetic of the resource scorers (kube-scheduler's {@code resourceAllocationScorer}): for each
 * resource of a strategy, what the node can allocate and what would be requested with the pod on it.
 *
 * <p>Cpu and memory count the non-zero requests (100m / 200Mi for containers that leave them unset) unless
 * {@code useRequested} (BalancedAllocation); ephemeral storage and extended resources always count real requests,
 * and an extended resource the pod does not ask for is left out (0 allocatable).
 */
final class ResourceAllocation {

    private ResourceAllocation() {}

    /** The pod's request for each resource, in order. */
    static long[] podRequests(Pod pod, List<ResourceSpec> resources, boolean useRequested) {
        Resources request = useRequested ? PodRequests.of(pod) : PodRequests.nonZero(pod);
        long[] result = new long[resources.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = amount(request, resources.get(i).name());
        }
        return result;
    }

    /**
     * A cycle's pod requests with per-node working arrays the scorers refill for every node, so that scoring
     * thousands of nodes allocates nothing per node (the per-node arrays were a fifth of the allocation in the
     * SchedulingBasic profile). Confined to the one scheduling thread, like the {@link CycleState} that holds it.
     */
    record Scratch(long[] podRequests, long[] allocatable, long[] requested, double[] fractions) {
        static Scratch of(long[] podRequests) {
            int n = podRequests.length;
            return new Scratch(podRequests, new long[n], new long[n], new double[n]);
        }

        /** The one PreScore wrote under {@code key}, or a new one when PreScore did not run. */
        static Scratch of(CycleState state, String key, Pod pod, List<ResourceSpec> resources, boolean useRequested) {
            Scratch scratch = state.read(key, Scratch.class);
            return scratch != null ? scratch : of(ResourceAllocation.podRequests(pod, resources, useRequested));
        }
    }

    /** One resource scorer's score of one node, with the cycle's scratch arrays. */
    @FunctionalInterface
    interface NodeScore {
        long of(Scratch scratch, NodeInfo node);
    }

    /**
     * The resource scorers' {@code scoreAll}: every node scored with one scratch, read once per cycle. One loop for
     * both scorers, so its call of {@code score} sees at most two targets, which the JIT still inlines.
     */
    static void scoreAll(Scratch scratch, List<NodeInfo> nodes, long[] scores, NodeScore score) {
        for (int i = 0; i < nodes.size(); i++) {
            scores[i] = score.of(scratch, nodes.get(i));
        }
    }

    /**
     * Fills {@code allocatable} and {@code requested} for the node; a resource the node does not have stays 0 in
     * both, and the scorers skip it.
     */
    static void fill(
            NodeInfo node,
            List<ResourceSpec> resources,
            long[] podRequests,
            boolean useRequested,
            long[] allocatable,
            long[] requested) {
        for (int i = 0; i < podRequests.length; i++) {
            String name = resources.get(i).name();
            long podRequest = podRequests[i];
            long a;
            long r;
            // cpu, memory and ephemeral storage from the NodeInfo's own fields: one object touched per node.
            switch (name) {
                case "cpu" -> {
                    a = node.allocatableMilliCpu();
                    r = (useRequested ? node.requestedMilliCpu() : node.nonZeroMilliCpu()) + podRequest;
                }
                case "memory" -> {
                    a = node.allocatableMemoryBytes();
                    r = (useRequested ? node.requestedMemoryBytes() : node.nonZeroMemory()) + podRequest;
                }
                case "ephemeral-storage" -> {
                    a = node.allocatableEphemeralStorageBytes();
                    r = node.requestedEphemeralStorageBytes() + podRequest;
                }
                default -> {
                    Resources alloc = node.node().allocatable();
                    if (podRequest == 0 || !alloc.extended().containsKey(name)) {
                        a = 0;
                        r = 0;
                    } else {
                        a = alloc.extended(name);
                        r = node.requested().extended(name) + podRequest;
                    }
                }
            }
            allocatable[i] = a;
            requested[i] = a == 0 ? 0 : r;
        }
    }

    static long amount(Resources resources, String name) {
        return switch (name) {
            case "cpu" -> resources.milliCpu();
            case "memory" -> resources.memoryBytes();
            case "ephemeral-storage" -> resources.ephemeralStorageBytes();
            default -> resources.extended(name);
        };
    }
}
