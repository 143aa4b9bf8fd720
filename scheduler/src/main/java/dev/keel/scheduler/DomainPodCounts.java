package dev.keel.scheduler;

import java.util.Arrays;
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
 * cluster therefore keeps, per distinct {@code (matcher, key)} asked for, the count of each domain, built by one scan
 * when first asked and then moved by each pod that comes or goes: O(matchers) per bind, O(1) per read. The counts
 * are an array indexed by the cluster's interned domain ids ({@link TopologyDomains}), so a Filter asking for a
 * node's domain ({@link #count(NodeInfo)}) reads two arrays and hashes nothing. A histogram of the non-zero counts
 * gives the smallest one in O(log distinct counts), which is what the spread skew needs.
 *
 * <p>Not thread-safe: owned by the {@link Cluster} and read under the scheduler's lock. A view is current until the
 * cluster next changes; a plugin that needs what-if counts (preemption) copies them first.
 */
public final class DomainPodCounts {

    private final TopologyDomains domains;
    private final TopologyDomains.Key key;
    private long[] byDomain = new long[8];
    private final TreeMap<Long, int[]> histogram = new TreeMap<>();
    private int nonZeroDomains;
    private long total;

    DomainPodCounts(TopologyDomains domains, TopologyDomains.Key key) {
        this.domains = domains;
        this.key = key;
    }

    /** The matching pods in the domain {@code value}; 0 for a domain with none (or no such domain). */
    public long count(String value) {
        return countById(key.domainId(value));
    }

    /** The matching pods in {@code node}'s domain of this key; 0 when the node does not carry the key. */
    public long count(NodeInfo node) {
        int domainId = node.domainId(domains, key.id());
        if (domainId == NodeInfo.FOREIGN) {
            String value = node.node().labels().get(key.name());
            return value == null ? 0 : count(value);
        }
        return countById(domainId);
    }

    private long countById(int domainId) {
        return domainId < 0 || domainId >= byDomain.length ? 0 : byDomain[domainId];
    }

    /** The matching pods in all domains together. */
    public long total() {
        return total;
    }

    /** How many domains hold at least one matching pod. */
    public int nonZeroDomains() {
        return nonZeroDomains;
    }

    /** The smallest non-zero count, or 0 when no domain holds a matching pod. */
    public long minNonZero() {
        return histogram.isEmpty() ? 0 : histogram.firstKey();
    }

    /** Every domain with a non-zero count, in no particular order. */
    public void forEach(ObjIntConsumer<String> action) {
        for (int domainId = 0; domainId < byDomain.length; domainId++) {
            if (byDomain[domainId] != 0) {
                action.accept(key.value(domainId), Math.toIntExact(byDomain[domainId]));
            }
        }
    }

    /** Adds {@code delta} to the domain {@code value}, which some node must carry. */
    void add(String value, long delta) {
        int domainId = key.domainId(value);
        if (domainId < 0) {
            throw new IllegalArgumentException("no node has " + key.name() + "=" + value);
        }
        add(domainId, delta);
    }

    void add(int domainId, long delta) {
        if (delta == 0) {
            return;
        }
        if (domainId >= byDomain.length) {
            byDomain = Arrays.copyOf(byDomain, Math.max(domainId + 1, byDomain.length * 2));
        }
        long before = byDomain[domainId];
        long after = before + delta;
        if (after < 0) {
            throw new IllegalStateException(
                    "domain " + key.name() + "=" + key.value(domainId) + " would hold " + after + " matching pods");
        }
        if (before > 0) {
            int[] withCount = histogram.get(before);
            if (--withCount[0] == 0) {
                histogram.remove(before);
            }
            nonZeroDomains--;
        }
        if (after > 0) {
            histogram.computeIfAbsent(after, c -> new int[1])[0]++;
            nonZeroDomains++;
        }
        byDomain[domainId] = after;
        total += delta;
    }

    /** The key these counts are for. */
    TopologyDomains.Key key() {
        return key;
    }
}
