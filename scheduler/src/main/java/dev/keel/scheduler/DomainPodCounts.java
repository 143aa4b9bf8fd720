package dev.keel.scheduler;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ObjIntConsumer;

/**
 * How many bound pods a {@link PodMatcher} selects in each domain of one topology key ({@code zone-a -> 3}), kept up
 * to date by the {@link Cluster} as pods are assumed, bound and deleted, so that a PreFilter reads the counts instead
 * of walking every pod of the cluster.
 *
 * <h2>How it is designed, and why</h2>
 *
 * <p>kube-scheduler's PodTopologySpread and InterPodAffinity PreFilters count the matching pods of every node in
 * every cycle: O(nodes + pods), parallelized over 16 goroutines. A scheduler_perf workload asks the same question
 * (the same selector, the same key) for every pod, so the answer changes only by the pod bound in between. The
 * cluster therefore keeps, per distinct {@code (matcher, key)} asked for, a map of domain value to count, built by
 * one scan when first asked and then moved by each pod that comes or goes: O(matchers) per bind, O(1) per read.
 * Only domains with a non-zero count are kept; a histogram of counts gives the smallest non-zero count in
 * O(log distinct counts), which is what the spread skew needs.
 *
 * <p>Not thread-safe: owned by the {@link Cluster} and read under the scheduler's lock. A view is current until the
 * cluster next changes; a plugin that needs what-if counts (preemption) copies them first.
 */
public final class DomainPodCounts {

    private final Map<String, long[]> counts = new HashMap<>();
    private final TreeMap<Long, int[]> histogram = new TreeMap<>();
    private long total;

    DomainPodCounts() {}

    /** The matching pods in the domain {@code value}; 0 for a domain with none (or no such domain). */
    public long count(String value) {
        long[] cell = counts.get(value);
        return cell == null ? 0 : cell[0];
    }

    /** The matching pods in all domains together. */
    public long total() {
        return total;
    }

    /** How many domains hold at least one matching pod. */
    public int nonZeroDomains() {
        return counts.size();
    }

    /** The smallest non-zero count, or 0 when no domain holds a matching pod. */
    public long minNonZero() {
        return histogram.isEmpty() ? 0 : histogram.firstKey();
    }

    /** Every domain with a non-zero count, in no particular order. */
    public void forEach(ObjIntConsumer<String> action) {
        counts.forEach((value, cell) -> action.accept(value, Math.toIntExact(cell[0])));
    }

    void add(String value, long delta) {
        if (delta == 0) {
            return;
        }
        long[] cell = counts.get(value);
        long before = cell == null ? 0 : cell[0];
        long after = before + delta;
        if (after < 0) {
            throw new IllegalStateException("domain " + value + " would hold " + after + " matching pods");
        }
        if (before > 0) {
            int[] domains = histogram.get(before);
            if (--domains[0] == 0) {
                histogram.remove(before);
            }
        }
        if (after > 0) {
            histogram.computeIfAbsent(after, c -> new int[1])[0]++;
        }
        if (after == 0) {
            counts.remove(value);
        } else if (cell == null) {
            counts.put(value, new long[] {after});
        } else {
            cell[0] = after;
        }
        total += delta;
    }
}
