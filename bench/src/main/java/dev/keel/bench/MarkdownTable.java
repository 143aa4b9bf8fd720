package dev.keel.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub-flavoured markdown table with padded columns, so that it reads as well in a terminal as rendered. The first
 * {@code labelColumns} columns are left-aligned (names), the rest right-aligned (numbers). Not thread-safe.
 */
public final class MarkdownTable {

    private final List<String> headers;
    private final int labelColumns;
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(int labelColumns, String... headers) {
        if (labelColumns < 0 || labelColumns > headers.length) {
            throw new IllegalArgumentException(
                    "labelColumns (" + labelColumns + ") must be in [0, " + headers.length + "]");
        }
        this.headers = List.of(headers);
        this.labelColumns = labelColumns;
    }

    public MarkdownTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(
                    "row has " + cells.length + " cells (expected " + headers.size() + ": " + headers + ")");
        }
        rows.add(List.of(cells));
        return this;
    }

    /** The table's lines, without a trailing newline. */
    public List<String> lines() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(3, headers.get(c).length());
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size() + 2);
        lines.add(line(headers, widths));
        StringBuilder rule = new StringBuilder("|");
        for (int c = 0; c < widths.length; c++) {
            rule.append(' ');
            rule.append(c < labelColumns ? "-".repeat(widths[c]) : "-".repeat(widths[c] - 1) + ":");
            rule.append(" |");
        }
        lines.add(rule.toString());
        for (List<String> row : rows) {
            lines.add(line(row, widths));
        }
        return lines;
    }

    private String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - cell.length());
            line.append(' ');
            line.append(c < labelColumns ? cell + padding : padding + cell);
            line.append(" |");
        }
        return line.toString();
    }
}
