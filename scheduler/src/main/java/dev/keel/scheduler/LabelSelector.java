package dev.keel.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A label selector: {@code matchLabels} and {@code matchExpressions}, all of which must hold. An empty selector
 * matches everything. Immutable.
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

    public static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of());

    /**
     * What an absent ({@code null}) selector means in affinity terms and spread constraints: no pod. It requires a
     * label key with a space, which Kubernetes label keys cannot hold.
     */
    public static final LabelSelector NOTHING =
            new LabelSelector(Map.of(), List.of(Requirement.exists("absent selector")));

    public LabelSelector {
        matchLabels = Map.copyOf(matchLabels);
        matchExpressions = List.copyOf(matchExpressions);
    }

    public static LabelSelector matching(Map<String, String> labels) {
        return new LabelSelector(labels, List.of());
    }

    public boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> wanted : matchLabels.entrySet()) {
            if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
                return false;
            }
        }
        for (Requirement requirement : matchExpressions) {
            if (!requirement.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** This selector with one more requirement (how {@code matchLabelKeys} are merged in). */
    public LabelSelector and(Requirement requirement) {
        List<Requirement> more = new ArrayList<>(matchExpressions);
        more.add(requirement);
        return new LabelSelector(matchLabels, more);
    }
}
