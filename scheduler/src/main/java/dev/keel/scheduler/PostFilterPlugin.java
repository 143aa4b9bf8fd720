package dev.keel.scheduler;

import java.util.List;
import java.util.Map;

/**
 * PostFilter: runs when no node passed Filter, to make room (DefaultPreemption). Returns a nomination or says why
 * it could not help; the framework stops at the first plugin that nominates a node.
 */
public interface PostFilterPlugin extends Plugin {

    PostFilterResult postFilter(CycleState state, Pod pod, Map<String, Status> filterStatuses, FrameworkHandle handle);

    /** What PostFilter achieved. Immutable. */
    record PostFilterResult(Status status, String nominatedNode, List<Pod> victims) {

        public PostFilterResult {
            victims = List.copyOf(victims);
        }

        public static PostFilterResult rejected(Status status) {
            return new PostFilterResult(status, "", List.of());
        }

        public boolean nominated() {
            return !nominatedNode.isEmpty();
        }
    }
}
