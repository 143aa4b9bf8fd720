package dev.keel.sql.parse;

import dev.keel.sql.parse.Expr.BinaryOp;
import dev.keel.sql.parse.Expr.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The expression grammar, one method per precedence level, lowest first (SQLite's precedence):
 *
 * <pre>
 * expression  := or
 * or          := and ( OR and )*
 * and         := not ( AND not )*
 * not         := NOT not | equality
 * equality    := relational ( (= | == | != | <> | IS [NOT]) relational
 *                            | [NOT] IN (...) | [NOT] BETWEEN relational AND relational
 *                            | [NOT] LIKE|GLOB relational [ESCAPE relational] | ISNULL | NOTNULL | NOT NULL )*
 * relational  := bitwise ( (< | <= | > | >=) bitwise )*
 * bitwise     := additive ( (& | | | << | >>) additive )*
 * additive    := multiplicative ( (+ | -) multiplicative )*
 * multiplicative := concat ( (* | / | %) concat )*
 * concat      := unary ( || unary )*
 * unary       := (- | + | ~) unary | primary
 * primary     := literal | parameter | [table .] column | function ( ... ) | CAST ( e AS type ) | CASE ... END
 *              | EXISTS ( query ) | ( query ) | ( expression )
 * </pre>
 *
 * <p>Not thread-safe: one per parse, sharing the {@link TokenCursor}.
 */
final class ExpressionParser {

    private final TokenCursor cursor;
    private final QueryParser queries;

    ExpressionParser(TokenCursor cursor, QueryParser queries) {
        this.cursor = cursor;
        this.queries = queries;
    }

    Expr parseExpression() {
        return parseOr();
    }

    private Expr parseOr() {
        Expr left = parseAnd();
        while (cursor.acceptKeyword("OR")) {
            left = new Expr.Binary(BinaryOp.OR, left, parseAnd());
        }
        return left;
    }

    private Expr parseAnd() {
        Expr left = parseNot();
        while (cursor.acceptKeyword("AND")) {
            left = new Expr.Binary(BinaryOp.AND, left, parseNot());
        }
        return left;
    }

    private Expr parseNot() {
        if (cursor.acceptKeyword("NOT")) {
            return new Expr.Unary(UnaryOp.NOT, parseNot());
        }
        return parseEquality();
    }

    private Expr parseEquality() {
        Expr left = parseRelational();
        while (true) {
            if (cursor.acceptSymbol("=") || cursor.acceptSymbol("==")) {
                left = new Expr.Binary(BinaryOp.EQ, left, parseRelational());
            } else if (cursor.acceptSymbol("!=") || cursor.acceptSymbol("<>")) {
                left = new Expr.Binary(BinaryOp.NE, left, parseRelational());
            } else if (cursor.acceptKeyword("IS")) {
                boolean not = cursor.acceptKeyword("NOT");
                if (cursor.acceptKeyword("NULL")) {
                    left = new Expr.IsNull(left, not);
                } else {
                    left = new Expr.Binary(not ? BinaryOp.IS_NOT : BinaryOp.IS, left, parseRelational());
                }
            } else if (cursor.acceptKeyword("ISNULL")) {
                left = new Expr.IsNull(left, false);
            } else if (cursor.acceptKeyword("NOTNULL") || cursor.acceptKeywords("NOT", "NULL")) {
                left = new Expr.IsNull(left, true);
            } else {
                int mark = cursor.mark();
                boolean not = cursor.acceptKeyword("NOT");
                if (cursor.acceptKeyword("IN")) {
                    left = parseIn(left, not);
                } else if (cursor.acceptKeyword("BETWEEN")) {
                    Expr low = parseRelational();
                    cursor.expectKeyword("AND");
                    left = new Expr.Between(left, low, parseRelational(), not);
                } else if (cursor.atKeyword("LIKE") || cursor.atKeyword("GLOB")) {
                    boolean glob = cursor.next().isKeyword("GLOB");
                    Expr pattern = parseRelational();
                    Expr escape = cursor.acceptKeyword("ESCAPE") ? parseRelational() : null;
                    left = new Expr.Like(left, pattern, escape, not, glob);
                } else {
                    cursor.reset(mark);
                    return left;
                }
            }
        }
    }

    private Expr parseIn(Expr operand, boolean not) {
        if (!cursor.atSymbol("(")) {
            Token table = cursor.peek();
            String name = cursor.identifier("'(' or a table name after IN");
            return new Expr.InQuery(operand, QueryParser.selectAllFrom(name, table.position()), not);
        }
        cursor.expectSymbol("(");
        if (queries.atQueryStart()) {
            Query query = queries.parseQuery();
            cursor.expectSymbol(")");
            return new Expr.InQuery(operand, query, not);
        }
        List<Expr> items = new ArrayList<>();
        if (!cursor.atSymbol(")")) {
            do {
                items.add(parseExpression());
            } while (cursor.acceptSymbol(","));
        }
        cursor.expectSymbol(")");
        return new Expr.InList(operand, List.copyOf(items), not);
    }

    private Expr parseRelational() {
        Expr left = parseBitwise();
        while (true) {
            BinaryOp op;
            if (cursor.acceptSymbol("<")) {
                op = BinaryOp.LT;
            } else if (cursor.acceptSymbol("<=")) {
                op = BinaryOp.LE;
            } else if (cursor.acceptSymbol(">")) {
                op = BinaryOp.GT;
            } else if (cursor.acceptSymbol(">=")) {
                op = BinaryOp.GE;
            } else {
                return left;
            }
            left = new Expr.Binary(op, left, parseBitwise());
        }
    }

    private Expr parseBitwise() {
        Expr left = parseAdditive();
        while (true) {
            BinaryOp op;
            if (cursor.acceptSymbol("&")) {
                op = BinaryOp.BIT_AND;
            } else if (cursor.acceptSymbol("|")) {
                op = BinaryOp.BIT_OR;
            } else if (cursor.acceptSymbol("<<")) {
                op = BinaryOp.SHIFT_LEFT;
            } else if (cursor.acceptSymbol(">>")) {
                op = BinaryOp.SHIFT_RIGHT;
            } else {
                return left;
            }
            left = new Expr.Binary(op, left, parseAdditive());
        }
    }

    private Expr parseAdditive() {
        Expr left = parseMultiplicative();
        while (true) {
            if (cursor.acceptSymbol("+")) {
                left = new Expr.Binary(BinaryOp.ADD, left, parseMultiplicative());
            } else if (cursor.acceptSymbol("-")) {
                left = new Expr.Binary(BinaryOp.SUBTRACT, left, parseMultiplicative());
            } else {
                return left;
            }
        }
    }

    private Expr parseMultiplicative() {
        Expr left = parseConcat();
        while (true) {
            if (cursor.acceptSymbol("*")) {
                left = new Expr.Binary(BinaryOp.MULTIPLY, left, parseConcat());
            } else if (cursor.acceptSymbol("/")) {
                left = new Expr.Binary(BinaryOp.DIVIDE, left, parseConcat());
            } else if (cursor.acceptSymbol("%")) {
                left = new Expr.Binary(BinaryOp.REMAINDER, left, parseConcat());
            } else {
                return left;
            }
        }
    }

    private Expr parseConcat() {
        Expr left = parseUnary();
        while (cursor.acceptSymbol("||")) {
            left = new Expr.Binary(BinaryOp.CONCAT, left, parseUnary());
        }
        return left;
    }

    private Expr parseUnary() {
        if (cursor.acceptSymbol("-")) {
            return new Expr.Unary(UnaryOp.NEGATE, parseUnary());
        }
        if (cursor.acceptSymbol("+")) {
            return new Expr.Unary(UnaryOp.PLUS, parseUnary());
        }
        if (cursor.acceptSymbol("~")) {
            return new Expr.Unary(UnaryOp.BIT_NOT, parseUnary());
        }
        Expr primary = parsePrimary();
        if (cursor.acceptKeyword("COLLATE")) {
            cursor.identifier("a collation name");
        }
        return primary;
    }

    private Expr parsePrimary() {
        Token t = cursor.peek();
        switch (t.kind()) {
            case INTEGER -> {
                cursor.next();
                return new Expr.Literal(integerLiteral(t.text()));
            }
            case REAL -> {
                cursor.next();
                return new Expr.Literal(Double.parseDouble(t.text()));
            }
            case STRING -> {
                cursor.next();
                return new Expr.Literal(t.text());
            }
            case BLOB -> {
                cursor.next();
                return new Expr.Literal(dev.keel.sql.value.Blob.ofHex(t.text()));
            }
            case PARAMETER -> {
                cursor.next();
                return parameter(t);
            }
            case SYMBOL -> {
                if (t.isSymbol("(")) {
                    return parseParenthesized();
                }
                throw cursor.expected("an expression");
            }
            case QUOTED_IDENTIFIER -> {
                return parseNameOrCall();
            }
            case WORD -> {
                return parseWord(t);
            }
            case END -> throw cursor.expected("an expression");
        }
        throw cursor.expected("an expression");
    }

    private Expr parseWord(Token t) {
        String word = t.text().toUpperCase(Locale.ROOT);
        switch (word) {
            case "NULL" -> {
                cursor.next();
                return new Expr.Literal(null);
            }
            case "TRUE", "FALSE" -> {
                if (!cursor.peek(1).isSymbol(".") && !cursor.peek(1).isSymbol("(")) {
                    cursor.next();
                    return new Expr.Literal(word.equals("TRUE") ? 1L : 0L);
                }
            }
            case "CASE" -> {
                cursor.next();
                return parseCase();
            }
            case "CAST" -> {
                cursor.next();
                cursor.expectSymbol("(");
                Expr operand = parseExpression();
                cursor.expectKeyword("AS");
                String type = QueryParser.typeName(cursor);
                cursor.expectSymbol(")");
                return new Expr.Cast(operand, type);
            }
            case "EXISTS" -> {
                cursor.next();
                cursor.expectSymbol("(");
                Query query = queries.parseQuery();
                cursor.expectSymbol(")");
                return new Expr.Exists(query, false);
            }
            default -> {}
        }
        return parseNameOrCall();
    }

    private Expr parseNameOrCall() {
        Token first = cursor.peek();
        String name = cursor.identifier("an expression");
        if (cursor.atSymbol("(") && first.kind() == Token.Kind.WORD) {
            cursor.next();
            return parseCall(name, first.position());
        }
        if (cursor.acceptSymbol(".")) {
            String column = cursor.identifier("a column name after '" + name + ".'");
            return new Expr.ColumnRef(name, column, first.position());
        }
        return new Expr.ColumnRef(null, name, first.position());
    }

    private Expr parseCall(String name, Position position) {
        if (cursor.acceptSymbol("*")) {
            cursor.expectSymbol(")");
            return new Expr.FunctionCall(name, List.of(), false, true, position);
        }
        boolean distinct = cursor.acceptKeyword("DISTINCT");
        if (!distinct) {
            cursor.acceptKeyword("ALL");
        }
        List<Expr> args = new ArrayList<>();
        if (!cursor.atSymbol(")")) {
            do {
                args.add(parseExpression());
            } while (cursor.acceptSymbol(","));
        }
        cursor.expectSymbol(")");
        return new Expr.FunctionCall(name, List.copyOf(args), distinct, false, position);
    }

    private Expr parseParenthesized() {
        cursor.expectSymbol("(");
        if (queries.atQueryStart()) {
            Query query = queries.parseQuery();
            cursor.expectSymbol(")");
            return new Expr.ScalarQuery(query);
        }
        Expr inner = parseExpression();
        cursor.expectSymbol(")");
        return inner;
    }

    private Expr parseCase() {
        Expr operand = cursor.atKeyword("WHEN") ? null : parseExpression();
        List<Expr.When> whens = new ArrayList<>();
        while (cursor.acceptKeyword("WHEN")) {
            Expr condition = parseExpression();
            cursor.expectKeyword("THEN");
            whens.add(new Expr.When(condition, parseExpression()));
        }
        if (whens.isEmpty()) {
            throw cursor.expected("WHEN");
        }
        Expr otherwise = cursor.acceptKeyword("ELSE") ? parseExpression() : null;
        cursor.expectKeyword("END");
        return new Expr.Case(operand, List.copyOf(whens), otherwise);
    }

    private Expr parameter(Token t) {
        String text = t.text();
        if (text.isEmpty()) {
            return new Expr.Parameter(cursor.nextParameterIndex());
        }
        if (Character.isDigit(text.charAt(0))) {
            int n = Integer.parseInt(text);
            if (n < 1 || n > 32766) {
                throw new dev.keel.sql.SqlException(
                        dev.keel.sql.SqlError.SYNTAX,
                        "syntax error at " + t.position() + ": parameter ?" + text + " (expected ?1 to ?32766)");
            }
            cursor.seenParameter(n - 1);
            return new Expr.Parameter(n - 1);
        }
        throw new dev.keel.sql.SqlException(
                dev.keel.sql.SqlError.SYNTAX,
                "syntax error at " + t.position() + ": named parameter " + text + " (expected ? or ?NNN)");
    }

    private static Object integerLiteral(String text) {
        if (text.startsWith("0x") || text.startsWith("0X")) {
            return Long.parseUnsignedLong(text.substring(2), 16);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException tooLarge) {
            return Double.parseDouble(text);
        }
    }
}
