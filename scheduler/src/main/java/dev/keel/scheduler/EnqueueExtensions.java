package dev.keel.scheduler;

/**
 * Upstream's {@code EnqueueExtensions} with its QueueingHint functions: a plugin that rejected a pod says which
 * cluster events may undo its rejection, so that an event requeues only the pods it could help. A pod rejected by
 * several plugins moves when any of them answers {@link QueueingHint#QUEUE}; a plugin that does not implement this
 * interface is asked nothing and its pods move on every event, so a hint may only ever save a retry, and a wrong
 * {@code SKIP} costs a wake-up (until the five-minute flush).
 */
public interface EnqueueExtensions extends Plugin {

    /** Whether {@code event} may make {@code pod}, which this plugin rejected, pass it now. */
    QueueingHint isSchedulableAfter(ClusterEvent event, Pod pod);
}
