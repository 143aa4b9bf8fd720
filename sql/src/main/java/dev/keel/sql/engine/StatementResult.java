package dev.keel.sql.engine;

import java.util.List;

/**
 * What a statement returns: rows for a query (and EXPLAIN), a count of changed rows otherwise.
 *
 * @param columns the result's column names (empty for a statement that is not a query)
 * @param rows the result rows, each with one value per column
 * @param updateCount rows inserted, updated or deleted; -1 for a query
 */
public record StatementResult(List<String> columns, List<Object[]> rows, long updateCount) {

    public StatementResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A result with no rows. */
    public static StatementResult count(long updateCount) {
        return new StatementResult(List.of(), List.of(), updateCount);
    }

    /** Whether this is a query's result (it has columns). */
    public boolean isQuery() {
        return updateCount < 0;
    }
}
