package dev.keel.logs.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a query into tokens. Strings are double-quoted with backslash escapes ({@code \" \\ \n \t}) or
 * back-quoted raw (as in LogQL, handy for regular expressions); a number directly followed by a unit
 * ({@code ns us ms s m h d w}, or several: {@code 1h30m}) is a duration. Stateless.
 */
final class QueryLexer {

    static final int MAX_QUERY_LENGTH = 16 * 1024;

    private QueryLexer() {}

    static List<Token> tokenize(String query) {
        if (query.length() > MAX_QUERY_LENGTH) {
            throw QueryParser.error(
                    query, 0, "a query of at most " + MAX_QUERY_LENGTH + " characters", "one of " + query.length());
        }
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '"' || c == '`') {
                StringBuilder text = new StringBuilder();
                i = readString(query, i, text);
                tokens.add(new Token(Token.Kind.STRING, text.toString(), start));
                continue;
            }
            if (Character.isDigit(c)) {
                while (i < n && (Character.isDigit(query.charAt(i)) || query.charAt(i) == '.')) {
                    i++;
                }
                if (i < n && Character.isLetter(query.charAt(i))) {
                    while (i < n && Character.isLetterOrDigit(query.charAt(i))) {
                        i++;
                    }
                    tokens.add(new Token(Token.Kind.DURATION, query.substring(start, i), start));
                } else {
                    tokens.add(new Token(Token.Kind.NUMBER, query.substring(start, i), start));
                }
                continue;
            }
            if (c == '-' && i + 1 < n && Character.isDigit(query.charAt(i + 1))) {
                i++;
                while (i < n && (Character.isDigit(query.charAt(i)) || query.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, query.substring(start, i), start));
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                while (i < n
                        && (Character.isLetterOrDigit(query.charAt(i))
                                || query.charAt(i) == '_'
                                || query.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.IDENT, query.substring(start, i), start));
                continue;
            }
            String two = i + 1 < n ? query.substring(i, i + 2) : "";
            Token.Kind pair = switch (two) {
                case "|=" -> Token.Kind.PIPE_EQ;
                case "|~" -> Token.Kind.PIPE_TILDE;
                case "!=" -> Token.Kind.NE;
                case "!~" -> Token.Kind.NRE;
                case "=~" -> Token.Kind.RE;
                case "==" -> Token.Kind.EQ_EQ;
                case ">=" -> Token.Kind.GE;
                case "<=" -> Token.Kind.LE;
                default -> null;
            };
            if (pair != null) {
                tokens.add(new Token(pair, two, start));
                i += 2;
                continue;
            }
            Token.Kind single = switch (c) {
                case '{' -> Token.Kind.LBRACE;
                case '}' -> Token.Kind.RBRACE;
                case '(' -> Token.Kind.LPAREN;
                case ')' -> Token.Kind.RPAREN;
                case '[' -> Token.Kind.LBRACKET;
                case ']' -> Token.Kind.RBRACKET;
                case ',' -> Token.Kind.COMMA;
                case '|' -> Token.Kind.PIPE;
                case '=' -> Token.Kind.EQ;
                case '>' -> Token.Kind.GT;
                case '<' -> Token.Kind.LT;
                default -> null;
            };
            if (single == null) {
                throw QueryParser.error(query, i, "a token", "'" + c + "'");
            }
            tokens.add(new Token(single, String.valueOf(c), start));
            i++;
        }
        tokens.add(new Token(Token.Kind.EOF, "", n));
        return tokens;
    }

    private static int readString(String query, int start, StringBuilder text) {
        char quote = query.charAt(start);
        int i = start + 1;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            if (c == '\\' && quote == '"') {
                if (i + 1 >= query.length()) {
                    break;
                }
                char escaped = query.charAt(i + 1);
                switch (escaped) {
                    case '"', '\\' -> text.append(escaped);
                    case 'n' -> text.append('\n');
                    case 't' -> text.append('\t');
                    // Anything else keeps its backslash: "\d+" means the regex \d+, as in LogQL's raw intent.
                    default -> text.append('\\').append(escaped);
                }
                i += 2;
                continue;
            }
            text.append(c);
            i++;
        }
        throw QueryParser.error(
                query, start, "a closing " + quote + " for the string that starts here", "the end of the query");
    }
}
