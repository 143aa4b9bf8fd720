package dev.keel.scheduler.plugins;

import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.FilterPlugin;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.Status;
import dev.keel.scheduler.Taint;
import dev.keel.scheduler.TaintEffect;
import dev.keel.scheduler.Toleration;

/**
 * Filter: a cordoned node ({@code spec.unschedulable}) takes only pods that tolerate
 * {@code node.kubernetes.io/unschedulable:NoSchedule}. Immutable.
 */
public final class NodeUnschedulable implements FilterPlugin {

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
        if (!node.node().unschedulable()) {
            return Status.success();
        }
        for (Toleration toleration : pod.tolerations()) {
            if (toleration.tolerates(UNSCHEDULABLE)) {
                return Status.success();
            }
        }
        return Status.unresolvable(REASON);
    }
}
