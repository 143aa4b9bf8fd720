package dev.keel.scheduler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a pod went where it went, or nowhere: each rejected node's status (the first failing Filter plugin), the
 * feasible nodes, and, when the scheduler explains, each score plugin's scores per node before and after
 * NormalizeScore, its weight, and each node's weighted total. Immutable.
 *
 * @param filterStatuses rejected nodes, in node order when explaining (otherwise in the order they were evaluated)
 * @param scores plugin name to its scores, in profile order; empty unless explaining
 * @param totals node to weighted total; empty unless explaining
 */
public record Diagnosis(
        Map<String, Status> filterStatuses,
        List<String> feasibleNodes,
        Map<String, PluginScores> scores,
        Map<String, Long> totals,
        int evaluatedNodes) {

    /** One score plugin's view: node to score before and after NormalizeScore, and the profile weight. */
    public record PluginScores(Map<String, Long> raw, Map<String, Long> normalized, boolean normalizes, int weight) {
        public PluginScores {
            raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
            normalized = Collections.unmodifiableMap(new LinkedHashMap<>(normalized));
        }
    }

    public Diagnosis {
        filterStatuses = filterStatuses instanceof RejectedNodes immutable
                ? immutable
                : Collections.unmodifiableMap(new LinkedHashMap<>(filterStatuses));
        feasibleNodes = feasibleNodes instanceof FeasibleNodeNames immutable ? immutable : List.copyOf(feasibleNodes);
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        totals = Collections.unmodifiableMap(new LinkedHashMap<>(totals));
    }
}
