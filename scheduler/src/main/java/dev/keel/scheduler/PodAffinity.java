package dev.keel.scheduler;

import java.util.List;

/** Required and preferred terms of pod affinity, or of pod anti-affinity. Immutable. */
public record PodAffinity(List<PodAffinityTerm> required, List<PodAffinityTerm.Weighted> preferred) {

    public static final PodAffinity NONE = new PodAffinity(List.of(), List.of());

    public PodAffinity {
        required = List.copyOf(required);
        preferred = List.copyOf(preferred);
    }

    public boolean isEmpty() {
        return required.isEmpty() && preferred.isEmpty();
    }
}
