package dev.keel.scheduler.plugins;

import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.FailureMessage;
import dev.keel.scheduler.FrameworkHandle;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PodDisruptionBudget;
import dev.keel.scheduler.PostFilterPlugin;
import dev.keel.scheduler.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostFilter: preemption. When no node fits, find the node where evicting the fewest, least important pods makes
 * room, and nominate it. Immutable.
 *
 * <h2>How it is designed, and why</h2>
 *
 * <p>As upstream's {@code DefaultPreemption}: a pod with {@code preemptionPolicy: Never} is not eligible. Nodes that
 * Filter rejected unresolvably are skipped ("Preemption is not helpful for scheduling"). On each other node, a copy
 * has every lower-priority pod removed (the PreFilter extensions keep spread and affinity counts right); if the pod
 * still does not fit, the node is out with that reason, or "No preemption victims found for incoming pod" when no
 * pod had lower priority. Otherwise the removed pods are given back one by one, most important first (higher
 * priority, then started earlier), and stay whenever the pod still fits: the victims are a minimal set, chosen
 * greedily by importance; victims a PodDisruptionBudget would rather keep are offered back first, so they are
 * evicted only when nothing else makes room. Among candidate nodes the winner has, in order: the fewest budget
 * violations, the lowest highest-victim priority, the lowest sum of victim priorities, the fewest victims, the latest
 * start among its highest-priority victims, then the first in node order.
 *
 * <p>Upstream stops after {@code max(minCandidateNodesAbsolute, nodes * minCandidateNodesPercentage / 100)}
 * candidates starting at a random offset; this plugin does the same from the first node, so runs are repeatable.
 */
public final class DefaultPreemption implements PostFilterPlugin {

    public static final String NAME = "DefaultPreemption";
    public static final String NOT_HELPFUL = "Preemption is not helpful for scheduling";
    public static final String NO_VICTIMS = "No preemption victims found for incoming pod";
    public static final String NEVER = "not eligible due to preemptionPolicy=Never.";

    private final int minCandidateNodesPercentage;
    private final int minCandidateNodesAbsolute;

    public DefaultPreemption(int minCandidateNodesPercentage, int minCandidateNodesAbsolute) {
        if (minCandidateNodesPercentage < 0 || minCandidateNodesPercentage > 100) {
            throw new IllegalArgumentException(
                    "minCandidateNodesPercentage (" + minCandidateNodesPercentage + ") must be between 0 and 100");
        }
        if (minCandidateNodesAbsolute < 0) {
            throw new IllegalArgumentException(
                    "minCandidateNodesAbsolute (" + minCandidateNodesAbsolute + ") must not be negative");
        }
        if (minCandidateNodesPercentage == 0 && minCandidateNodesAbsolute == 0) {
            throw new IllegalArgumentException(
                    "minCandidateNodesPercentage and minCandidateNodesAbsolute must not both be 0");
        }
        this.minCandidateNodesPercentage = minCandidateNodesPercentage;
        this.minCandidateNodesAbsolute = minCandidateNodesAbsolute;
    }

    public DefaultPreemption() {
        this(10, 100);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** A node where preemption works, its victims, and how many of them a PodDisruptionBudget would rather keep. */
    record Candidate(String node, List<Pod> victims, int pdbViolations) {}

    /** Higher priority first, then the pod that started earlier. */
    static final Comparator<Pod> MORE_IMPORTANT_FIRST =
            Comparator.comparingInt(Pod::priority).reversed().thenComparingLong(Pod::startedAtNanos);

    @Override
    public PostFilterResult postFilter(
            CycleState state, Pod pod, Map<String, Status> filterStatuses, FrameworkHandle handle) {
        if (pod.preemptionNever()) {
            return PostFilterResult.rejected(Status.unschedulable("preemption: " + NEVER));
        }
        List<NodeInfo> all = handle.cluster().nodes();
        Map<String, Status> statuses = new LinkedHashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        int wanted = Math.max(minCandidateNodesAbsolute, all.size() * minCandidateNodesPercentage / 100);
        for (NodeInfo node : all) {
            Status filtered = filterStatuses.get(node.name());
            if (filtered != null && filtered.code() == Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE) {
                statuses.put(node.name(), Status.unresolvable(NOT_HELPFUL));
                continue;
            }
            if (candidates.size() >= wanted) {
                continue;
            }
            Object outcome = selectVictims(state.copy(), pod, node.copy(), handle);
            switch (outcome) {
                case Candidate candidate -> candidates.add(candidate);
                case Status status -> statuses.put(node.name(), status);
                default -> throw new IllegalStateException("unexpected outcome " + outcome);
            }
        }
        if (candidates.isEmpty()) {
            String message = FailureMessage.fitError(all.size(), statuses, false);
            return PostFilterResult.rejected(Status.unschedulable("preemption: " + message));
        }
        Candidate best = pick(candidates);
        return new PostFilterResult(Status.success(), best.node(), best.victims());
    }

    /** A {@link Candidate}, or the {@link Status} saying why the node cannot be made to fit. */
    private static Object selectVictims(CycleState state, Pod pod, NodeInfo node, FrameworkHandle handle) {
        List<Pod> lower = new ArrayList<>();
        for (Pod existing : node.pods()) {
            if (existing.priority() < pod.priority()) {
                lower.add(existing);
            }
        }
        if (lower.isEmpty()) {
            return Status.unresolvable(NO_VICTIMS);
        }
        for (Pod victim : lower) {
            node.removePod(victim);
            handle.removePod(state, pod, victim, node);
        }
        Status fits = handle.runFilters(state, pod, node);
        if (!fits.isSuccess()) {
            return fits;
        }
        lower.sort(MORE_IMPORTANT_FIRST);
        List<Pod> violating = new ArrayList<>();
        List<Pod> nonViolating = new ArrayList<>();
        splitByBudgets(lower, handle.cluster().podDisruptionBudgets(), violating, nonViolating);
        List<Pod> victims = new ArrayList<>();
        int violations = 0;
        for (Pod maybe : violating) {
            if (!reprieve(state, pod, maybe, node, handle, victims)) {
                violations++;
            }
        }
        for (Pod maybe : nonViolating) {
            reprieve(state, pod, maybe, node, handle, victims);
        }
        victims.sort(MORE_IMPORTANT_FIRST);
        return new Candidate(node.name(), victims, violations);
    }

    /** Puts {@code maybe} back; if the pod no longer fits, takes it off again as a victim. Returns whether it stays. */
    private static boolean reprieve(
            CycleState state, Pod pod, Pod maybe, NodeInfo node, FrameworkHandle handle, List<Pod> victims) {
        node.addPod(maybe);
        handle.addPod(state, pod, maybe, node);
        if (handle.runFilters(state, pod, node).isSuccess()) {
            return true;
        }
        node.removePod(maybe);
        handle.removePod(state, pod, maybe, node);
        victims.add(maybe);
        return false;
    }

    /**
     * Upstream's {@code filterPodsWithPDBViolation}: walking the victims most important first, each budget covering
     * a pod spends one of its allowed disruptions; a pod that overdraws any budget would violate it.
     */
    static void splitByBudgets(
            List<Pod> pods, List<PodDisruptionBudget> budgets, List<Pod> violating, List<Pod> nonViolating) {
        int[] allowed = new int[budgets.size()];
        for (int i = 0; i < allowed.length; i++) {
            allowed[i] = budgets.get(i).disruptionsAllowed();
        }
        for (Pod pod : pods) {
            boolean violates = false;
            for (int i = 0; i < allowed.length; i++) {
                if (budgets.get(i).covers(pod)) {
                    allowed[i]--;
                    violates |= allowed[i] < 0;
                }
            }
            (violates ? violating : nonViolating).add(pod);
        }
    }

    static Candidate pick(List<Candidate> candidates) {
        Comparator<Candidate> order = Comparator.<Candidate>comparingInt(Candidate::pdbViolations)
                .thenComparingLong(c -> highestPriority(c.victims()))
                .thenComparingLong(c -> prioritySum(c.victims()))
                .thenComparingInt(c -> c.victims().size())
                .thenComparing(Comparator.<Candidate>comparingLong(c -> earliestStartOfHighest(c.victims()))
                        .reversed());
        Candidate best = candidates.getFirst();
        for (Candidate candidate : candidates) {
            if (candidate.victims().isEmpty()) {
                return candidate;
            }
            if (order.compare(candidate, best) < 0) {
                best = candidate;
            }
        }
        return best;
    }

    private static long highestPriority(List<Pod> victims) {
        return victims.stream().mapToLong(Pod::priority).max().orElse(Long.MIN_VALUE);
    }

    /** Upstream shifts each priority by MaxInt32 + 1 so that negative priorities do not reward more victims. */
    private static long prioritySum(List<Pod> victims) {
        long sum = 0;
        for (Pod victim : victims) {
            sum += (long) victim.priority() + Integer.MAX_VALUE + 1;
        }
        return sum;
    }

    private static long earliestStartOfHighest(List<Pod> victims) {
        long highest = highestPriority(victims);
        return victims.stream()
                .filter(v -> v.priority() == highest)
                .mapToLong(Pod::startedAtNanos)
                .min()
                .orElse(Long.MAX_VALUE);
    }
}
