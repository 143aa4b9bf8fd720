package dev.keel.sql.plan;

import dev.keel.sql.exec.PlanNode;
import dev.keel.sql.storage.TableStore;
import dev.keel.sql.value.Affinity;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One item of a FROM clause as the planner sees it: its name in the query, its columns, and the slots it fills in
 * the query's rows.
 *
 * @param alias the name the query uses for it
 * @param columns its column names
 * @param affinities its columns' affinities
 * @param offset the first slot it fills
 * @param width how many slots it fills (a table's columns plus its rowid; a subquery's columns)
 * @param table the table, for a table source
 * @param derived the subquery's plan, for a subquery or view source
 */
record Source(
        String alias,
        List<String> columns,
        List<Affinity> affinities,
        int offset,
        int width,
        @Nullable TableStore table,
        @Nullable PlanNode derived) {

    Source {
        columns = List.copyOf(columns);
        affinities = List.copyOf(affinities);
    }

    /** The slot of the rowid, or -1 for a subquery. */
    int rowidSlot() {
        return table == null ? -1 : offset + width - 1;
    }
}
