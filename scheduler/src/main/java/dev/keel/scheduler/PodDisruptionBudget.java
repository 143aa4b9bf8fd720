package dev.keel.scheduler;

/**
 * A PodDisruptionBudget as preemption reads it: the pods it covers (its namespace and selector) and how many of them
 * may be disrupted now ({@code status.disruptionsAllowed}). An empty selector covers nothing, as upstream. Immutable.
 */
public record PodDisruptionBudget(String namespace, String name, LabelSelector selector, int disruptionsAllowed) {

    public PodDisruptionBudget {
        if (name.isBlank()) {
            throw new IllegalArgumentException("PodDisruptionBudget name must not be blank");
        }
        if (disruptionsAllowed < 0) {
            throw new IllegalArgumentException("disruptionsAllowed of PodDisruptionBudget " + name + " ("
                    + disruptionsAllowed + ") must not be negative");
        }
    }

    /** Whether the budget covers {@code pod}. */
    public boolean covers(Pod pod) {
        boolean empty =
                selector.matchLabels().isEmpty() && selector.matchExpressions().isEmpty();
        return !empty && !pod.labels().isEmpty() && pod.namespace().equals(namespace) && selector.matches(pod.labels());
    }
}
