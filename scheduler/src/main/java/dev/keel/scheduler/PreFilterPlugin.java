package dev.keel.scheduler;

/**
 * PreFilter: once per cycle, before any node is filtered, to compute state for Filter or reject the pod outright.
 * The two extensions keep that state right when preemption simulates removing or adding pods.
 */
public interface PreFilterPlugin extends Plugin {

    /** {@link Status#skip()} means this plugin's Filter is not needed for the pod. */
    Status preFilter(CycleState state, Pod pod, Cluster cluster);

    /** {@code added} will be on {@code node} in a what-if evaluation. */
    default void addPod(CycleState state, Pod pod, Pod added, NodeInfo node) {}

    /** {@code removed} is taken off {@code node} in a what-if evaluation. */
    default void removePod(CycleState state, Pod pod, Pod removed, NodeInfo node) {}
}
