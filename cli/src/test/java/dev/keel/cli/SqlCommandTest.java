package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.sql.SQLEngine;
import dev.keel.testing.ManualTicker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SqlCommandTest {

    private record Run(int exitCode, String out, String err) {}

    private static Run keel(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit =
                KeelCommand.run(SystemCatalog.landed(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void dashC_runsTheStatements_andPrintsAlignedTables() {
        Run run = keel(
                "sql",
                "-c",
                "CREATE TABLE t(a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x'), (22, NULL);"
                        + " SELECT a, b FROM t ORDER BY a;");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                (2 rows changed)
                a   b
                --  ----
                1   x
                22  NULL
                (2 rows)
                """);
    }

    @Test
    void dashC_withAnError_printsOneLine_andExitsOne() {
        Run run = keel("sql", "-c", "SELECT nope FROM nowhere;");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("Error: no such table: nowhere at line 1, column 18 (there are no tables)\n");
    }

    @Test
    void db_keepsCommittedStatements_betweenRuns(@TempDir Path dir) {
        String db = dir.resolve("shop").toString();
        assertThat(keel("sql", "--db", db, "-c", "CREATE TABLE t(a INTEGER); INSERT INTO t VALUES (42);")
                        .exitCode())
                .isZero();

        Run run = keel("sql", "--db", db, "-c", "SELECT a FROM t;");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("42");
    }

    @Test
    void db_aPlainFile_isRejectedWithExitTwo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.db"), "text");

        Run run = keel("sql", "--db", file.toString(), "-c", "SELECT 1;");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is a file (expected: a database directory");
    }

    @Test
    void shell_statementsSpanLines_commandsWork_errorsDoNotStopIt(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("more.sql");
        Files.writeString(script, "INSERT INTO t VALUES (3);\n");
        StringWriter text = new StringWriter();
        ManualTicker ticker = ManualTicker.create();
        SqlShell shell = new SqlShell(SQLEngine.inMemory(), new PrintWriter(text, true), ticker);

        boolean finished = shell.runAll(new StringReader("""
                CREATE TABLE t(
                  a INTEGER
                );
                CREATE INDEX t_a ON t(a);
                INSERT INTO t VALUES (1), (2);
                .read %s
                SELECT oops;
                .tables
                .schema t
                .explain on
                SELECT a FROM t WHERE a = 2;
                .explain off
                .timer maybe
                .bogus
                .quit
                SELECT 'never';
                """.formatted(script)));

        assertThat(finished).isFalse();
        assertThat(shell.errors()).isEqualTo(3);
        assertThat(text.toString()).isEqualTo("""
                (2 rows changed)
                (1 row changed)
                Error: no such column: oops at line 1, column 8 (columns in scope: no tables)
                t
                CREATE TABLE t (a INTEGER);
                CREATE INDEX t_a ON t(a);
                plan: PROJECT a
                plan:   SEARCH t USING INDEX t_a (a=2) WHERE a = 2
                a
                -
                2
                (1 row)
                Error: .timer maybe (expected: on or off)
                Error: unknown command .bogus (try .help)
                """);
    }

    @Test
    void statementEnds_ignoreSemicolonsInStringsCommentsAndTriggerBodies() {
        assertThat(StatementEnds.complete("SELECT ';'")).isFalse();
        assertThat(StatementEnds.complete("SELECT ';';")).isTrue();
        assertThat(StatementEnds.complete("SELECT 1 -- ;\n")).isFalse();
        assertThat(StatementEnds.complete("CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT 1;"))
                .isFalse();
        assertThat(StatementEnds.complete("CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT 1; END;"))
                .isTrue();
        assertThat(StatementEnds.split("SELECT 1; SELECT 'a;b'")).containsExactly("SELECT 1", "SELECT 'a;b'");
    }

    @Test
    void demo_runsTheSeedExample_andShowsAnIndexInExplain() {
        Run run = keel("demo", "sql");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("users.select(age > 25): [Alice, Carol]")
                .contains("HASH JOIN ON (build left) u.id = o.user_id")
                .contains("SEARCH orders USING INDEX orders_user (user_id=3)")
                .contains("23505 UNIQUE constraint failed: orders.id");
    }
}
