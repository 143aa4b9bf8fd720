package dev.keel.sql.engine;

import java.util.Collections;
import java.util.List;

/**
 * What a statement returns: rows for a query (and EXPLAIN), a count of changed rows otherwise.
 *
 * @param columns the result's column names (empty for a statement that is not a query)
 * @param rows the result rows, each with one value per column; the caller hands the list over (it is wrapped, not
 *     copied: the range-scan profile showed copying a thousand-row result as a quarter of the query's time)
 * @param updateCount rows inserted, updated or deleted; -1 for a query
 */
public record StatementResult(List<String> columns, List<Object[]> rows, long updateCount) {

    public StatementResult {
        columns = List.copyOf(columns);
        rows = Collections.unmodifiableList(rows);
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
