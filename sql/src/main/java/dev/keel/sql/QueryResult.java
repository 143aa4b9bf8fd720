package dev.keel.sql;

import dev.keel.sql.value.Numbers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result of a statement: the rows and column names of a query, or the number of rows a change affected.
 *
 * <p>Immutable.
 */
public final class QueryResult implements Iterable<Row> {

    private final List<String> columns;
    private final List<Row> rows;
    private final long updateCount;

    QueryResult(List<String> columns, List<Object[]> rows, long updateCount) {
        this.columns = List.copyOf(columns);
        List<Row> wrapped = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            wrapped.add(new Row(this.columns, row));
        }
        this.rows = List.copyOf(wrapped);
        this.updateCount = updateCount;
    }

    /** The column names (empty for a statement that is not a query). */
    public List<String> columns() {
        return columns;
    }

    /** The rows, in the order the query produced them. */
    public List<Row> rows() {
        return rows;
    }

    /** The number of rows. */
    public int size() {
        return rows.size();
    }

    /** The rows inserted, updated or deleted, or -1 for a query. */
    public long updateCount() {
        return updateCount;
    }

    @Override
    public Iterator<Row> iterator() {
        return rows.iterator();
    }

    /** The rows as an aligned text table with a header, as the shell prints them. */
    public String format() {
        if (columns.isEmpty()) {
            return updateCount + (updateCount == 1 ? " row" : " rows") + " changed";
        }
        int[] widths = new int[columns.size()];
        List<String[]> cells = new ArrayList<>();
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).length();
        }
        for (Row row : rows) {
            String[] texts = new String[widths.length];
            for (int c = 0; c < widths.length; c++) {
                texts[c] = cell(row.get(c));
                widths[c] = Math.max(widths[c], texts[c].length());
            }
            cells.add(texts);
        }
        StringBuilder out = new StringBuilder();
        line(out, columns.toArray(String[]::new), widths);
        String[] rule = new String[widths.length];
        for (int c = 0; c < widths.length; c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        line(out, rule, widths);
        for (String[] texts : cells) {
            line(out, texts, widths);
        }
        out.append("(").append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)");
        return out.toString();
    }

    private static String cell(@Nullable Object value) {
        return value == null ? "NULL" : Numbers.toText(value);
    }

    private static void line(StringBuilder out, String[] texts, int[] widths) {
        for (int c = 0; c < texts.length; c++) {
            if (c > 0) {
                out.append("  ");
            }
            out.append(texts[c]).append(" ".repeat(widths[c] - texts[c].length()));
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        out.append('\n');
    }

    @Override
    public String toString() {
        return format();
    }
}
