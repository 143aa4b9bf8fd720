package dev.keel.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A pod held at Permit, reserved on its node: upstream's {@code WaitingPod}. Each plugin that answered
 * {@link PermitVerdict.Wait} is pending with its own deadline on the scheduler's clock; {@link #allow} by every
 * pending plugin lets the pod bind, one {@link #reject} (or a passed deadline) sends it back to the queue. The pod
 * keeps its room on the node while it waits, so later cycles see it there.
 *
 * <p>Thread-safe: every method takes the scheduler's lock; {@code allow} and {@code reject} only record the answer,
 * and the scheduler binds or requeues the pod the next time it settles waiting pods ({@code scheduleAll},
 * {@code settleWaitingPods}).
 */
public final class WaitingPod {

    private final ReentrantLock lock;
    private final QueuedPod queued;
    private final Pod pod;
    private final String nodeName;
    private final SchedulingCycle cycle;
    private final CycleState state;
    private final Diagnosis diagnosis;
    // @GuardedBy("lock"): plugin name -> deadline (ticker nanoseconds)
    private final Map<String, Long> deadlines;
    // @GuardedBy("lock"): plugin name -> how long it asked to wait, for the timeout message
    private final Map<String, Long> waits;
    // @GuardedBy("lock")
    private @Nullable Status rejection;

    WaitingPod(
            ReentrantLock lock,
            QueuedPod queued,
            Pod pod,
            String nodeName,
            SchedulingCycle cycle,
            CycleState state,
            Diagnosis diagnosis,
            Map<String, Long> waitNanosByPlugin,
            long now) {
        this.lock = lock;
        this.queued = queued;
        this.pod = pod;
        this.nodeName = nodeName;
        this.cycle = cycle;
        this.state = state;
        this.diagnosis = diagnosis;
        this.waits = new LinkedHashMap<>(waitNanosByPlugin);
        this.deadlines = new LinkedHashMap<>();
        waitNanosByPlugin.forEach((plugin, wait) -> deadlines.put(plugin, now + wait));
    }

    /** The pod as it would be bound ({@code nodeName} set). */
    public Pod pod() {
        return pod;
    }

    public String nodeName() {
        return nodeName;
    }

    /** The plugins that have not allowed the pod yet, in the order they asked it to wait. */
    public List<String> pendingPlugins() {
        lock.lock();
        try {
            return List.copyOf(deadlines.keySet());
        } finally {
            lock.unlock();
        }
    }

    /** {@code plugin} allows the pod; once every pending plugin has, it binds. A plugin not pending is ignored. */
    public void allow(String plugin) {
        lock.lock();
        try {
            deadlines.remove(plugin);
        } finally {
            lock.unlock();
        }
    }

    /** {@code plugin} rejects the pod: it will be unreserved and queued again, {@code message} saying why. */
    public void reject(String plugin, String message) {
        lock.lock();
        try {
            if (rejection == null) {
                rejection = Status.unschedulable(message).withPlugin(plugin);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Rejects the pod for the first pending plugin whose deadline has passed at {@code now}, as upstream's timers. */
    void expire(long now) {
        if (rejection != null) {
            return;
        }
        List<String> expired = new ArrayList<>();
        deadlines.forEach((plugin, deadline) -> {
            if (now - deadline >= 0) {
                expired.add(plugin);
            }
        });
        if (!expired.isEmpty()) {
            String plugin = expired.getFirst();
            reject(
                    plugin,
                    "rejected due to timeout after waiting " + GoDuration.format(waits.get(plugin)) + " at plugin "
                            + plugin);
        }
    }

    boolean isSettled() {
        return rejection != null || deadlines.isEmpty();
    }

    @Nullable
    Status rejection() {
        return rejection;
    }

    QueuedPod queued() {
        return queued;
    }

    SchedulingCycle cycle() {
        return cycle;
    }

    CycleState state() {
        return state;
    }

    Diagnosis diagnosis() {
        return diagnosis;
    }
}
