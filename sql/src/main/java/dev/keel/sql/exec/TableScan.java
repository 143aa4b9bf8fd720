package dev.keel.sql.exec;

import dev.keel.sql.storage.TableStore;
import dev.keel.sql.value.Numbers;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a table's rows through an {@link AccessPath}, keeps those its filter accepts (the conditions pushed down to
 * this table), and places each at {@code offset} in a row of {@code width} slots. A single-table query's layout is
 * the stored row itself, so it passes stored rows on without copying.
 *
 * @param table the table
 * @param alias the name the query gives it
 * @param access how candidate rows are found
 * @param filter the pushed-down conditions, or null
 * @param offset where the table's slots start in the output row
 * @param width the output row's width
 */
public record TableScan(
        TableStore table,
        String alias,
        AccessPath access,
        @Nullable Expression filter,
        int offset,
        int width) implements PlanNode {

    @Override
    public boolean run(Frame outer, RowSink sink) {
        Frame frame = Frame.inside(outer);
        boolean inPlace = offset == 0 && width == table.schema().width() + 1;
        for (Object[] stored : access.rows(table, frame)) {
            Object[] row = stored;
            if (!inPlace) {
                row = new Object[width];
                System.arraycopy(stored, 0, row, offset, stored.length);
            }
            if (filter != null) {
                frame.row = row;
                if (!Boolean.TRUE.equals(Numbers.truth(filter.eval(frame)))) {
                    continue;
                }
            }
            if (!sink.accept(row)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String describe() {
        return access.describeOn(table, alias) + (filter == null ? "" : " WHERE " + filter.describe());
    }

    @Override
    public List<PlanNode> children() {
        return List.of();
    }
}
