package dev.keel.sql.parse;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens, tracking line and column for error messages.
 *
 * <p>SQLite's lexical rules: {@code --} and {@code /* *}{@code /} comments; strings in single quotes with {@code ''}
 * for a quote; identifiers quoted with double quotes, brackets or backticks; numbers with optional fraction and
 * exponent, and {@code 0x} hex integers; parameters {@code ?}, {@code ?NNN}, {@code :name}, {@code @name},
 * {@code $name}. Keywords are not recognised here: the parser asks whether a word is the keyword it expects, so a
 * keyword the grammar does not need at that point can still name a column.
 */
final class Lexer {

    private static final String[] TWO_CHAR_SYMBOLS = {"||", "==", "!=", "<>", "<=", ">=", "<<", ">>"};

    private final String sql;
    private int pos;
    private int line = 1;
    private int lineStart;

    private Lexer(String sql) {
        this.sql = sql;
    }

    /** The tokens of {@code sql}, ending with an {@link Token.Kind#END} token. */
    static List<Token> tokenize(String sql) {
        return new Lexer(sql).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            Position start = position();
            if (pos >= sql.length()) {
                tokens.add(new Token(Token.Kind.END, "", start));
                return tokens;
            }
            tokens.add(next(start));
        }
    }

    private Position position() {
        return new Position(line, pos - lineStart + 1, pos);
    }

    private void skipSpaceAndComments() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                while (pos < sql.length() && sql.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && peek(1) == '*') {
                Position start = position();
                pos += 2;
                while (pos < sql.length() && !(sql.charAt(pos) == '*' && peek(1) == '/')) {
                    advance();
                }
                if (pos >= sql.length()) {
                    throw error(start, "unterminated comment");
                }
                pos += 2;
            } else {
                return;
            }
        }
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < sql.length() ? sql.charAt(i) : '\0';
    }

    private void advance() {
        if (sql.charAt(pos) == '\n') {
            line++;
            lineStart = pos + 1;
        }
        pos++;
    }

    private Token next(Position start) {
        char c = sql.charAt(pos);
        if (c == '\'') {
            return new Token(Token.Kind.STRING, quoted('\'', start), start);
        }
        if (c == '"' || c == '`') {
            return new Token(Token.Kind.QUOTED_IDENTIFIER, quoted(c, start), start);
        }
        if (c == '[') {
            int end = sql.indexOf(']', pos);
            if (end < 0) {
                throw error(start, "unterminated [identifier]");
            }
            String text = sql.substring(pos + 1, end);
            pos = end + 1;
            return new Token(Token.Kind.QUOTED_IDENTIFIER, text, start);
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
            return number(start);
        }
        if ((c == 'x' || c == 'X') && peek(1) == '\'') {
            pos++;
            String hex = quoted('\'', start);
            if (hex.length() % 2 != 0 || !hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                throw error(start, "malformed blob literal X'" + hex + "' (expected: an even number of hex digits)");
            }
            return new Token(Token.Kind.BLOB, hex, start);
        }
        if (Character.isLetter(c) || c == '_') {
            int from = pos;
            while (pos < sql.length()
                    && (Character.isLetterOrDigit(sql.charAt(pos))
                            || sql.charAt(pos) == '_'
                            || sql.charAt(pos) == '$')) {
                pos++;
            }
            return new Token(Token.Kind.WORD, sql.substring(from, pos), start);
        }
        if (c == '?' || c == ':' || c == '@' || c == '$') {
            pos++;
            int from = pos;
            while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
                pos++;
            }
            if (c != '?' && from == pos) {
                throw error(start, "expected a parameter name after '" + c + "'");
            }
            return new Token(
                    Token.Kind.PARAMETER, (c == '?' ? "" : String.valueOf(c)) + sql.substring(from, pos), start);
        }
        for (String symbol : TWO_CHAR_SYMBOLS) {
            if (sql.startsWith(symbol, pos)) {
                pos += 2;
                return new Token(Token.Kind.SYMBOL, symbol, start);
            }
        }
        if ("(),;.*+-/%<>=&|~".indexOf(c) >= 0) {
            pos++;
            return new Token(Token.Kind.SYMBOL, String.valueOf(c), start);
        }
        throw error(start, "unexpected character '" + c + "'");
    }

    private String quoted(char quote, Position start) {
        StringBuilder text = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= sql.length()) {
                throw error(start, "unterminated " + (quote == '\'' ? "string" : "quoted identifier"));
            }
            char c = sql.charAt(pos);
            if (c == quote) {
                if (peek(1) == quote) {
                    text.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                return text.toString();
            }
            text.append(c);
            advance();
        }
    }

    private Token number(Position start) {
        int from = pos;
        if (sql.charAt(pos) == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
            pos += 2;
            while (pos < sql.length() && Character.digit(sql.charAt(pos), 16) >= 0) {
                pos++;
            }
            return new Token(Token.Kind.INTEGER, sql.substring(from, pos), start);
        }
        boolean real = false;
        while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
            pos++;
        }
        if (pos < sql.length() && sql.charAt(pos) == '.') {
            real = true;
            pos++;
            while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                pos++;
            }
        }
        if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                real = true;
                while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        if (pos < sql.length() && (Character.isLetter(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
            throw error(start, "malformed number '" + sql.substring(from, pos + 1) + "'");
        }
        return new Token(real ? Token.Kind.REAL : Token.Kind.INTEGER, sql.substring(from, pos), start);
    }

    private static SqlException error(Position at, String what) {
        return new SqlException(SqlError.SYNTAX, "syntax error at " + at + ": " + what);
    }
}
