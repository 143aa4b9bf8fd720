package dev.keel.scheduler;

import dev.keel.time.Ticker;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The binding cycle of a pod its scheduling cycle placed: assume it on the node, Reserve, Permit, then Bind, or hold
 * it among the waiting pods until Permit's plugins answer; on any failure, Unreserve, forget the pod and queue it
 * again. Split from {@link KubernetesScheduler}, which owns the state it works on.
 *
 * <p>Not thread-safe: called under the scheduler's lock.
 */
final class BindingCycle {

    private final Cluster cluster;
    private final SchedulingQueue queue;
    private final WaitingRoom waiting;
    private final Ticker ticker;
    private final Consumer<String> clearNomination;

    BindingCycle(
            Cluster cluster,
            SchedulingQueue queue,
            WaitingRoom waiting,
            Ticker ticker,
            Consumer<String> clearNomination) {
        this.cluster = cluster;
        this.queue = queue;
        this.waiting = waiting;
        this.ticker = ticker;
        this.clearNomination = clearNomination;
    }

    /**
     * The binding cycle: assume the pod on the node, Reserve, Permit, Bind. A pod told to wait stays assumed among
     * the waiting pods; anything else either commits or unwinds (Unreserve, forget, requeue).
     */
    SchedulingResult bind(QueuedPod queued, SchedulingCycle cycle, SchedulingCycle.Suggested suggested) {
        String node = suggested.node();
        CycleState state = suggested.state();
        Pod bound = queued.pod().boundTo(node, ticker.read());
        cluster.addPod(bound);
        Status failure = cycle.reserve(state, bound, node);
        if (failure != null) {
            return unwind(queued, bound, failure, false, suggested.diagnosis());
        }
        SchedulingCycle.PermitRun permit = cycle.permit(state, bound, node, waiting);
        if (permit.rejection() != null) {
            cycle.unreserve(state, bound, node);
            return unwind(queued, bound, permit.rejection(), true, suggested.diagnosis());
        }
        if (!permit.allowed()) {
            WaitingPod held = waiting.add(
                    queued,
                    bound,
                    node,
                    cycle,
                    state,
                    suggested.diagnosis(),
                    permit.waitNanosByPlugin(),
                    ticker.read());
            return new SchedulingResult.Waiting(bound, node, held.pendingPlugins(), suggested.diagnosis());
        }
        return finishBinding(queued, cycle, state, bound, suggested.diagnosis());
    }

    private SchedulingResult finishBinding(
            QueuedPod queued, SchedulingCycle cycle, CycleState state, Pod bound, Diagnosis diagnosis) {
        Status failure = cycle.bind(state, bound, bound.nodeName());
        if (failure != null) {
            cycle.unreserve(state, bound, bound.nodeName());
            return unwind(queued, bound, failure, false, diagnosis);
        }
        queue.done(bound.uid());
        clearNomination.accept(bound.uid());
        queue.moveOnEvent(new ClusterEvent.PodAdded(bound));
        return new SchedulingResult.Scheduled(bound, bound.nodeName(), diagnosis);
    }

    /**
     * Forgets an assumed pod after its binding cycle failed (Unreserve already ran) and queues it again: a Permit
     * rejection waits for a cluster event like any unschedulable pod, with the rejecting plugin as the one to
     * help; a Reserve or Bind failure goes to backoff. Freeing the pod's room is an event for the others.
     */
    private SchedulingResult unwind(
            QueuedPod queued, Pod bound, Status failure, boolean permitRejected, Diagnosis diagnosis) {
        if (cluster.boundPod(bound.uid()) != null) {
            cluster.removePod(bound);
            queue.moveOnEvent(new ClusterEvent.PodDeleted(bound));
        }
        String reasons = String.join(", ", failure.reasons());
        String message;
        if (permitRejected) {
            message = reasons;
            queue.addUnschedulable(queued, queued.pod(), Set.of(failure.plugin()));
        } else {
            message = "running " + failure.plugin() + " plugin: " + reasons;
            queue.addBackoff(queued, queued.pod());
        }
        return new SchedulingResult.Unschedulable(queued.pod(), message, message, diagnosis);
    }

    void settle(List<SchedulingResult> results) {
        if (waiting.isEmpty()) {
            return;
        }
        for (WaitingPod held : waiting.settle(ticker.read())) {
            Status rejection = held.rejection();
            if (rejection != null) {
                held.cycle().unreserve(held.state(), held.pod(), held.nodeName());
                results.add(unwind(held.queued(), held.pod(), rejection, true, held.diagnosis()));
            } else {
                results.add(finishBinding(held.queued(), held.cycle(), held.state(), held.pod(), held.diagnosis()));
            }
        }
    }
}
