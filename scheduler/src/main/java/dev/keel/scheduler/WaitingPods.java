package dev.keel.scheduler;

import java.util.List;
import java.util.Optional;

/**
 * The pods held at Permit (upstream's {@code IterateOverWaitingPods} and {@code GetWaitingPod}). Thread-safe: a view
 * read under the scheduler's lock.
 */
public interface WaitingPods {

    Optional<WaitingPod> get(String uid);

    /** Every waiting pod, in the order they started waiting. */
    List<WaitingPod> all();
}
