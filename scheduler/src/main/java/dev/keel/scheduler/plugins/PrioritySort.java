package dev.keel.scheduler.plugins;

import dev.keel.scheduler.QueueSortPlugin;
import dev.keel.scheduler.QueuedPod;

/** QueueSort: higher {@code priority} first, then the pod queued earlier. Immutable. */
public final class PrioritySort implements QueueSortPlugin {

    public PrioritySort() {}

    public static final String NAME = "PrioritySort";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int compare(QueuedPod a, QueuedPod b) {
        int byPriority = Integer.compare(b.pod().priority(), a.pod().priority());
        return byPriority != 0 ? byPriority : Long.compare(a.queuedAtNanos(), b.queuedAtNanos());
    }
}
