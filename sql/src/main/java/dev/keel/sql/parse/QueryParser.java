package dev.keel.sql.parse;

import dev.keel.sql.parse.Query.FromItem;
import dev.keel.sql.parse.Query.JoinKind;
import dev.keel.sql.parse.Query.QueryBody;
import dev.keel.sql.parse.Query.SelectItem;
import dev.keel.sql.parse.Query.SetOp;
import java.util.ArrayList;
import java.util.List;

/**
 * The query grammar: compound selects, the select list, FROM with joins, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT.
 *
 * <pre>
 * query      := body ( (UNION [ALL] | EXCEPT | INTERSECT) body )* [ORDER BY item, ...] [LIMIT e [(OFFSET | ,) e]]
 * body       := SELECT [DISTINCT | ALL] items [FROM from] [WHERE e] [GROUP BY e, ...] [HAVING e]
 *             | VALUES (e, ...), ...
 * from       := source ( (',' | [INNER | CROSS | LEFT [OUTER]] JOIN) source [ON e | USING (columns)] )*
 * source     := name [[AS] alias] [INDEXED BY name | NOT INDEXED] | ( query ) [[AS] alias] | ( from )
 * </pre>
 *
 * <p>Not thread-safe: one per parse.
 */
final class QueryParser {

    private final TokenCursor cursor;
    private final ExpressionParser expressions;

    QueryParser(TokenCursor cursor) {
        this.cursor = cursor;
        this.expressions = new ExpressionParser(cursor, this);
    }

    ExpressionParser expressions() {
        return expressions;
    }

    boolean atQueryStart() {
        return cursor.atKeyword("SELECT") || cursor.atKeyword("VALUES");
    }

    Query parseQuery() {
        QueryBody body = parseBody();
        while (true) {
            SetOp op;
            if (cursor.acceptKeyword("UNION")) {
                op = cursor.acceptKeyword("ALL") ? SetOp.UNION_ALL : SetOp.UNION;
            } else if (cursor.acceptKeyword("EXCEPT")) {
                op = SetOp.EXCEPT;
            } else if (cursor.acceptKeyword("INTERSECT")) {
                op = SetOp.INTERSECT;
            } else {
                break;
            }
            body = new Query.Compound(op, body, parseBody());
        }
        List<Query.OrderItem> orderBy = new ArrayList<>();
        if (cursor.acceptKeyword("ORDER")) {
            cursor.expectKeyword("BY");
            do {
                Expr e = expressions.parseExpression();
                if (cursor.acceptKeyword("COLLATE")) {
                    cursor.identifier("a collation name");
                }
                boolean desc = cursor.acceptKeyword("DESC");
                if (!desc) {
                    cursor.acceptKeyword("ASC");
                }
                orderBy.add(new Query.OrderItem(e, desc));
            } while (cursor.acceptSymbol(","));
        }
        Expr limit = null;
        Expr offset = null;
        if (cursor.acceptKeyword("LIMIT")) {
            limit = expressions.parseExpression();
            if (cursor.acceptKeyword("OFFSET")) {
                offset = expressions.parseExpression();
            } else if (cursor.acceptSymbol(",")) {
                offset = limit;
                limit = expressions.parseExpression();
            }
        }
        return new Query(body, List.copyOf(orderBy), limit, offset);
    }

    private QueryBody parseBody() {
        if (cursor.acceptKeyword("VALUES")) {
            List<List<Expr>> rows = new ArrayList<>();
            do {
                rows.add(parseValueRow());
            } while (cursor.acceptSymbol(","));
            return new Query.Values(List.copyOf(rows));
        }
        if (!cursor.atKeyword("SELECT")) {
            throw cursor.expected("SELECT");
        }
        cursor.next();
        boolean distinct = cursor.acceptKeyword("DISTINCT");
        if (!distinct) {
            cursor.acceptKeyword("ALL");
        }
        List<SelectItem> items = new ArrayList<>();
        do {
            items.add(parseSelectItem());
        } while (cursor.acceptSymbol(","));
        FromItem from = cursor.acceptKeyword("FROM") ? parseFrom() : null;
        Expr where = cursor.acceptKeyword("WHERE") ? expressions.parseExpression() : null;
        List<Expr> groupBy = new ArrayList<>();
        if (cursor.acceptKeyword("GROUP")) {
            cursor.expectKeyword("BY");
            do {
                groupBy.add(expressions.parseExpression());
            } while (cursor.acceptSymbol(","));
        }
        Expr having = cursor.acceptKeyword("HAVING") ? expressions.parseExpression() : null;
        return new Query.SelectCore(distinct, List.copyOf(items), from, where, List.copyOf(groupBy), having);
    }

    /** {@code (e, e, ...)}: one row of VALUES. */
    List<Expr> parseValueRow() {
        cursor.expectSymbol("(");
        List<Expr> row = new ArrayList<>();
        do {
            row.add(expressions.parseExpression());
        } while (cursor.acceptSymbol(","));
        cursor.expectSymbol(")");
        return List.copyOf(row);
    }

    private SelectItem parseSelectItem() {
        if (cursor.acceptSymbol("*")) {
            return new Query.Star(null);
        }
        Token t = cursor.peek();
        if ((t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED_IDENTIFIER)
                && cursor.peek(1).isSymbol(".")
                && cursor.peek(2).isSymbol("*")) {
            cursor.next();
            cursor.next();
            cursor.next();
            return new Query.Star(t.text());
        }
        Expr e = expressions.parseExpression();
        String alias = null;
        if (cursor.acceptKeyword("AS")) {
            alias = aliasName();
        } else if (cursor.atAlias()) {
            alias = aliasName();
        }
        return new Query.ExprItem(e, alias, Display.of(e));
    }

    private String aliasName() {
        Token t = cursor.peek();
        if (t.kind() == Token.Kind.STRING) {
            cursor.next();
            return t.text();
        }
        return cursor.identifier("an alias");
    }

    private FromItem parseFrom() {
        FromItem left = parseSource();
        while (true) {
            JoinKind kind;
            if (cursor.acceptSymbol(",")) {
                left = new Query.Join(left, parseSource(), JoinKind.INNER, null, List.of());
                continue;
            } else if (cursor.acceptKeyword("JOIN") || cursor.acceptKeywords("INNER", "JOIN")) {
                kind = JoinKind.INNER;
            } else if (cursor.acceptKeywords("CROSS", "JOIN")) {
                kind = JoinKind.CROSS;
            } else if (cursor.acceptKeywords("LEFT", "JOIN") || cursor.acceptKeywords("LEFT", "OUTER", "JOIN")) {
                kind = JoinKind.LEFT;
            } else {
                return left;
            }
            FromItem right = parseSource();
            Expr on = null;
            List<String> using = List.of();
            if (cursor.acceptKeyword("ON")) {
                on = expressions.parseExpression();
            } else if (cursor.acceptKeyword("USING")) {
                cursor.expectSymbol("(");
                List<String> columns = new ArrayList<>();
                do {
                    columns.add(cursor.identifier("a column name"));
                } while (cursor.acceptSymbol(","));
                cursor.expectSymbol(")");
                using = List.copyOf(columns);
            }
            left = new Query.Join(left, right, kind, on, using);
        }
    }

    private FromItem parseSource() {
        if (cursor.acceptSymbol("(")) {
            if (atQueryStart()) {
                Query query = parseQuery();
                cursor.expectSymbol(")");
                cursor.acceptKeyword("AS");
                String alias = cursor.atAlias() ? aliasName() : null;
                return new Query.DerivedTable(query, alias);
            }
            FromItem inner = parseFrom();
            cursor.expectSymbol(")");
            return inner;
        }
        Token t = cursor.peek();
        String name = cursor.identifier("a table name");
        if (cursor.acceptSymbol(".")) {
            name = cursor.identifier("a table name after '" + name + ".'");
        }
        String alias = null;
        if (cursor.acceptKeyword("AS")) {
            alias = aliasName();
        } else if (cursor.atAlias()) {
            alias = aliasName();
        }
        if (cursor.acceptKeywords("INDEXED", "BY")) {
            cursor.identifier("an index name");
        } else {
            cursor.acceptKeywords("NOT", "INDEXED");
        }
        return new Query.TableRef(name, alias, t.position());
    }

    /** {@code SELECT * FROM name}: what {@code x IN name} means. */
    static Query selectAllFrom(String table, Position position) {
        Query.SelectCore core = new Query.SelectCore(
                false, List.of(new Query.Star(null)), new Query.TableRef(table, null, position), null, List.of(), null);
        return new Query(core, List.of(), null, null);
    }

    /** A type name: words with an optional {@code (n)} or {@code (n, m)}, as in {@code VARCHAR(8)}. */
    static String typeName(TokenCursor cursor) {
        StringBuilder name = new StringBuilder(cursor.identifier("a type name"));
        while (cursor.peek().kind() == Token.Kind.WORD && !cursor.atKeyword("AS") && isTypeWord(cursor.peek())) {
            name.append(' ').append(cursor.next().text());
        }
        if (cursor.acceptSymbol("(")) {
            name.append('(');
            do {
                Token t = cursor.next();
                if (t.isSymbol("-") || t.isSymbol("+")) {
                    name.append(t.text());
                    t = cursor.next();
                }
                if (t.kind() != Token.Kind.INTEGER && t.kind() != Token.Kind.REAL) {
                    cursor.reset(cursor.mark() - 1);
                    throw cursor.expected("a number in the type's size");
                }
                name.append(t.text());
            } while (cursor.acceptSymbol(",") && name.append(',') != null);
            cursor.expectSymbol(")");
            name.append(')');
        }
        return name.toString();
    }

    private static boolean isTypeWord(Token t) {
        return switch (t.text().toUpperCase(java.util.Locale.ROOT)) {
            case "PRECISION", "VARYING", "UNSIGNED", "INT", "INTEGER", "CHAR", "CHARACTER", "TEXT" -> true;
            default -> false;
        };
    }
}
