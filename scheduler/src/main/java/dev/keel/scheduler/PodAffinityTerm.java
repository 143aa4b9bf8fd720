package dev.keel.scheduler;

import java.util.Set;

/**
 * A term of inter-pod affinity or anti-affinity: pods selected by {@code selector} in {@code namespaces} (empty: the
 * namespace of the pod that owns the term; {@code allNamespaces} for an empty {@code namespaceSelector}), counted by
 * the {@code topologyKey} domain of the node they run on. Immutable.
 */
public record PodAffinityTerm(
        LabelSelector selector, Set<String> namespaces, boolean allNamespaces, String topologyKey) {

    public PodAffinityTerm {
        namespaces = Set.copyOf(namespaces);
        if (topologyKey.isEmpty()) {
            throw new IllegalArgumentException("topologyKey must not be empty");
        }
    }

    public static PodAffinityTerm of(LabelSelector selector, String topologyKey) {
        return new PodAffinityTerm(selector, Set.of(), false, topologyKey);
    }

    /** Whether {@code pod} is selected by this term, which belongs to a pod in {@code ownerNamespace}. */
    public boolean matches(Pod pod, String ownerNamespace) {
        boolean namespaceMatches = allNamespaces
                || (namespaces.isEmpty()
                        ? pod.namespace().equals(ownerNamespace)
                        : namespaces.contains(pod.namespace()));
        return namespaceMatches && selector.matches(pod.labels());
    }

    /** A preferred term and its weight (1-100). */
    public record Weighted(int weight, PodAffinityTerm term) {
        public Weighted {
            if (weight < 1 || weight > 100) {
                throw new IllegalArgumentException("preferred pod affinity weight (" + weight + ") must be 1-100");
            }
        }
    }
}
