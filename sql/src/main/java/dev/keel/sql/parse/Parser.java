package dev.keel.sql.parse;

import dev.keel.sql.SqlError;
import dev.keel.sql.SqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parser's entry point: SQL text to statements. A hand-written recursive-descent parser, split by grammar area
 * over one shared {@link TokenCursor}: {@link ExpressionParser}, {@link QueryParser}, {@link StatementParser} and
 * {@link DefinitionParser}. Errors are {@link SqlException}s of kind {@link SqlError#SYNTAX} that give the line, the
 * column, what was expected and what was found.
 *
 * <p>Stateless; thread-safe.
 */
public final class Parser {

    private Parser() {}

    /**
     * A statement with the number of {@code ?} parameters it takes.
     *
     * @param statement the statement
     * @param parameterCount how many parameters it needs
     * @param sql the statement's own text (without the {@code ;}), which a file database logs
     */
    public record Parsed(Statement statement, int parameterCount, String sql) {}

    /** The statements of {@code sql}, separated by {@code ;}; empty statements are skipped. */
    public static List<Parsed> parseScript(String sql) {
        TokenCursor cursor = new TokenCursor(Lexer.tokenize(sql));
        List<Parsed> statements = new ArrayList<>();
        while (true) {
            while (cursor.acceptSymbol(";")) {
                // empty statement
            }
            if (cursor.atEnd()) {
                return List.copyOf(statements);
            }
            cursor.startStatement();
            int start = cursor.peek().position().offset();
            Statement statement = new StatementParser(cursor).parseStatement();
            if (!cursor.atEnd() && !cursor.atSymbol(";")) {
                throw cursor.expected("';' or end of input");
            }
            int end = cursor.atEnd() ? sql.length() : cursor.peek().position().offset();
            statements.add(new Parsed(
                    statement,
                    cursor.parameterCount(),
                    sql.substring(start, end).strip()));
        }
    }

    /** The single statement in {@code sql}. */
    public static Parsed parseStatement(String sql) {
        List<Parsed> all = parseScript(sql);
        if (all.size() != 1) {
            throw new SqlException(
                    SqlError.SYNTAX, "expected exactly one statement, found " + all.size() + " in: " + abbreviate(sql));
        }
        return all.getFirst();
    }

    private static String abbreviate(String sql) {
        String s = sql.strip();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
