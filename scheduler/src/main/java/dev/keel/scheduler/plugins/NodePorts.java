package dev.keel.scheduler.plugins;

import dev.keel.scheduler.Cluster;
import dev.keel.scheduler.ClusterEvent;
import dev.keel.scheduler.Container;
import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.EnqueueExtensions;
import dev.keel.scheduler.FilterPlugin;
import dev.keel.scheduler.HostPort;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PreFilterPlugin;
import dev.keel.scheduler.QueueingHint;
import dev.keel.scheduler.Status;
import java.util.List;

/**
 * Filter: the pod's host ports must be free on the node. Two ports conflict on the same protocol and number when
 * their addresses are equal or either is {@code 0.0.0.0}. Preemption may free a port, so the rejection is
 * resolvable. Immutable.
 */
public final class NodePorts implements PreFilterPlugin, FilterPlugin, EnqueueExtensions {

    public NodePorts() {}

    public static final String NAME = "NodePorts";
    public static final String REASON = "node(s) didn't have free ports for the requested pod ports";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Upstream: a deleted pod helps only if it held a port this pod wants; node additions and updates are retried
     * without a hint (a new node has every port free).
     */
    @Override
    public QueueingHint isSchedulableAfter(ClusterEvent event, Pod pod) {
        return switch (event) {
            case ClusterEvent.NodeAdded added -> QueueingHint.QUEUE;
            case ClusterEvent.NodeUpdated updated -> QueueingHint.QUEUE;
            case ClusterEvent.PodDeleted deleted -> QueueingHint.queueIf(portsConflict(pod, deleted.pod()));
            default -> QueueingHint.SKIP;
        };
    }

    /** Upstream's PreFilter: a pod that wants no host port skips this plugin's Filter. */
    @Override
    public Status preFilter(CycleState state, Pod pod, Cluster cluster) {
        return wantsHostPorts(pod) ? Status.success() : Status.skip();
    }

    private static boolean wantsHostPorts(Pod pod) {
        List<Container> containers = pod.containers();
        for (int i = 0; i < containers.size(); i++) {
            if (!containers.get(i).ports().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsConflict(Pod pod, Pod other) {
        for (Container container : pod.containers()) {
            for (HostPort wanted : container.ports()) {
                for (Container otherContainer : other.containers()) {
                    for (HostPort used : otherContainer.ports()) {
                        if (wanted.conflictsWith(used)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo node) {
        // The pod's side first, for a caller that did not run PreFilter (which skips the plugin for such pods).
        if (!wantsHostPorts(pod) || node.usedPorts().isEmpty()) {
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
