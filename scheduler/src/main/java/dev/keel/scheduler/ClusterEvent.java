package dev.keel.scheduler;

/**
 * A change to the cluster that may let a pending pod fit, with the objects before and after, as upstream's
 * {@code ClusterEvent} with the old and new objects that QueueingHint functions receive. Pod events are about
 * pods assigned to a node (bound, or assumed while waiting at Permit). Immutable.
 */
public sealed interface ClusterEvent {

    /** A node joined the cluster. */
    record NodeAdded(Node node) implements ClusterEvent {}

    /** A node was replaced by a new version of itself (labels, taints, cordon, allocatable). */
    record NodeUpdated(Node old, Node updated) implements ClusterEvent {}

    /** A node left the cluster (its pods leave with it, each as a {@link PodDeleted}). */
    record NodeDeleted(Node node) implements ClusterEvent {}

    /** A pod was bound to (or assumed on) a node. */
    record PodAdded(Pod pod) implements ClusterEvent {}

    /** A pod left its node: deleted, preempted, or forgotten after a failed binding. */
    record PodDeleted(Pod pod) implements ClusterEvent {}
}
