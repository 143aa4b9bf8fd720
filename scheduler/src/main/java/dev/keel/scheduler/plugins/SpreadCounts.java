package dev.keel.scheduler.plugins;

import dev.keel.scheduler.DomainPodCounts;
import dev.keel.scheduler.LabelSelector;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PodMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PodTopologySpread's counts for one cycle, per DoNotSchedule constraint by its index (upstream's
 * {@code TpValueToMatchNum}): the matching pods in each eligible domain, how many domains there are, and the
 * smallest count. Two forms: {@link Live} reads the cluster's incrementally kept {@link DomainPodCounts} (O(1) per
 * read, nothing copied), {@link Counted} holds its own maps (built by a scan when the inclusion policies make the
 * eligible nodes pod-specific, or copied from a live one for preemption's what-if changes). Not thread-safe.
 */
abstract sealed class SpreadCounts permits SpreadCounts.Live, SpreadCounts.Counted {

    /** The matching pods in the domain {@code value} of constraint {@code constraint}; 0 when it has none. */
    abstract long count(int constraint, String value);

    /** How many eligible domains constraint {@code constraint}'s key has. */
    abstract int domains(int constraint);

    /** The smallest count over the constraint's eligible domains (0 if one is empty, or there are none). */
    abstract long min(int constraint);

    /** Counts of one's own, for what-if changes. */
    abstract Counted copy();

    /** These counts if they are already one's own, else a copy. */
    Counted own() {
        return this instanceof Counted counted ? counted : copy();
    }

    /** Pods in {@code namespace} that {@code selector} selects: the key of the cluster's kept counts. */
    record Selecting(LabelSelector selector, String namespace) implements PodMatcher {
        @Override
        public int weight(Pod pod) {
            return pod.namespace().equals(namespace) && selector.matches(pod.labels()) ? 1 : 0;
        }
    }

    /** The cluster's counts, when every node carrying the keys is eligible: domains are all the key's values. */
    static final class Live extends SpreadCounts {
        private final DomainPodCounts[] counts;
        private final List<Set<String>> domains;

        Live(DomainPodCounts[] counts, List<Set<String>> domains) {
            this.counts = counts;
            this.domains = domains;
        }

        @Override
        long count(int constraint, String value) {
            return counts[constraint].count(value);
        }

        @Override
        int domains(int constraint) {
            return domains.get(constraint).size();
        }

        @Override
        long min(int constraint) {
            DomainPodCounts counted = counts[constraint];
            return counted.nonZeroDomains() < domains(constraint) ? 0 : counted.minNonZero();
        }

        @Override
        Counted copy() {
            Counted copy = new Counted(counts.length);
            for (int i = 0; i < counts.length; i++) {
                int constraint = i;
                domains.get(i).forEach(value -> copy.add(constraint, value, 0));
                counts[i].forEach((value, count) -> copy.add(constraint, value, count));
            }
            return copy;
        }
    }

    /** Counts of its own; a domain is registered (even with 0) by {@link #add}. */
    static final class Counted extends SpreadCounts {
        private final List<Map<String, long[]>> counts;
        private final long[] minimums;
        private final boolean[] minimumKnown;

        Counted(int constraints) {
            counts = new ArrayList<>(constraints);
            for (int i = 0; i < constraints; i++) {
                counts.add(new HashMap<>());
            }
            minimums = new long[constraints];
            minimumKnown = new boolean[constraints];
        }

        /** Registers the domain (even with no pods), then adds {@code delta}. */
        void add(int constraint, String value, long delta) {
            counts.get(constraint).computeIfAbsent(value, v -> new long[1])[0] += delta;
            minimumKnown[constraint] = false;
        }

        /** Adds {@code delta} only where the domain is already known. */
        void addIfKnown(int constraint, String value, long delta) {
            long[] cell = counts.get(constraint).get(value);
            if (cell != null) {
                cell[0] += delta;
                minimumKnown[constraint] = false;
            }
        }

        @Override
        long count(int constraint, String value) {
            long[] cell = counts.get(constraint).get(value);
            return cell == null ? 0 : cell[0];
        }

        @Override
        int domains(int constraint) {
            return counts.get(constraint).size();
        }

        @Override
        long min(int constraint) {
            if (!minimumKnown[constraint]) {
                Map<String, long[]> values = counts.get(constraint);
                long min = values.isEmpty() ? 0 : Long.MAX_VALUE;
                for (long[] cell : values.values()) {
                    min = Math.min(min, cell[0]);
                }
                minimums[constraint] = min;
                minimumKnown[constraint] = true;
            }
            return minimums[constraint];
        }

        @Override
        Counted copy() {
            Counted copy = new Counted(counts.size());
            for (int i = 0; i < counts.size(); i++) {
                int constraint = i;
                counts.get(i).forEach((value, cell) -> copy.add(constraint, value, cell[0]));
            }
            return copy;
        }
    }
}
