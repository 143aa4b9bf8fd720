package dev.keel.sql.slt;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One record of a sqllogictest file: a statement or a query, with where it starts. */
sealed interface SltRecord {

    int line();

    /** {@code statement ok|error}. */
    record StatementRecord(int line, String sql, boolean expectError) implements SltRecord {}

    /** {@code query <types> <sort> [label]} with its expected lines (null when the file gives none). */
    record QueryRecord(
            int line,
            String sql,
            String types,
            SortMode sort,
            @Nullable String label,
            @Nullable List<String> expected) implements SltRecord {}

    /** {@code hash-threshold N}. */
    record HashThreshold(int line, int threshold) implements SltRecord {}

    /** How query results are ordered before comparing. */
    enum SortMode {
        NOSORT,
        ROWSORT,
        VALUESORT
    }
}
