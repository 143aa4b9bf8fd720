package dev.keel.scheduler;

import java.util.List;

/**
 * A topology spread constraint: matching pods may differ by at most {@code maxSkew} between the domains of
 * {@code topologyKey}. Immutable.
 *
 * @param minDomains when fewer domains than this exist, the global minimum counts as 0 (only with DoNotSchedule)
 * @param honorNodeAffinity nodeAffinityPolicy Honor (default): only nodes matching the pod's node affinity count
 * @param honorNodeTaints nodeTaintsPolicy Honor (default Ignore): only nodes whose taints the pod tolerates count
 * @param matchLabelKeys the incoming pod's values of these labels are ANDed into the selector
 */
public record TopologySpreadConstraint(
        int maxSkew,
        String topologyKey,
        boolean doNotSchedule,
        LabelSelector selector,
        int minDomains,
        boolean honorNodeAffinity,
        boolean honorNodeTaints,
        List<String> matchLabelKeys) {

    public TopologySpreadConstraint {
        if (maxSkew < 1) {
            throw new IllegalArgumentException("maxSkew (" + maxSkew + ") must be positive");
        }
        if (topologyKey.isEmpty()) {
            throw new IllegalArgumentException("topologyKey must not be empty");
        }
        if (minDomains < 1) {
            throw new IllegalArgumentException("minDomains (" + minDomains + ") must be positive");
        }
        if (minDomains > 1 && !doNotSchedule) {
            throw new IllegalArgumentException(
                    "minDomains (" + minDomains + ") may only be set with whenUnsatisfiable DoNotSchedule");
        }
        matchLabelKeys = List.copyOf(matchLabelKeys);
    }

    /** A constraint with the defaults: minDomains 1, nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore. */
    public static TopologySpreadConstraint of(
            int maxSkew, String topologyKey, boolean doNotSchedule, LabelSelector selector) {
        return new TopologySpreadConstraint(maxSkew, topologyKey, doNotSchedule, selector, 1, true, false, List.of());
    }
}
