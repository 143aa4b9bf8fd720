package dev.keel.scheduler;

import java.util.List;

/** PreScore: once per cycle, over the feasible nodes, to compute state for Score; {@link Status#skip()} skips Score. */
public interface PreScorePlugin extends Plugin {

    Status preScore(CycleState state, Pod pod, List<NodeInfo> feasibleNodes, Cluster cluster);
}
