package dev.keel.scheduler.plugins;

import dev.keel.scheduler.Container;
import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.FilterPlugin;
import dev.keel.scheduler.HostPort;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.Status;

/**
 * Filter: the pod's host ports must be free on the node. Two ports conflict on the same protocol and number when
 * their addresses are equal or either is {@code 0.0.0.0}. Preemption may free a port, so the rejection is
 * resolvable. Immutable.
 */
public final class NodePorts implements FilterPlugin {

    public NodePorts() {}

    public static final String NAME = "NodePorts";
    public static final String REASON = "node(s) didn't have free ports for the requested pod ports";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo node) {
        if (node.usedPorts().isEmpty()) {
            return Status.success();
        }
        for (Container container : pod.containers()) {
            for (HostPort wanted : container.ports()) {
                for (HostPort used : node.usedPorts()) {
                    if (wanted.conflictsWith(used)) {
                        return Status.unschedulable(REASON);
                    }
                }
            }
        }
        return Status.success();
    }
}
