package dev.keel.scheduler;

import java.util.List;
import java.util.Map;

/**
 * One {@code matchExpressions} entry of a label or node selector: {@code key operator values}. Immutable.
 *
 * <p>{@code Gt} and {@code Lt} exist only in node selectors and compare the label as an integer, as upstream does.
 */
public record Requirement(String key, Operator operator, List<String> values) {

    /** The selector operators, with their Kubernetes spelling. */
    public enum Operator {
        IN("In"),
        NOT_IN("NotIn"),
        EXISTS("Exists"),
        DOES_NOT_EXIST("DoesNotExist"),
        GT("Gt"),
        LT("Lt");

        private final String wireName;

        Operator(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Operator fromWireName(String name) {
            for (Operator operator : values()) {
                if (operator.wireName.equals(name)) {
                    return operator;
                }
            }
            throw new IllegalArgumentException(
                    "operator '" + name + "' (expected: In, NotIn, Exists, DoesNotExist, Gt or Lt)");
        }
    }

    public Requirement {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("requirement key must not be empty");
        }
        values = List.copyOf(values);
        switch (operator) {
            case IN, NOT_IN -> {
                if (values.isEmpty()) {
                    throw new IllegalArgumentException(
                            "values for key '" + key + "' must not be empty for operator " + operator.wireName());
                }
            }
            case EXISTS, DOES_NOT_EXIST -> {
                if (!values.isEmpty()) {
                    throw new IllegalArgumentException(
                            "values for key '" + key + "' must be empty for operator " + operator.wireName());
                }
            }
            case GT, LT -> {
                if (values.size() != 1) {
                    throw new IllegalArgumentException("values for key '" + key + "' must hold one integer for "
                            + operator.wireName() + ", got " + values);
                }
                try {
                    Long.parseLong(values.getFirst());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "value '" + values.getFirst() + "' for key '" + key + "' must be an integer", e);
                }
            }
        }
    }

    public static Requirement in(String key, String... values) {
        return new Requirement(key, Operator.IN, List.of(values));
    }

    public static Requirement exists(String key) {
        return new Requirement(key, Operator.EXISTS, List.of());
    }

    public boolean matches(Map<String, String> labels) {
        String value = labels.get(key);
        return switch (operator) {
            case IN -> value != null && values.contains(value);
            case NOT_IN -> value == null || !values.contains(value);
            case EXISTS -> value != null;
            case DOES_NOT_EXIST -> value == null;
            case GT, LT -> value != null && compares(value);
        };
    }

    private boolean compares(String value) {
        long actual;
        try {
            actual = Long.parseLong(value);
        } catch (NumberFormatException e) {
            return false;
        }
        long bound = Long.parseLong(values.getFirst());
        return operator == Operator.GT ? actual > bound : actual < bound;
    }
}
