package dev.keel.logs.query;

import dev.keel.logs.LogLevel;
import dev.keel.logs.LogsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses the query language, a small LogQL. Recursive descent, one method per grammar level:
 *
 * <pre>
 * query        = metricQuery | logQuery
 * metricQuery  = "count_over_time" "(" logQuery "[" DURATION "]" ")"
 *              | "count" "by" "(" IDENT ")" "(" logQuery ")"
 *              | "topk" "(" NUMBER "," logQuery ")"
 * logQuery     = selector stage*
 * selector     = "{" [ matcher { "," matcher } ] "}"
 * matcher      = IDENT ( "=" | "!=" | "=~" | "!~" ) STRING
 * stage        = lineFilter | "|" ( "json" | levelFilter | fieldFilter )
 * lineFilter   = ( "|=" | "!=" | "|~" | "!~" ) STRING
 * levelFilter  = "level" compare ( IDENT | STRING )
 * fieldFilter  = IDENT compare ( STRING | NUMBER )
 * compare      = "=" | "==" | "!=" | ">" | ">=" | "<" | "<=" | "=~" | "!~"
 * </pre>
 *
 * <p>Every error is a {@link LogsException} with code {@code BAD_QUERY} naming the position (0-based), what was
 * expected and what was found. Not thread-safe (one parser per query).
 */
public final class QueryParser {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ns|us|ms|s|m|h|d|w)");

    private final String query;
    private final List<Token> tokens;
    private int next;

    private QueryParser(String query) {
        this.query = query;
        this.tokens = QueryLexer.tokenize(query);
    }

    /** Parses {@code query}. */
    public static Query parse(String query) {
        QueryParser parser = new QueryParser(query);
        Query parsed = parser.parseQuery();
        parser.expect(Token.Kind.EOF, "the end of the query");
        return parsed;
    }

    /** Parses a log query (a selector and stages), rejecting metric queries. */
    public static Query.LogQuery parseLogQuery(String query) {
        if (parse(query) instanceof Query.LogQuery log) {
            return log;
        }
        throw new LogsException(
                LogsException.Code.BAD_QUERY,
                "expected a log query such as {source=\"web\"} |= \"error\", found a metric query: " + query);
    }

    private Query parseQuery() {
        Token first = peek();
        if (first.kind() == Token.Kind.IDENT) {
            return switch (first.text()) {
                case "count_over_time" -> parseCountOverTime();
                case "count" -> parseCountBy();
                case "topk" -> parseTopK();
                default ->
                    throw error(
                            first.position(), "'{' or a metric (count_over_time, count by, topk)", first.describe());
            };
        }
        return parseLogQuery();
    }

    private Query parseCountOverTime() {
        advance();
        expect(Token.Kind.LPAREN, "'(' after count_over_time");
        Query.LogQuery inner = parseLogQuery();
        expect(Token.Kind.LBRACKET, "'[' and a range such as [1m]");
        Token range = expect(Token.Kind.DURATION, "a duration such as 1m, 30s or 1h");
        Duration step = parseDuration(range);
        expect(Token.Kind.RBRACKET, "']'");
        expect(Token.Kind.RPAREN, "')'");
        return new Query.CountOverTime(inner, step);
    }

    private Query parseCountBy() {
        advance();
        Token by = expect(Token.Kind.IDENT, "'by' after count");
        if (!by.text().equals("by")) {
            throw error(by.position(), "'by'", by.describe());
        }
        expect(Token.Kind.LPAREN, "'(' before the grouping label");
        String key = expect(Token.Kind.IDENT, "a label to group by (level, source or a label name)")
                .text();
        expect(Token.Kind.RPAREN, "')' after the grouping label");
        expect(Token.Kind.LPAREN, "'(' before the log query");
        Query.LogQuery inner = parseLogQuery();
        expect(Token.Kind.RPAREN, "')'");
        return new Query.CountBy(key, inner);
    }

    private Query parseTopK() {
        advance();
        expect(Token.Kind.LPAREN, "'(' after topk");
        Token k = expect(Token.Kind.NUMBER, "the number of messages to return");
        int count;
        try {
            count = Integer.parseInt(k.text());
        } catch (NumberFormatException e) {
            throw error(k.position(), "a whole number from 1 to 10000", k.describe());
        }
        if (count < 1 || count > 10_000) {
            throw error(k.position(), "a whole number from 1 to 10000", k.describe());
        }
        expect(Token.Kind.COMMA, "','");
        Query.LogQuery inner = parseLogQuery();
        expect(Token.Kind.RPAREN, "')'");
        return new Query.TopK(count, inner);
    }

    private Query.LogQuery parseLogQuery() {
        List<Query.LabelMatcher> selector = parseSelector();
        List<Query.Stage> stages = new ArrayList<>();
        while (true) {
            Token token = peek();
            switch (token.kind()) {
                case PIPE_EQ, NE, PIPE_TILDE, NRE -> stages.add(parseLineFilter());
                case PIPE -> {
                    advance();
                    stages.add(parsePipeStage());
                }
                default -> {
                    return new Query.LogQuery(selector, stages);
                }
            }
        }
    }

    private List<Query.LabelMatcher> parseSelector() {
        expect(Token.Kind.LBRACE, "'{' to start a stream selector such as {source=\"web\"}");
        List<Query.LabelMatcher> matchers = new ArrayList<>();
        if (peek().kind() == Token.Kind.RBRACE) {
            advance();
            return matchers;
        }
        do {
            matchers.add(parseMatcher());
        } while (accept(Token.Kind.COMMA));
        expect(Token.Kind.RBRACE, "',' or '}'");
        return matchers;
    }

    private Query.LabelMatcher parseMatcher() {
        Token name = expect(Token.Kind.IDENT, "a label name");
        Token op = advance();
        Query.MatchOp matchOp = switch (op.kind()) {
            case EQ -> Query.MatchOp.EQ;
            case NE -> Query.MatchOp.NE;
            case RE -> Query.MatchOp.RE;
            case NRE -> Query.MatchOp.NRE;
            default -> throw error(op.position(), "'=', '!=', '=~' or '!~' after label " + name.text(), op.describe());
        };
        Token value = expect(Token.Kind.STRING, "a quoted value");
        Pattern pattern = matchOp == Query.MatchOp.RE || matchOp == Query.MatchOp.NRE ? regex(value) : null;
        return new Query.LabelMatcher(name.text(), matchOp, value.text(), pattern);
    }

    private Query.Stage parseLineFilter() {
        Token op = advance();
        Token text = expect(Token.Kind.STRING, "a quoted string after " + op.describe());
        return switch (op.kind()) {
            case PIPE_EQ -> new Query.LineFilter(Query.LineOp.CONTAINS, text.text(), null);
            case NE -> new Query.LineFilter(Query.LineOp.NOT_CONTAINS, text.text(), null);
            case PIPE_TILDE -> new Query.LineFilter(Query.LineOp.REGEX, text.text(), regex(text));
            default -> new Query.LineFilter(Query.LineOp.NOT_REGEX, text.text(), regex(text));
        };
    }

    private Query.Stage parsePipeStage() {
        Token name = expect(Token.Kind.IDENT, "a stage after '|' (json, level or a field name)");
        if (name.text().equals("json") && !isCompare(peek().kind())) {
            return new Query.Json();
        }
        Token op = advance();
        Query.CompareOp compare = compareOp(op);
        if (name.text().equals("level")) {
            Token value = advance();
            if (value.kind() != Token.Kind.IDENT && value.kind() != Token.Kind.STRING) {
                throw error(value.position(), "a level name such as WARN", value.describe());
            }
            if (compare == Query.CompareOp.RE || compare == Query.CompareOp.NRE) {
                throw error(op.position(), "a comparison (=, !=, >, >=, <, <=) for level", op.describe());
            }
            LogLevel level;
            try {
                level = LogLevel.parse(value.text());
            } catch (IllegalArgumentException e) {
                throw error(
                        value.position(),
                        "a level (TRACE, DEBUG, INFO, NOTICE, WARN, ERROR, CRITICAL, ALERT, " + "EMERGENCY)",
                        value.describe());
            }
            return new Query.LevelFilter(compare, level);
        }
        Token value = advance();
        if (value.kind() != Token.Kind.STRING && value.kind() != Token.Kind.NUMBER) {
            throw error(
                    value.position(),
                    "a quoted string or a number to compare " + name.text() + " with",
                    value.describe());
        }
        boolean numeric = value.kind() == Token.Kind.NUMBER;
        if (numeric && (compare == Query.CompareOp.RE || compare == Query.CompareOp.NRE)) {
            throw error(value.position(), "a quoted regular expression after " + op.describe(), value.describe());
        }
        if (numeric) {
            try {
                Double.parseDouble(value.text());
            } catch (NumberFormatException e) {
                throw error(value.position(), "a number", value.describe());
            }
        }
        Pattern pattern = compare == Query.CompareOp.RE || compare == Query.CompareOp.NRE ? regex(value) : null;
        return new Query.FieldFilter(name.text(), compare, value.text(), numeric, pattern);
    }

    private static boolean isCompare(Token.Kind kind) {
        return switch (kind) {
            case EQ, EQ_EQ, NE, GT, GE, LT, LE, RE, NRE -> true;
            default -> false;
        };
    }

    private Query.CompareOp compareOp(Token op) {
        return switch (op.kind()) {
            case EQ, EQ_EQ -> Query.CompareOp.EQ;
            case NE -> Query.CompareOp.NE;
            case GT -> Query.CompareOp.GT;
            case GE -> Query.CompareOp.GE;
            case LT -> Query.CompareOp.LT;
            case LE -> Query.CompareOp.LE;
            case RE -> Query.CompareOp.RE;
            case NRE -> Query.CompareOp.NRE;
            default -> throw error(op.position(), "a comparison (=, !=, >, >=, <, <=, =~, !~)", op.describe());
        };
    }

    private Pattern regex(Token token) {
        try {
            return Pattern.compile(token.text());
        } catch (PatternSyntaxException e) {
            throw error(
                    token.position(), "a valid regular expression", token.describe() + " (" + e.getDescription() + ")");
        }
    }

    private Duration parseDuration(Token token) {
        Matcher matcher = DURATION_PART.matcher(token.text());
        Duration total = Duration.ZERO;
        int at = 0;
        try {
            while (at < token.text().length()) {
                if (!matcher.find(at) || matcher.start() != at) {
                    throw error(token.position(), "a duration such as 30s, 1m or 1h30m", token.describe());
                }
                long amount = Long.parseLong(matcher.group(1));
                total = total.plus(
                        switch (matcher.group(2)) {
                            case "ns" -> Duration.ofNanos(amount);
                            case "us" -> Duration.ofNanos(Math.multiplyExact(amount, 1000L));
                            case "ms" -> Duration.ofMillis(amount);
                            case "s" -> Duration.ofSeconds(amount);
                            case "m" -> Duration.ofMinutes(amount);
                            case "h" -> Duration.ofHours(amount);
                            case "d" -> Duration.ofDays(amount);
                            default -> Duration.ofDays(Math.multiplyExact(amount, 7L));
                        });
                at = matcher.end();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw error(token.position(), "a duration that fits in 292 years", token.describe());
        }
        if (total.isZero()) {
            throw error(token.position(), "a positive duration", token.describe());
        }
        return total;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token advance() {
        Token token = tokens.get(next);
        if (token.kind() != Token.Kind.EOF) {
            next++;
        }
        return token;
    }

    private boolean accept(Token.Kind kind) {
        if (peek().kind() == kind) {
            advance();
            return true;
        }
        return false;
    }

    private Token expect(Token.Kind kind, String expected) {
        Token token = peek();
        if (token.kind() != kind) {
            throw error(token.position(), expected, token.describe());
        }
        return advance();
    }

    private LogsException error(int position, String expected, String found) {
        return error(query, position, expected, found);
    }

    static LogsException error(String query, int position, String expected, String found) {
        return new LogsException(
                LogsException.Code.BAD_QUERY,
                "at position " + position + ": expected " + expected + ", found " + found + "\n  " + query + "\n  "
                        + " ".repeat(position) + "^");
    }
}
