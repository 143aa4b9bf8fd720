package dev.keel.scheduler;

/** Orders the active queue (QueueSort): exactly one per profile. */
public interface QueueSortPlugin extends Plugin {

    /** Negative when {@code a} should be scheduled before {@code b}. */
    int compare(QueuedPod a, QueuedPod b);
}
