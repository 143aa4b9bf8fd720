package dev.keel.sql.exec;

import dev.keel.sql.storage.TableStore;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An equi-join that looks the new table's rows up for each row joined so far, by rowid or through an index on the
 * join column, instead of scanning the table to build a hash table: for a few outer rows against a large table it
 * touches a few rows where {@link HashJoin} reads them all. The planner chooses it by cost (outer rows times a lookup
 * against a scan of the inner table). The lookup returns candidates; {@code condition} (the join's conditions,
 * equality included, and the inner table's own) decides, so a lookup only has to find a superset.
 *
 * @param left the rows joined so far
 * @param table the new table
 * @param alias the name the query gives it
 * @param lookup how to find its candidate rows; its key expressions read the joined-so-far row
 * @param condition every condition on the joined row, or null
 * @param leftOuter LEFT JOIN
 * @param rightOffset where the table's slots start
 */
public record IndexNestedLoopJoin(
        PlanNode left,
        TableStore table,
        String alias,
        AccessPath lookup,
        @Nullable Expression condition,
        boolean leftOuter,
        int rightOffset)
        implements PlanNode {

    @Override
    public boolean run(Frame outer, RowSink sink) {
        Frame keys = Frame.inside(outer);
        Frame frame = Frame.inside(outer);
        int width = table.schema().width() + 1;
        return left.run(outer, l -> {
            keys.row = l;
            return Joins.emit(l, lookup.rows(table, keys), 0, condition, frame, sink, leftOuter, rightOffset, width);
        });
    }

    @Override
    public String describe() {
        return (leftOuter ? "INDEX NESTED LOOP LEFT JOIN " : "INDEX NESTED LOOP JOIN ")
                + lookup.describeOn(table, alias)
                + (condition == null ? "" : " ON " + condition.describe());
    }

    @Override
    public List<PlanNode> children() {
        return List.of(left);
    }
}
