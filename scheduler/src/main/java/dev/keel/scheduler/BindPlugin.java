package dev.keel.scheduler;

/**
 * Bind: record the pod on the node. Binders run in order until one does not {@link Status#skip()}; on success the
 * scheduler commits the binding to its cluster state.
 */
public interface BindPlugin extends Plugin {

    Status bind(CycleState state, Pod pod, String nodeName);
}
