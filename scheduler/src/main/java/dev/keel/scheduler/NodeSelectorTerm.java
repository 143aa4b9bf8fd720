package dev.keel.scheduler;

import java.util.List;

/**
 * One term of a required node affinity: all expressions on the node's labels and all fields (only
 * {@code metadata.name} exists) must hold. A term with neither matches no node, as upstream. Immutable.
 */
public record NodeSelectorTerm(List<Requirement> matchExpressions, List<Requirement> matchFields) {

    public NodeSelectorTerm {
        matchExpressions = List.copyOf(matchExpressions);
        matchFields = List.copyOf(matchFields);
        for (Requirement field : matchFields) {
            if (!field.key().equals("metadata.name")) {
                throw new IllegalArgumentException("matchFields key '" + field.key() + "' (expected: metadata.name)");
            }
        }
    }

    public static NodeSelectorTerm of(Requirement... expressions) {
        return new NodeSelectorTerm(List.of(expressions), List.of());
    }

    public boolean matches(Node node) {
        if (matchExpressions.isEmpty() && matchFields.isEmpty()) {
            return false;
        }
        for (Requirement expression : matchExpressions) {
            if (!expression.matches(node.labels())) {
                return false;
            }
        }
        for (Requirement field : matchFields) {
            if (!field.matches(java.util.Map.of("metadata.name", node.name()))) {
                return false;
            }
        }
        return true;
    }
}
