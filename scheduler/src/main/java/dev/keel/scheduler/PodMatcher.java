package dev.keel.scheduler;

/**
 * Which bound pods a {@link DomainPodCounts} counts, and how many times each: a selector in a namespace, an affinity
 * term, a term a pod carries. Implementations must be immutable values with {@code equals} and {@code hashCode}
 * (records), because the {@link Cluster} keeps one set of counts per distinct matcher and topology key.
 */
@FunctionalInterface
public interface PodMatcher {

    /** How many times {@code pod} counts: 0 when it does not match, usually 1 when it does. */
    int weight(Pod pod);
}
