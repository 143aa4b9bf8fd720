package dev.keel.sql;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Syntax errors name the line, the column, what was expected and what was found; state is unchanged. */
final class ParserErrorTest {

    private final SQLEngine db = SQLEngine.inMemory();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SELECT * FROM                       | line 1, column 14: expected a table name, found end of input
            SELECT a FROM t WHERE               | line 1, column 22: expected an expression, found end of input
            SELECT (1 + 2 FROM t                | line 1, column 15: expected ')', found FROM
            INSERT INTO t VALUES (1,            | line 1, column 25: expected an expression, found end of input
            CREATE TABLE t (a INTEGER,          | line 1, column 27: expected a column name, found end of input
            SELEC 1                             | line 1, column 1: expected a statement
            SELECT 1 1                          | line 1, column 10: expected ';' or end of input, found '1'
            SELECT 'abc                         | line 1, column 8: unterminated string
            SELECT 12abc                        | line 1, column 8: malformed number '12a'
            SELECT CASE END                     | line 1, column 13: expected an expression, found END
            UPDATE t SET                        | line 1, column 13: expected a column name, found end of input
            SELECT a FROM t ORDER a             | line 1, column 23: expected BY, found 'a'
            DROP SEQUENCE s                     | line 1, column 6: expected TABLE, INDEX, VIEW or TRIGGER, found SEQUENCE
            SELECT #                            | line 1, column 8: unexpected character '#'
            """)
    void parse_badSql_namesPositionAndExpectation(String sql, String message) {
        assertThatThrownBy(() -> db.query(sql))
                .isInstanceOf(SqlException.class)
                .hasMessage("syntax error at " + message + (message.endsWith("a statement") ? messageTail(sql) : ""))
                .extracting(e -> ((SqlException) e).sqlState())
                .isEqualTo("42000");
    }

    private static String messageTail(String sql) {
        return " (SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, BEGIN, COMMIT, ROLLBACK ...), found "
                + sql.split(" ")[0];
    }

    @Test
    void parse_errorOnALaterLine_countsLinesAndColumns() {
        assertThatThrownBy(() -> db.query("SELECT a,\n       b\n  FROM t\n WHERE a = = 1"))
                .isInstanceOf(SqlException.class)
                .hasMessage("syntax error at line 4, column 12: expected an expression, found '='");
    }

    @Test
    void script_withASyntaxErrorLater_runsNothing() {
        assertThatThrownBy(() -> db.executeScript("CREATE TABLE t(a INTEGER); INSERT INTO t VALUES (1) oops;"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("line 1, column 53");
        assertThatThrownBy(() -> db.query("SELECT * FROM t")).hasMessageContaining("no such table: t");
    }
}
