package dev.keel.scheduler;

/**
 * Permit: the last word before binding, on a pod already reserved on {@code nodeName}. A rejection unreserves the
 * pod and sends it back to the queue; a {@link PermitVerdict.Wait} holds it, still reserved, among the
 * {@code waitingPods} until every plugin that asked it to wait allows it (then it binds), one rejects it, or a
 * timeout passes. A plugin that gathers a group (gang scheduling) allows the waiting members through
 * {@code waitingPods} when the last one arrives.
 */
public interface PermitPlugin extends Plugin {

    PermitVerdict permit(CycleState state, Pod pod, String nodeName, WaitingPods waitingPods);
}
