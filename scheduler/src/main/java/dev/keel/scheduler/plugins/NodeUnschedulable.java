package dev.keel.scheduler.plugins;

import dev.keel.scheduler.ClusterEvent;
import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.EnqueueExtensions;
import dev.keel.scheduler.FilterPlugin;
import dev.keel.scheduler.Node;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.QueueingHint;
import dev.keel.scheduler.Status;
import dev.keel.scheduler.Taint;
import dev.keel.scheduler.TaintEffect;
import dev.keel.scheduler.Toleration;

/**
 * Filter: a cordoned node ({@code spec.unschedulable}) takes only pods that tolerate
 * {@code node.kubernetes.io/unschedulable:NoSchedule}. Immutable.
 */
public final class NodeUnschedulable implements FilterPlugin, EnqueueExtensions {

    public NodeUnschedulable() {}

    public static final String NAME = "NodeUnschedulable";
    public static final String REASON = "node(s) were unschedulable";
    private static final Taint UNSCHEDULABLE =
            new Taint("node.kubernetes.io/unschedulable", "", TaintEffect.NO_SCHEDULE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo node) {
        return admits(node.node(), pod) ? Status.success() : Status.unresolvable(REASON);
    }

    private static boolean admits(Node node, Pod pod) {
        if (!node.unschedulable()) {
            return true;
        }
        for (Toleration toleration : pod.tolerations()) {
            if (toleration.tolerates(UNSCHEDULABLE)) {
                return true;
            }
        }
        return false;
    }

    /** Upstream: a node added schedulable, or updated from unschedulable to schedulable (for this pod). */
    @Override
    public QueueingHint isSchedulableAfter(ClusterEvent event, Pod pod) {
        return switch (event) {
            case ClusterEvent.NodeAdded added -> QueueingHint.queueIf(admits(added.node(), pod));
            case ClusterEvent.NodeUpdated updated ->
                QueueingHint.queueIf(!admits(updated.old(), pod) && admits(updated.updated(), pod));
            default -> QueueingHint.SKIP;
        };
    }
}
