package dev.keel.scheduler;

/** A plugin's answer to "may this event make the pod you rejected schedulable?": upstream's QueueingHint. */
public enum QueueingHint {
    /** It may: move the pod to backoff or active. */
    QUEUE,
    /** It cannot: leave the pod where it waits. */
    SKIP;

    public static QueueingHint queueIf(boolean mayHelp) {
        return mayHelp ? QUEUE : SKIP;
    }
}
