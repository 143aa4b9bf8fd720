package dev.keel.sql.parse;

/**
 * A place in the SQL text, for error messages.
 *
 * @param line 1-based line
 * @param column 1-based column
 * @param offset 0-based character offset in the text
 */
public record Position(int line, int column, int offset) {

    /** A position without a known offset (for names the planner makes up). */
    public Position(int line, int column) {
        this(line, column, 0);
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
