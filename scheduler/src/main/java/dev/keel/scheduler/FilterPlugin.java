package dev.keel.scheduler;

/** Filter: can the pod run on this node? Called for every node considered, in profile order. */
public interface FilterPlugin extends Plugin {

    Status filter(CycleState state, Pod pod, NodeInfo node);
}
