package dev.keel.scheduler;

/**
 * What the framework lends a PostFilter plugin to simulate: the cluster, and the profile's PreFilter extensions and
 * Filter plugins to re-run on a changed copy of a node.
 */
public interface FrameworkHandle {

    Cluster cluster();

    /** Runs every Filter plugin of the profile on {@code node}; the first rejection, or success. */
    Status runFilters(CycleState state, Pod pod, NodeInfo node);

    /** Tells the PreFilter extensions that {@code added} is now on {@code node} (a copy). */
    void addPod(CycleState state, Pod pod, Pod added, NodeInfo node);

    /** Tells the PreFilter extensions that {@code removed} is no longer on {@code node} (a copy). */
    void removePod(CycleState state, Pod pod, Pod removed, NodeInfo node);
}
