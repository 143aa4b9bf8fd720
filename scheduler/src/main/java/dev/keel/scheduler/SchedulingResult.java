package dev.keel.scheduler;

import java.util.List;

/** What one scheduling attempt did with a pod. Immutable. */
public sealed interface SchedulingResult {

    Pod pod();

    Diagnosis diagnosis();

    /** Bound to {@code node}; {@code pod} is the bound pod. */
    record Scheduled(Pod pod, String node, Diagnosis diagnosis) implements SchedulingResult {}

    /** No node fits and preemption did not help; the pod waits in the queue for a cluster change. */
    record Unschedulable(Pod pod, String message, String legacyMessage, Diagnosis diagnosis)
            implements SchedulingResult {}

    /**
     * No node fit, so preemption evicted {@code victims} from {@code node} and nominated it; the pod is retried
     * after its backoff and tries that node first.
     */
    record Nominated(Pod pod, String node, List<Pod> victims, String message, String legacyMessage, Diagnosis diagnosis)
            implements SchedulingResult {
        public Nominated {
            victims = List.copyOf(victims);
        }
    }

    /**
     * Reserved on {@code node} and held at Permit until {@code pendingPlugins} allow it (it then binds, reported
     * as {@link Scheduled} when the scheduler settles its waiting pods), one rejects it, or a timeout passes.
     */
    record Waiting(Pod pod, String node, List<String> pendingPlugins, Diagnosis diagnosis) implements SchedulingResult {
        public Waiting {
            pendingPlugins = List.copyOf(pendingPlugins);
        }
    }
}
