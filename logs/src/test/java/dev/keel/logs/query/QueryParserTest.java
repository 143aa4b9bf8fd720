package dev.keel.logs.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.logs.LogLevel;
import dev.keel.logs.LogsException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class QueryParserTest {

    @Test
    void parse_theIssueExample_givesSelectorAndStages() {
        Query.LogQuery query = QueryParser.parseLogQuery(
                "{source=\"web-server\", env=~\"prod|staging\"} |= \"timeout\" != \"health\" | level >= WARN");

        assertThat(query.selector())
                .extracting(Query.LabelMatcher::name, Query.LabelMatcher::op, Query.LabelMatcher::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("source", Query.MatchOp.EQ, "web-server"),
                        org.assertj.core.groups.Tuple.tuple("env", Query.MatchOp.RE, "prod|staging"));
        assertThat(query.stages()).hasSize(3);
        assertThat(query.stages().get(0)).isInstanceOfSatisfying(Query.LineFilter.class, f -> {
            assertThat(f.op()).isEqualTo(Query.LineOp.CONTAINS);
            assertThat(f.text()).isEqualTo("timeout");
        });
        assertThat(query.stages().get(1))
                .isInstanceOfSatisfying(
                        Query.LineFilter.class, f -> assertThat(f.op()).isEqualTo(Query.LineOp.NOT_CONTAINS));
        assertThat(query.stages().get(2)).isEqualTo(new Query.LevelFilter(Query.CompareOp.GE, LogLevel.WARN));
    }

    @Test
    void parse_everyOperator() {
        Query.LogQuery query = QueryParser.parseLogQuery(
                "{a=\"1\", b!=\"2\", c=~\"3.*\", d!~\"4\"} |= \"x\" != \"y\" |~ "
                        + "\"z+\" !~ `\\d` | json | status >= 500 | user == \"ann\" | path =~ \"/api/.*\" | level != debug");
        assertThat(query.selector())
                .extracting(Query.LabelMatcher::op)
                .containsExactly(Query.MatchOp.EQ, Query.MatchOp.NE, Query.MatchOp.RE, Query.MatchOp.NRE);
        assertThat(query.stages()).hasSize(9);
        assertThat(query.stages().get(3)).isInstanceOfSatisfying(Query.LineFilter.class, f -> {
            assertThat(f.op()).isEqualTo(Query.LineOp.NOT_REGEX);
            assertThat(f.text()).isEqualTo("\\d");
        });
        assertThat(query.stages().get(4)).isEqualTo(new Query.Json());
        assertThat(query.stages().get(5)).isInstanceOfSatisfying(Query.FieldFilter.class, f -> {
            assertThat(f.numeric()).isTrue();
            assertThat(f.op()).isEqualTo(Query.CompareOp.GE);
        });
        assertThat(query.stages().get(8)).isEqualTo(new Query.LevelFilter(Query.CompareOp.NE, LogLevel.DEBUG));
    }

    @Test
    void parse_metricQueries() {
        assertThat(QueryParser.parse("count_over_time({source=\"web\"} |= \"GET\" [1h30m])"))
                .isInstanceOfSatisfying(
                        Query.CountOverTime.class, q -> assertThat(q.step()).isEqualTo(Duration.ofMinutes(90)));
        assertThat(QueryParser.parse("count by (level) ({})"))
                .isInstanceOfSatisfying(
                        Query.CountBy.class, q -> assertThat(q.key()).isEqualTo("level"));
        assertThat(QueryParser.parse("topk(5, {} | level >= ERROR)"))
                .isInstanceOfSatisfying(Query.TopK.class, q -> assertThat(q.k()).isEqualTo(5));
    }

    @Test
    void parse_stringEscapes() {
        Query.LogQuery query = QueryParser.parseLogQuery("{a=\"say \\\"hi\\\"\\n\"}");
        assertThat(query.selector().getFirst().value()).isEqualTo("say \"hi\"\n");
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '\'',
            value = {
                "source=\"x\" => at position 0: expected '{' or a metric (count_over_time, count by, topk), found 'source'",
                "{source>\"x\"} => at position 7: expected '=', '!=', '=~' or '!~' after label source, found '>'",
                "{source=x} => at position 8: expected a quoted value, found 'x'",
                "{a=\"1\" b=\"2\"} => at position 7: expected ',' or '}', found 'b'",
                "{} |= 5 => at position 6: expected a quoted string after '|=', found '5'",
                "{} | level >= LOUD => at position 14: expected a level (TRACE, DEBUG, INFO, NOTICE, WARN, ERROR, CRITICAL, ALERT, EMERGENCY), found 'LOUD'",
                "{} | status > x => at position 14: expected a quoted string or a number to compare status with, found 'x'",
                "{a=~\"(\"} => at position 4: expected a valid regular expression",
                "{a=\"1} => at position 3: expected a closing \" for the string that starts here, found the end of the query",
                "{} # comment => at position 3: expected a token, found '#'",
                "count_over_time({} [1q]) => at position 20: expected a duration such as 30s, 1m or 1h30m, found '1q'",
                "count_over_time({}) => at position 18: expected '[' and a range such as [1m], found ')'",
                "topk(0, {}) => at position 5: expected a whole number from 1 to 10000, found '0'",
                "count on (level) ({}) => at position 6: expected 'by', found 'on'",
                "sum({}) => at position 0: expected '{' or a metric (count_over_time, count by, topk), found 'sum'",
                "{} extra => at position 3: expected the end of the query, found 'extra'",
            })
    void parse_errors_namePositionAndExpectation(String query, String message) {
        assertThatThrownBy(() -> QueryParser.parse(query))
                .isInstanceOf(LogsException.class)
                .hasMessageStartingWith(message)
                .extracting(e -> ((LogsException) e).code())
                .isEqualTo(LogsException.Code.BAD_QUERY);
    }

    @Test
    void parse_errorMessage_pointsAtThePosition() {
        assertThatThrownBy(() -> QueryParser.parse("{a=\"1\" b}")).hasMessageEndingWith("  {a=\"1\" b}\n         ^");
    }
}
