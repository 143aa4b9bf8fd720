package dev.keel.scheduler;

/** Reserve and Unreserve: claim per-node state for the chosen node, and give it back if a later step fails. */
public interface ReservePlugin extends Plugin {

    Status reserve(CycleState state, Pod pod, String nodeName);

    void unreserve(CycleState state, Pod pod, String nodeName);
}
