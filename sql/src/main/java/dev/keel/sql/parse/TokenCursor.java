package dev.keel.sql.parse;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The shared position in the token list that the grammar-area parsers ({@link ExpressionParser},
 * {@link QueryParser}, {@link StatementParser}) advance together; it also builds their error messages, which always
 * say where (line and column), what was expected and what was found.
 *
 * <p>Not thread-safe: one cursor per parse.
 */
final class TokenCursor {

    /** Words that end an expression or a FROM item, so they are never taken as an alias. */
    private static final Set<String> RESERVED = Set.of(
            "ALL",
            "AND",
            "AS",
            "ASC",
            "BETWEEN",
            "BY",
            "CASE",
            "CROSS",
            "DESC",
            "DISTINCT",
            "ELSE",
            "END",
            "ESCAPE",
            "EXCEPT",
            "EXISTS",
            "FROM",
            "FULL",
            "GLOB",
            "GROUP",
            "HAVING",
            "IN",
            "INDEXED",
            "INNER",
            "INTERSECT",
            "IS",
            "ISNULL",
            "JOIN",
            "LEFT",
            "LIKE",
            "LIMIT",
            "NATURAL",
            "NOT",
            "NOTNULL",
            "NULL",
            "OFFSET",
            "ON",
            "OR",
            "ORDER",
            "OUTER",
            "RIGHT",
            "SELECT",
            "SET",
            "THEN",
            "UNION",
            "USING",
            "VALUES",
            "WHEN",
            "WHERE");

    private final List<Token> tokens;
    private int index;
    private int parameterCount;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(index);
        if (t.kind() != Token.Kind.END) {
            index++;
        }
        return t;
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.END;
    }

    boolean atKeyword(String keyword) {
        return peek().isKeyword(keyword);
    }

    boolean atSymbol(String symbol) {
        return peek().isSymbol(symbol);
    }

    boolean acceptKeyword(String keyword) {
        if (atKeyword(keyword)) {
            index++;
            return true;
        }
        return false;
    }

    /** Accepts the keywords in sequence, or none of them. */
    boolean acceptKeywords(String... keywords) {
        for (int i = 0; i < keywords.length; i++) {
            if (!peek(i).isKeyword(keywords[i])) {
                return false;
            }
        }
        index += keywords.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        if (atSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    Token expectKeyword(String keyword) {
        if (!atKeyword(keyword)) {
            throw expected(keyword);
        }
        return next();
    }

    Token expectSymbol(String symbol) {
        if (!atSymbol(symbol)) {
            throw expected("'" + symbol + "'");
        }
        return next();
    }

    /** An identifier (bare or quoted); {@code what} names it in the error ("a table name"). */
    String identifier(String what) {
        Token t = peek();
        if (t.kind() == Token.Kind.QUOTED_IDENTIFIER
                || (t.kind() == Token.Kind.WORD && !RESERVED.contains(t.text().toUpperCase(Locale.ROOT)))) {
            index++;
            return t.text();
        }
        throw expected(what);
    }

    /** Whether the next token can start an alias (an identifier that is not a reserved word). */
    boolean atAlias() {
        Token t = peek();
        return t.kind() == Token.Kind.QUOTED_IDENTIFIER
                || t.kind() == Token.Kind.STRING
                || (t.kind() == Token.Kind.WORD && !RESERVED.contains(t.text().toUpperCase(Locale.ROOT)));
    }

    /** The number of the next positional parameter (0-based). */
    int nextParameterIndex() {
        return parameterCount++;
    }

    /** Starts counting parameters afresh: each statement of a script numbers its own from 0. */
    void startStatement() {
        parameterCount = 0;
    }

    int parameterCount() {
        return parameterCount;
    }

    /** Notes that {@code ?NNN} was used, so the count covers it. */
    void seenParameter(int zeroBasedIndex) {
        parameterCount = Math.max(parameterCount, zeroBasedIndex + 1);
    }

    int mark() {
        return index;
    }

    void reset(int mark) {
        index = mark;
    }

    SqlException expected(String what) {
        Token t = peek();
        return new SqlException(
                SqlError.SYNTAX, "syntax error at " + t.position() + ": expected " + what + ", found " + t.describe());
    }
}
