package dev.keel.sql.exec;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import dev.keel.sql.value.Numbers;
import org.jspecify.annotations.Nullable;

/**
 * {@code e [NOT] LIKE pattern [ESCAPE c]} (case-insensitive for ASCII letters, {@code %} and {@code _}) and
 * {@code e [NOT] GLOB pattern} (case-sensitive, {@code *}, {@code ?} and {@code [...]}), as in SQLite.
 *
 * @param operand the text matched
 * @param pattern the pattern
 * @param escape the escape character's expression, or null
 * @param negated NOT LIKE
 * @param glob GLOB instead of LIKE
 */
public record Like(
        Expression operand, Expression pattern, @Nullable Expression escape, boolean negated, boolean glob)
        implements Expression {

    @Override
    public @Nullable Object eval(Frame frame) {
        String text = Numbers.toText(operand.eval(frame));
        String p = Numbers.toText(pattern.eval(frame));
        if (text == null || p == null) {
            return null;
        }
        int esc = -1;
        if (escape != null) {
            String e = Numbers.toText(escape.eval(frame));
            if (e == null) {
                return null;
            }
            if (e.length() != 1) {
                throw new SqlException(
                        SqlError.DATA_EXCEPTION, "ESCAPE expression must be a single character, got '" + e + "'");
            }
            esc = e.charAt(0);
        }
        boolean matched = glob ? globMatch(p, 0, text, 0) : likeMatch(p, 0, text, 0, esc);
        return matched != negated ? 1L : 0L;
    }

    private static boolean likeMatch(String p, int pi, String s, int si, int esc) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == esc && pi + 1 < p.length()) {
                if (si >= s.length() || !sameIgnoringAsciiCase(p.charAt(pi + 1), s.charAt(si))) {
                    return false;
                }
                pi += 2;
                si++;
            } else if (c == '%') {
                while (pi < p.length() && p.charAt(pi) == '%') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (likeMatch(p, pi, s, k, esc)) {
                        return true;
                    }
                }
                return false;
            } else if (c == '_') {
                if (si >= s.length()) {
                    return false;
                }
                pi++;
                si++;
            } else {
                if (si >= s.length() || !sameIgnoringAsciiCase(c, s.charAt(si))) {
                    return false;
                }
                pi++;
                si++;
            }
        }
        return si == s.length();
    }

    private static boolean sameIgnoringAsciiCase(char a, char b) {
        if (a == b) {
            return true;
        }
        if (a < 128 && b < 128) {
            return Character.toLowerCase(a) == Character.toLowerCase(b);
        }
        return false;
    }

    private static boolean globMatch(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (globMatch(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            if (c == '?') {
                pi++;
                si++;
            } else if (c == '[') {
                int end = p.indexOf(']', pi + 2);
                if (end < 0) {
                    return false;
                }
                String set = p.substring(pi + 1, end);
                boolean invert = set.startsWith("^");
                if (invert) {
                    set = set.substring(1);
                }
                if (inSet(set, s.charAt(si)) == invert) {
                    return false;
                }
                pi = end + 1;
                si++;
            } else {
                if (c != s.charAt(si)) {
                    return false;
                }
                pi++;
                si++;
            }
        }
        return si == s.length();
    }

    private static boolean inSet(String set, char c) {
        for (int i = 0; i < set.length(); i++) {
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                if (c >= set.charAt(i) && c <= set.charAt(i + 2)) {
                    return true;
                }
                i += 2;
            } else if (set.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return operand.describe() + (negated ? " NOT" : "") + (glob ? " GLOB " : " LIKE ") + pattern.describe();
    }
}
