package dev.keel.scheduler;

import java.util.List;

/**
 * Score and NormalizeScore: rank each feasible node 0-100 (after normalizing); the profile's weight multiplies it.
 */
public interface ScorePlugin extends Plugin {

    /** kube-scheduler's {@code MaxNodeScore}. */
    long MAX_NODE_SCORE = 100;

    long score(CycleState state, Pod pod, NodeInfo node);

    /**
     * Scores every node of {@code nodes} into {@code scores} (same order and length): what the framework calls, once
     * per plugin per cycle. The default asks {@link #score} node by node. A plugin on the hot path overrides it to
     * read its cycle state once and run its own loop, which the JIT compiles with the per-node scoring inlined: one
     * interface call per cycle instead of one per node, from a call site that sees every plugin of the profile.
     */
    default void scoreAll(CycleState state, Pod pod, List<NodeInfo> nodes, long[] scores) {
        for (int i = 0; i < nodes.size(); i++) {
            scores[i] = score(state, pod, nodes.get(i));
        }
    }

    /** Whether this plugin has a NormalizeScore step. */
    default boolean normalizes() {
        return false;
    }

    /** Rewrites {@code scores} (one per node of {@code nodes}, same order) into 0-100. */
    default void normalize(CycleState state, Pod pod, List<NodeInfo> nodes, long[] scores) {}

    /**
     * kube-scheduler's {@code DefaultNormalizeScore}: scale to {@code max * score / highest} (integer division),
     * reversed ({@code max - that}) when lower raw scores are better; all zeros stay 0, or become max when reversed.
     */
    static void defaultNormalize(long max, boolean reverse, long[] scores) {
        long highest = 0;
        for (long score : scores) {
            highest = Math.max(highest, score);
        }
        for (int i = 0; i < scores.length; i++) {
            if (highest == 0) {
                scores[i] = reverse ? max : scores[i];
            } else {
                long scaled = max * scores[i] / highest;
                scores[i] = reverse ? max - scaled : scaled;
            }
        }
    }
}
