package dev.keel.scheduler;

/** Permit: the last word before binding; a rejection unreserves the pod and sends it back to the queue. */
public interface PermitPlugin extends Plugin {

    Status permit(CycleState state, Pod pod, String nodeName);
}
