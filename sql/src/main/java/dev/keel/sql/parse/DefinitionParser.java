package dev.keel.sql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The DDL grammar: CREATE TABLE (column types, PRIMARY KEY, NOT NULL, UNIQUE, DEFAULT, table constraints), CREATE
 * [UNIQUE] INDEX, CREATE VIEW, CREATE TRIGGER (parsed in full, kept by name) and the DROPs.
 *
 * <p>Not thread-safe: one per parse.
 */
final class DefinitionParser {

    private static final Set<String> CONSTRAINT_WORDS =
            Set.of("PRIMARY", "NOT", "NULL", "UNIQUE", "DEFAULT", "CHECK", "REFERENCES", "COLLATE", "CONSTRAINT");

    private final TokenCursor cursor;
    private final QueryParser queries;
    private final ExpressionParser expressions;

    DefinitionParser(TokenCursor cursor, QueryParser queries) {
        this.cursor = cursor;
        this.queries = queries;
        this.expressions = queries.expressions();
    }

    Statement parseCreate() {
        boolean temporary = cursor.acceptKeyword("TEMP") || cursor.acceptKeyword("TEMPORARY");
        if (cursor.acceptKeyword("TABLE")) {
            return parseCreateTable();
        }
        if (cursor.acceptKeyword("VIEW")) {
            return parseCreateView();
        }
        if (cursor.acceptKeyword("TRIGGER")) {
            return parseCreateTrigger();
        }
        if (!temporary) {
            boolean unique = cursor.acceptKeyword("UNIQUE");
            if (cursor.acceptKeyword("INDEX")) {
                return parseCreateIndex(unique);
            }
            if (unique) {
                throw cursor.expected("INDEX");
            }
        }
        throw cursor.expected(temporary ? "TABLE, VIEW or TRIGGER" : "TABLE, INDEX, UNIQUE INDEX, VIEW or TRIGGER");
    }

    Statement parseDrop() {
        if (cursor.acceptKeyword("TABLE")) {
            boolean ifExists = cursor.acceptKeywords("IF", "EXISTS");
            return new Statement.DropTable(cursor.identifier("a table name"), ifExists);
        }
        if (cursor.acceptKeyword("INDEX")) {
            boolean ifExists = cursor.acceptKeywords("IF", "EXISTS");
            return new Statement.DropIndex(cursor.identifier("an index name"), ifExists);
        }
        if (cursor.acceptKeyword("VIEW")) {
            boolean ifExists = cursor.acceptKeywords("IF", "EXISTS");
            return new Statement.DropView(cursor.identifier("a view name"), ifExists);
        }
        if (cursor.acceptKeyword("TRIGGER")) {
            boolean ifExists = cursor.acceptKeywords("IF", "EXISTS");
            return new Statement.DropTrigger(cursor.identifier("a trigger name"), ifExists);
        }
        throw cursor.expected("TABLE, INDEX, VIEW or TRIGGER");
    }

    private boolean ifNotExists() {
        return cursor.acceptKeywords("IF", "NOT", "EXISTS");
    }

    private Statement parseCreateTable() {
        boolean ifNotExists = ifNotExists();
        String name = cursor.identifier("a table name");
        cursor.expectSymbol("(");
        List<Statement.ColumnDefinition> columns = new ArrayList<>();
        List<List<String>> uniqueKeys = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        do {
            if (cursor.acceptKeyword("CONSTRAINT")) {
                cursor.identifier("a constraint name");
            }
            if (cursor.acceptKeywords("PRIMARY", "KEY")) {
                primaryKey.addAll(columnList());
            } else if (cursor.acceptKeyword("UNIQUE")) {
                uniqueKeys.add(columnList());
            } else if (cursor.acceptKeyword("CHECK")) {
                throw cursor.expected(
                        "a column definition, PRIMARY KEY or UNIQUE (CHECK constraints are not supported)");
            } else {
                columns.add(parseColumn());
            }
        } while (cursor.acceptSymbol(","));
        cursor.expectSymbol(")");
        return new Statement.CreateTable(
                name, ifNotExists, List.copyOf(columns), List.copyOf(uniqueKeys), List.copyOf(primaryKey));
    }

    private List<String> columnList() {
        cursor.expectSymbol("(");
        List<String> names = new ArrayList<>();
        do {
            names.add(cursor.identifier("a column name"));
            if (!cursor.acceptKeyword("ASC")) {
                cursor.acceptKeyword("DESC");
            }
        } while (cursor.acceptSymbol(","));
        cursor.expectSymbol(")");
        return List.copyOf(names);
    }

    private Statement.ColumnDefinition parseColumn() {
        String name = cursor.identifier("a column name");
        String type = "";
        Token t = cursor.peek();
        if ((t.kind() == Token.Kind.WORD && !CONSTRAINT_WORDS.contains(t.text().toUpperCase(Locale.ROOT)))
                || t.kind() == Token.Kind.QUOTED_IDENTIFIER) {
            type = QueryParser.typeName(cursor);
        }
        boolean primaryKey = false;
        boolean notNull = false;
        boolean unique = false;
        Expr defaultValue = null;
        while (true) {
            if (cursor.acceptKeyword("CONSTRAINT")) {
                cursor.identifier("a constraint name");
            } else if (cursor.acceptKeywords("PRIMARY", "KEY")) {
                primaryKey = true;
                if (!cursor.acceptKeyword("ASC")) {
                    cursor.acceptKeyword("DESC");
                }
                cursor.acceptKeyword("AUTOINCREMENT");
            } else if (cursor.acceptKeywords("NOT", "NULL")) {
                notNull = true;
            } else if (cursor.acceptKeyword("NULL")) {
                notNull = false;
            } else if (cursor.acceptKeyword("UNIQUE")) {
                unique = true;
            } else if (cursor.acceptKeyword("DEFAULT")) {
                defaultValue = parseDefault();
            } else if (cursor.acceptKeyword("COLLATE")) {
                cursor.identifier("a collation name");
            } else {
                return new Statement.ColumnDefinition(name, type, primaryKey, notNull, unique, defaultValue);
            }
        }
    }

    private Expr parseDefault() {
        if (cursor.acceptSymbol("(")) {
            Expr e = expressions.parseExpression();
            cursor.expectSymbol(")");
            return e;
        }
        if (cursor.acceptSymbol("-")) {
            return new Expr.Unary(Expr.UnaryOp.NEGATE, literal());
        }
        cursor.acceptSymbol("+");
        return literal();
    }

    private Expr literal() {
        Token t = cursor.peek();
        return switch (t.kind()) {
            case INTEGER, REAL, STRING -> expressions.parseExpression();
            case WORD -> {
                if (t.isKeyword("NULL") || t.isKeyword("TRUE") || t.isKeyword("FALSE")) {
                    yield expressions.parseExpression();
                }
                throw cursor.expected("a literal or (expression) after DEFAULT");
            }
            default -> throw cursor.expected("a literal or (expression) after DEFAULT");
        };
    }

    private Statement parseCreateIndex(boolean unique) {
        boolean ifNotExists = ifNotExists();
        String name = cursor.identifier("an index name");
        cursor.expectKeyword("ON");
        String table = cursor.identifier("a table name");
        cursor.expectSymbol("(");
        List<Statement.IndexedColumn> columns = new ArrayList<>();
        do {
            String column = cursor.identifier("a column name");
            if (cursor.acceptKeyword("COLLATE")) {
                cursor.identifier("a collation name");
            }
            boolean desc = cursor.acceptKeyword("DESC");
            if (!desc) {
                cursor.acceptKeyword("ASC");
            }
            columns.add(new Statement.IndexedColumn(column, desc));
        } while (cursor.acceptSymbol(","));
        cursor.expectSymbol(")");
        return new Statement.CreateIndex(name, table, unique, ifNotExists, List.copyOf(columns));
    }

    private Statement parseCreateView() {
        boolean ifNotExists = ifNotExists();
        String name = cursor.identifier("a view name");
        List<String> columnNames = new ArrayList<>();
        if (cursor.acceptSymbol("(")) {
            do {
                columnNames.add(cursor.identifier("a column name"));
            } while (cursor.acceptSymbol(","));
            cursor.expectSymbol(")");
        }
        cursor.expectKeyword("AS");
        return new Statement.CreateView(name, ifNotExists, List.copyOf(columnNames), queries.parseQuery());
    }

    private Statement parseCreateTrigger() {
        boolean ifNotExists = ifNotExists();
        String name = cursor.identifier("a trigger name");
        if (!cursor.acceptKeyword("BEFORE") && !cursor.acceptKeyword("AFTER")) {
            cursor.acceptKeywords("INSTEAD", "OF");
        }
        if (cursor.acceptKeyword("UPDATE")) {
            if (cursor.acceptKeyword("OF")) {
                do {
                    cursor.identifier("a column name");
                } while (cursor.acceptSymbol(","));
            }
        } else if (!cursor.acceptKeyword("INSERT") && !cursor.acceptKeyword("DELETE")) {
            throw cursor.expected("DELETE, INSERT or UPDATE");
        }
        cursor.expectKeyword("ON");
        String table = cursor.identifier("a table name");
        cursor.acceptKeywords("FOR", "EACH", "ROW");
        if (cursor.acceptKeyword("WHEN")) {
            expressions.parseExpression();
        }
        cursor.expectKeyword("BEGIN");
        StatementParser body = new StatementParser(cursor);
        do {
            body.parseStatement();
            cursor.expectSymbol(";");
        } while (!cursor.atKeyword("END"));
        cursor.expectKeyword("END");
        return new Statement.CreateTrigger(name, table, ifNotExists);
    }
}
