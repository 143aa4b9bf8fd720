package dev.keel.sql.exec;

import java.util.BitSet;
import java.util.List;

/**
 * Which of one table's columns a query reads, to decide whether an index covers it: a scan of an index that holds
 * every column read (its key columns, the rowid and so the INTEGER PRIMARY KEY) can build rows from the index pages
 * without loading the stored rows, as SQLite's and H2's covering index scans do.
 *
 * <p>How it is designed, and why: the binder marks every slot it resolves a column name to, in this query and in its
 * subqueries (a correlated reference marks the enclosing query's slot), and the scan asks only when it runs, so the
 * answer includes the select list, ORDER BY and HAVING, which are bound after the scans are planned. The marks are
 * made while the query is planned and only read afterwards. A query that reads the whole row ({@code SELECT *}, an
 * UPDATE or DELETE, which need the stored rows themselves) never gets a coverage.
 *
 * <p>Thread-safe once planning is over (read-only).
 */
public final class Coverage {

    private final BitSet readSlots;
    private final int offset;
    private final int rowWidth;
    private final int rowidColumn;

    /**
     * @param readSlots the query's slots read so far (the planner keeps adding to it until the query is bound)
     * @param offset the table's first slot
     * @param rowWidth the table's columns plus its rowid
     * @param rowidColumn the INTEGER PRIMARY KEY column, or -1
     */
    public Coverage(BitSet readSlots, int offset, int rowWidth, int rowidColumn) {
        this.readSlots = readSlots;
        this.offset = offset;
        this.rowWidth = rowWidth;
        this.rowidColumn = rowidColumn;
    }

    int rowWidth() {
        return rowWidth;
    }

    int rowidColumn() {
        return rowidColumn;
    }

    /** Whether the query reads no column of the table but {@code keyColumns}, the rowid and its INTEGER PRIMARY KEY. */
    boolean coveredBy(List<Integer> keyColumns) {
        for (int slot = readSlots.nextSetBit(offset);
                slot >= 0 && slot < offset + rowWidth;
                slot = readSlots.nextSetBit(slot + 1)) {
            int column = slot - offset;
            if (column != rowWidth - 1 && column != rowidColumn && !keyColumns.contains(column)) {
                return false;
            }
        }
        return true;
    }
}
