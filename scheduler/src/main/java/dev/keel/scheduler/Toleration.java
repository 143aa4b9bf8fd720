package dev.keel.scheduler;

import org.jspecify.annotations.Nullable;

/**
 * A pod's toleration of taints. An empty key with {@code Exists} tolerates every taint; a null effect matches every
 * effect. Immutable.
 *
 * @param operator {@code Equal} (the default) or {@code Exists}
 */
public record Toleration(
        String key,
        Operator operator,
        String value,
        @Nullable TaintEffect effect) {

    /** How the toleration compares values. */
    public enum Operator {
        EQUAL,
        EXISTS
    }

    public Toleration {
        if (operator == Operator.EXISTS && !value.isEmpty()) {
            throw new IllegalArgumentException(
                    "toleration value '" + value + "' must be empty when operator is Exists");
        }
        if (key.isEmpty() && operator != Operator.EXISTS) {
            throw new IllegalArgumentException("toleration with an empty key must use operator Exists");
        }
    }

    public static Toleration equal(String key, String value, @Nullable TaintEffect effect) {
        return new Toleration(key, Operator.EQUAL, value, effect);
    }

    public static Toleration exists(String key, @Nullable TaintEffect effect) {
        return new Toleration(key, Operator.EXISTS, "", effect);
    }

    /** As {@code v1.Toleration.ToleratesTaint}: effect (if set), key (if set), then the value by operator. */
    public boolean tolerates(Taint taint) {
        if (effect != null && effect != taint.effect()) {
            return false;
        }
        if (!key.isEmpty() && !key.equals(taint.key())) {
            return false;
        }
        return switch (operator) {
            case EQUAL -> value.equals(taint.value());
            case EXISTS -> true;
        };
    }
}
