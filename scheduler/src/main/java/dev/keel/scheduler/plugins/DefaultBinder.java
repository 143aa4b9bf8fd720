package dev.keel.scheduler.plugins;

import dev.keel.scheduler.BindPlugin;
import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.Status;

/**
 * Bind: accepts every binding; the scheduler then records the pod on the node (kube-scheduler's DefaultBinder posts
 * a {@code Binding} to the API server at this point). Immutable.
 */
public final class DefaultBinder implements BindPlugin {

    public DefaultBinder() {}

    public static final String NAME = "DefaultBinder";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status bind(CycleState state, Pod pod, String nodeName) {
        return Status.success();
    }
}
