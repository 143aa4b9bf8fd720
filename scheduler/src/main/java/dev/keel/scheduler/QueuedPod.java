package dev.keel.scheduler;

/**
 * A pending pod as the queue holds it: the pod, when it was (re)queued on the scheduler's clock, and how many
 * scheduling attempts it has had. Immutable.
 */
public record QueuedPod(Pod pod, long queuedAtNanos, int attempts) {}
