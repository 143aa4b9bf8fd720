package dev.keel.sql.exec;

import dev.keel.sql.value.ValueKey;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Subqueries used as values: scalar {@code (SELECT ...)}, {@code EXISTS} and {@code IN (SELECT ...)}. An
 * uncorrelated subquery runs once per execution of the statement and its result is cached in the
 * {@link ExecutionContext}; a correlated one (it reads the enclosing row) runs for each row.
 */
public final class Subqueries {

    private Subqueries() {}

    /** {@code (SELECT ...)}: the first column of the first row, or NULL when there is none. */
    public record Scalar(PlanNode query, boolean correlated) implements Expression {
        @Override
        public @Nullable Object eval(Frame frame) {
            if (correlated) {
                return first(frame);
            }
            Object[] holder = frame.context().cached(this, () -> new Object[] {first(frame)});
            return holder[0];
        }

        private @Nullable Object first(Frame frame) {
            Object[] result = {null};
            query.run(frame, row -> {
                result[0] = row[0];
                return false;
            });
            return result[0];
        }

        @Override
        public String describe() {
            return (correlated ? "(CORRELATED " : "(") + "SUBQUERY)";
        }
    }

    /** {@code [NOT] EXISTS (SELECT ...)}. */
    public record Exists(PlanNode query, boolean negated, boolean correlated) implements Expression {
        @Override
        public @Nullable Object eval(Frame frame) {
            boolean exists = correlated ? any(frame) : frame.context().cached(this, () -> any(frame));
            return exists != negated ? 1L : 0L;
        }

        private boolean any(Frame frame) {
            return !query.run(frame, row -> false);
        }

        @Override
        public String describe() {
            return (negated ? "NOT EXISTS " : "EXISTS ") + (correlated ? "(CORRELATED SUBQUERY)" : "(SUBQUERY)");
        }
    }

    /** {@code e [NOT] IN (SELECT ...)}, with the same NULL rules as an IN list. */
    public record In(Expression operand, PlanNode query, boolean negated, boolean correlated) implements Expression {
        @Override
        public @Nullable Object eval(Frame frame) {
            Values values = correlated ? collect(frame) : frame.context().cached(this, () -> collect(frame));
            if (values.keys.isEmpty() && !values.hasNull) {
                return negated ? 1L : 0L;
            }
            Object v = operand.eval(frame);
            if (v == null) {
                return null;
            }
            if (values.keys.contains(ValueKey.of(v))) {
                return negated ? 0L : 1L;
            }
            return values.hasNull ? null : (negated ? 1L : 0L);
        }

        private Values collect(Frame frame) {
            Values values = new Values();
            query.run(frame, row -> {
                if (row[0] == null) {
                    values.hasNull = true;
                } else {
                    values.keys.add(ValueKey.of(row[0]));
                }
                return true;
            });
            return values;
        }

        @Override
        public String describe() {
            return operand.describe()
                    + (negated ? " NOT IN " : " IN ")
                    + (correlated ? "(CORRELATED SUBQUERY)" : "(SUBQUERY)");
        }
    }

    private static final class Values {
        final Set<ValueKey> keys = new HashSet<>();
        boolean hasNull;
    }
}
