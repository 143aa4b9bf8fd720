package dev.keel.sql.parse;

/**
 * A place in the SQL text, for error messages.
 *
 * @param line 1-based line
 * @param column 1-based column
 */
public record Position(int line, int column) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
