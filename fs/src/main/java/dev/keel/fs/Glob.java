package dev.keel.fs;

import java.util.regex.PatternSyntaxException;

/**
 * Translates a glob into a regular expression, with the syntax {@code FileSystem.getPathMatcher} documents and the
 * JDK's Unix matcher implements.
 *
 * <p>The grammar: {@code *} is any run of characters within one name ({@code [^/]*}); {@code **} crosses names
 * ({@code .*}); {@code ?} is one character within a name; {@code [abc]}, {@code [a-z]} and {@code [!a-z]} are
 * bracket expressions, never matching {@code /}; {@code {a,b,c}} is a group of alternatives, which do not nest;
 * {@code \} escapes the next character. Every other character matches itself, regex metacharacters escaped.
 * Malformed globs are {@link PatternSyntaxException}s with the index of the mistake, as in the JDK.
 *
 * <p>Stateless and thread-safe.
 */
final class Glob {

    private static final String REGEX_META = ".^$+{[]|()";
    private static final String GLOB_META = "\\*?[{";

    private Glob() {}

    static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder("^");
        boolean inGroup = false;
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i++);
            switch (c) {
                case '\\' -> {
                    if (i == glob.length()) {
                        throw new PatternSyntaxException("No character to escape", glob, i - 1);
                    }
                    char next = glob.charAt(i++);
                    if (isMeta(next)) {
                        regex.append('\\');
                    }
                    regex.append(next);
                }
                case '/' -> regex.append(c);
                case '[' -> i = bracket(glob, i, regex);
                case '{' -> {
                    if (inGroup) {
                        throw new PatternSyntaxException("Cannot nest groups", glob, i - 1);
                    }
                    regex.append("(?:(?:");
                    inGroup = true;
                }
                case '}' -> {
                    if (inGroup) {
                        regex.append("))");
                        inGroup = false;
                    } else {
                        regex.append('}');
                    }
                }
                case ',' -> regex.append(inGroup ? ")|(?:" : ",");
                case '*' -> {
                    if (i < glob.length() && glob.charAt(i) == '*') {
                        regex.append(".*");
                        i++;
                    } else {
                        regex.append("[^/]*");
                    }
                }
                case '?' -> regex.append("[^/]");
                default -> {
                    if (isRegexMeta(c)) {
                        regex.append('\\');
                    }
                    regex.append(c);
                }
            }
        }
        if (inGroup) {
            throw new PatternSyntaxException("Missing '}'", glob, glob.length() - 1);
        }
        return regex.append('$').toString();
    }

    /** Translates the bracket expression starting after the {@code [} at {@code i - 1}; returns the index after it. */
    private static int bracket(String glob, int start, StringBuilder regex) {
        int i = start;
        regex.append("[[^/]&&[");
        if (i < glob.length() && glob.charAt(i) == '^') {
            regex.append("\\^");
            i++;
        } else {
            if (i < glob.length() && glob.charAt(i) == '!') {
                regex.append('^');
                i++;
            }
            if (i < glob.length() && glob.charAt(i) == '-') {
                regex.append('-');
                i++;
            }
        }
        boolean hasRangeStart = false;
        char last = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i++);
            if (c == ']') {
                return closeBracket(regex, i);
            }
            if (c == '/') {
                throw new PatternSyntaxException("Explicit 'name separator' in class", glob, i - 1);
            }
            if (c == '\\' || c == '[' || (c == '&' && i < glob.length() && glob.charAt(i) == '&')) {
                regex.append('\\');
            }
            regex.append(c);
            if (c == '-') {
                if (!hasRangeStart) {
                    throw new PatternSyntaxException("Invalid range", glob, i - 1);
                }
                if (i >= glob.length()) {
                    break;
                }
                c = glob.charAt(i++);
                if (c < last) {
                    throw new PatternSyntaxException("Invalid range", glob, i - 3);
                }
                regex.append(c);
                hasRangeStart = false;
            } else {
                hasRangeStart = true;
                last = c;
            }
        }
        throw new PatternSyntaxException("Missing ']'", glob, glob.length() - 1);
    }

    private static int closeBracket(StringBuilder regex, int next) {
        regex.append("]]");
        return next;
    }

    private static boolean isMeta(char c) {
        return GLOB_META.indexOf(c) >= 0 || REGEX_META.indexOf(c) >= 0;
    }

    private static boolean isRegexMeta(char c) {
        return REGEX_META.indexOf(c) >= 0;
    }
}
