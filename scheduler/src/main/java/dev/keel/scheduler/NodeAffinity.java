package dev.keel.scheduler;

import java.util.List;

/**
 * A pod's node affinity: required terms (any one must match; an empty list means "no requirement") and weighted
 * preferred terms. Immutable.
 */
public record NodeAffinity(List<NodeSelectorTerm> required, List<Preferred> preferred) {

    /** A preferred term and its weight (1-100). */
    public record Preferred(int weight, NodeSelectorTerm term) {
        public Preferred {
            if (weight < 1 || weight > 100) {
                throw new IllegalArgumentException("preferred node affinity weight (" + weight + ") must be 1-100");
            }
        }
    }

    public static final NodeAffinity NONE = new NodeAffinity(List.of(), List.of());

    public NodeAffinity {
        required = List.copyOf(required);
        preferred = List.copyOf(preferred);
    }

    /** True when there are no required terms or one of them matches. */
    public boolean requiredMatches(Node node) {
        if (required.isEmpty()) {
            return true;
        }
        for (NodeSelectorTerm term : required) {
            if (term.matches(node)) {
                return true;
            }
        }
        return false;
    }
}
