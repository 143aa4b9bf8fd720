package dev.keel.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Where SQL statements end in shell input: at a {@code ;} outside quotes, comments and a CREATE TRIGGER's
 * BEGIN ... END body.
 */
final class StatementEnds {

    private StatementEnds() {}

    /** Whether {@code text} ends with a complete statement. */
    static boolean complete(CharSequence text) {
        List<String> parts = split(text.toString());
        return !parts.isEmpty() && endsWithTerminator(text.toString());
    }

    private static boolean endsWithTerminator(String text) {
        List<Integer> ends = terminators(text);
        if (ends.isEmpty()) {
            return false;
        }
        return text.substring(ends.getLast() + 1).isBlank();
    }

    /** The statements in {@code text}, each without its {@code ;}. */
    static List<String> split(String text) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        for (int end : terminators(text)) {
            add(statements, text.substring(start, end));
            start = end + 1;
        }
        add(statements, text.substring(start));
        return statements;
    }

    private static void add(List<String> statements, String statement) {
        if (!statement.isBlank()) {
            statements.add(statement.strip());
        }
    }

    private static List<Integer> terminators(String text) {
        List<Integer> ends = new ArrayList<>();
        int depth = 0;
        boolean trigger = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int close = text.indexOf(c, i + 1);
                while (close >= 0 && close + 1 < text.length() && text.charAt(close + 1) == c) {
                    close = text.indexOf(c, close + 2);
                }
                i = close < 0 ? text.length() : close + 1;
            } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                int newline = text.indexOf('\n', i);
                i = newline < 0 ? text.length() : newline + 1;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? text.length() : close + 2;
            } else if (Character.isLetter(c)) {
                int end = i;
                while (end < text.length()
                        && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                String word = text.substring(i, end);
                if (word.equalsIgnoreCase("TRIGGER")) {
                    trigger = true;
                } else if (trigger && (word.equalsIgnoreCase("BEGIN") || word.equalsIgnoreCase("CASE"))) {
                    depth++;
                } else if (trigger && word.equalsIgnoreCase("END") && depth > 0) {
                    depth--;
                }
                i = end;
            } else {
                if (c == ';' && depth == 0) {
                    ends.add(i);
                    trigger = false;
                }
                i++;
            }
        }
        return ends;
    }
}
