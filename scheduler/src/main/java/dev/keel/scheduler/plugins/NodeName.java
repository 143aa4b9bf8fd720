package dev.keel.scheduler.plugins;

import dev.keel.scheduler.ClusterEvent;
import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.EnqueueExtensions;
import dev.keel.scheduler.FilterPlugin;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.QueueingHint;
import dev.keel.scheduler.Status;

/** Filter: a pod that names its node ({@code spec.nodeName}) fits only there. Immutable. */
public final class NodeName implements FilterPlugin, EnqueueExtensions {

    public NodeName() {}

    public static final String NAME = "NodeName";
    public static final String REASON = "node(s) didn't match the requested node name";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo node) {
        return pod.nodeName().isEmpty() || pod.nodeName().equals(node.name())
                ? Status.success()
                : Status.unresolvable(REASON);
    }

    /** Upstream registers node additions only: the node the pod names has joined. */
    @Override
    public QueueingHint isSchedulableAfter(ClusterEvent event, Pod pod) {
        return event instanceof ClusterEvent.NodeAdded added
                ? QueueingHint.queueIf(added.node().name().equals(pod.nodeName()))
                : QueueingHint.SKIP;
    }
}
