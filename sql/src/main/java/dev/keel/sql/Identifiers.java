package dev.keel.sql;

/** Quoting for the SQL the typed API generates. */
final class Identifiers {

    private Identifiers() {}

    /** {@code name} as a quoted identifier. */
    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A Java constant as a SQL literal. */
    static String literal(Object value) {
        return switch (value) {
            case String s -> "'" + s.replace("'", "''") + "'";
            case Boolean b -> b ? "1" : "0";
            default -> "(" + value + ")";
        };
    }
}
