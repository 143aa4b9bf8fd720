package dev.keel.scheduler.plugins;

import java.util.List;

/**
 * NodeResourcesFit's {@code scoringStrategy}: which resources count, with what weights, and how utilization maps
 * to a score. Immutable.
 */
public sealed interface ScoringStrategy {

    /** The default: cpu and memory, weight 1 each. */
    List<ResourceSpec> DEFAULT_RESOURCES = List.of(new ResourceSpec("cpu", 1), new ResourceSpec("memory", 1));

    List<ResourceSpec> resources();

    /** The upstream {@code type}: LeastAllocated, MostAllocated or RequestedToCapacityRatio. */
    String type();

    /** Spread: {@code (allocatable - requested) * 100 / allocatable} per resource, weighted mean (integer). */
    record LeastAllocated(List<ResourceSpec> resources) implements ScoringStrategy {
        public LeastAllocated {
            resources = List.copyOf(resources);
        }

        @Override
        public String type() {
            return "LeastAllocated";
        }
    }

    /** Bin-pack: {@code requested * 100 / allocatable} per resource (requested capped), weighted mean (integer). */
    record MostAllocated(List<ResourceSpec> resources) implements ScoringStrategy {
        public MostAllocated {
            resources = List.copyOf(resources);
        }

        @Override
        public String type() {
            return "MostAllocated";
        }
    }

    /**
     * A broken-line function of utilization (0-100) to score (0-10, scaled by 10), per resource, weighted mean
     * rounded.
     */
    record RequestedToCapacityRatio(List<ResourceSpec> resources, List<ShapePoint> shape) implements ScoringStrategy {
        public RequestedToCapacityRatio {
            resources = List.copyOf(resources);
            shape = List.copyOf(shape);
            if (shape.isEmpty()) {
                throw new IllegalArgumentException("requestedToCapacityRatio.shape must not be empty");
            }
            for (int i = 1; i < shape.size(); i++) {
                if (shape.get(i).utilization() <= shape.get(i - 1).utilization()) {
                    throw new IllegalArgumentException(
                            "requestedToCapacityRatio.shape utilization must increase, got " + shape);
                }
            }
        }

        @Override
        public String type() {
            return "RequestedToCapacityRatio";
        }
    }

    /** A point of the RequestedToCapacityRatio shape: utilization 0-100, score 0-10. */
    record ShapePoint(int utilization, int score) {
        public ShapePoint {
            if (utilization < 0 || utilization > 100) {
                throw new IllegalArgumentException("shape utilization (" + utilization + ") must be 0-100");
            }
            if (score < 0 || score > 10) {
                throw new IllegalArgumentException("shape score (" + score + ") must be 0-10");
            }
        }
    }
}
