package dev.keel.sql.parse;

import dev.keel.sql.parse.Statement.Conflict;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement grammar: DML (INSERT, REPLACE, UPDATE, DELETE), DDL (CREATE/DROP TABLE, INDEX, VIEW, TRIGGER,
 * REINDEX), transactions (BEGIN, COMMIT, END, ROLLBACK), CHECKPOINT and EXPLAIN; queries are delegated to {@link QueryParser}.
 *
 * <p>Not thread-safe: one per parse.
 */
final class StatementParser {

    private final TokenCursor cursor;
    private final QueryParser queries;
    private final ExpressionParser expressions;

    StatementParser(TokenCursor cursor) {
        this.cursor = cursor;
        this.queries = new QueryParser(cursor);
        this.expressions = queries.expressions();
    }

    Statement parseStatement() {
        Token t = cursor.peek();
        if (queries.atQueryStart()) {
            return new Statement.Select(queries.parseQuery());
        }
        if (cursor.acceptKeyword("EXPLAIN")) {
            cursor.acceptKeywords("QUERY", "PLAN");
            return new Statement.Explain(parseStatement());
        }
        if (cursor.acceptKeyword("INSERT")) {
            Conflict conflict = Conflict.ABORT;
            if (cursor.acceptKeyword("OR")) {
                conflict = conflictClause();
            }
            return parseInsert(conflict, t.position());
        }
        if (cursor.acceptKeyword("REPLACE")) {
            return parseInsert(Conflict.REPLACE, t.position());
        }
        if (cursor.acceptKeyword("UPDATE")) {
            return parseUpdate(t.position());
        }
        if (cursor.acceptKeyword("DELETE")) {
            cursor.expectKeyword("FROM");
            String table = cursor.identifier("a table name");
            Expr where = cursor.acceptKeyword("WHERE") ? expressions.parseExpression() : null;
            return new Statement.Delete(table, where, t.position());
        }
        if (cursor.acceptKeyword("CREATE")) {
            return new DefinitionParser(cursor, queries).parseCreate();
        }
        if (cursor.acceptKeyword("DROP")) {
            return new DefinitionParser(cursor, queries).parseDrop();
        }
        if (cursor.acceptKeyword("REINDEX")) {
            String name = cursor.atEnd() || cursor.atSymbol(";") ? null : cursor.identifier("an index or table name");
            return new Statement.Reindex(name);
        }
        if (cursor.acceptKeyword("BEGIN")) {
            if (!cursor.acceptKeyword("DEFERRED") && !cursor.acceptKeyword("IMMEDIATE")) {
                cursor.acceptKeyword("EXCLUSIVE");
            }
            cursor.acceptKeyword("TRANSACTION");
            return new Statement.Begin();
        }
        if (cursor.acceptKeyword("COMMIT") || cursor.acceptKeyword("END")) {
            cursor.acceptKeyword("TRANSACTION");
            return new Statement.Commit();
        }
        if (cursor.acceptKeyword("ROLLBACK")) {
            cursor.acceptKeyword("TRANSACTION");
            return new Statement.Rollback();
        }
        if (cursor.acceptKeyword("CHECKPOINT")) {
            return new Statement.Checkpoint();
        }
        throw cursor.expected(
                "a statement (SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, BEGIN, COMMIT, ROLLBACK ...)");
    }

    private Conflict conflictClause() {
        if (cursor.acceptKeyword("REPLACE")) {
            return Conflict.REPLACE;
        }
        if (cursor.acceptKeyword("IGNORE")) {
            return Conflict.IGNORE;
        }
        if (cursor.acceptKeyword("ABORT") || cursor.acceptKeyword("FAIL") || cursor.acceptKeyword("ROLLBACK")) {
            return Conflict.ABORT;
        }
        throw cursor.expected("REPLACE, IGNORE, ABORT, FAIL or ROLLBACK");
    }

    private Statement parseInsert(Conflict conflict, Position position) {
        cursor.expectKeyword("INTO");
        String table = cursor.identifier("a table name");
        List<String> columns = new ArrayList<>();
        if (cursor.acceptSymbol("(")) {
            do {
                columns.add(cursor.identifier("a column name"));
            } while (cursor.acceptSymbol(","));
            cursor.expectSymbol(")");
        }
        Query source;
        if (cursor.acceptKeywords("DEFAULT", "VALUES")) {
            source = new Query(new Query.Values(List.of(List.of())), List.of(), null, null);
        } else if (queries.atQueryStart()) {
            source = queries.parseQuery();
        } else {
            throw cursor.expected("VALUES or SELECT");
        }
        return new Statement.Insert(table, List.copyOf(columns), source, conflict, position);
    }

    private Statement parseUpdate(Position position) {
        Conflict conflict = Conflict.ABORT;
        if (cursor.acceptKeyword("OR")) {
            conflict = conflictClause();
        }
        String table = cursor.identifier("a table name");
        cursor.expectKeyword("SET");
        List<Statement.Assignment> assignments = new ArrayList<>();
        do {
            Token at = cursor.peek();
            String column = cursor.identifier("a column name");
            cursor.expectSymbol("=");
            assignments.add(new Statement.Assignment(column, expressions.parseExpression(), at.position()));
        } while (cursor.acceptSymbol(","));
        Expr where = cursor.acceptKeyword("WHERE") ? expressions.parseExpression() : null;
        return new Statement.Update(table, List.copyOf(assignments), where, conflict, position);
    }
}
