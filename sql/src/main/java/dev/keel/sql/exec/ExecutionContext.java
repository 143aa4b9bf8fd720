package dev.keel.sql.exec;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What one execution of a statement carries: its parameter values and the results of its uncorrelated subqueries,
 * computed once per execution.
 *
 * <p>Not thread-safe: one per execution.
 */
public final class ExecutionContext {

    private final @Nullable Object[] parameters;
    private final Map<Object, Object> subqueryResults = new IdentityHashMap<>();

    /** A context with these parameter values (already SQL values). */
    public ExecutionContext(@Nullable Object[] parameters) {
        this.parameters = parameters.clone();
    }

    /** The value of parameter {@code index} (0-based). */
    public @Nullable Object parameter(int index) {
        if (index >= parameters.length) {
            throw new SqlException(
                    SqlError.DATA_EXCEPTION,
                    "parameter ?" + (index + 1) + " has no value (" + parameters.length + " given)");
        }
        return parameters[index];
    }

    /** The cached result of {@code subquery}, computing it on first use. */
    @SuppressWarnings("unchecked")
    public <T> T cached(Object subquery, Supplier<T> compute) {
        Object result = subqueryResults.get(subquery);
        if (result == null) {
            result = compute.get();
            subqueryResults.put(subquery, result);
        }
        return (T) result;
    }
}
