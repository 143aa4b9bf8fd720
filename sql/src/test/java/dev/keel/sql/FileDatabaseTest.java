package dev.keel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File databases: committed transactions survive a reopen and a real kill -9; uncommitted and failed ones do not. */
final class FileDatabaseTest {

    @TempDir
    Path dir;

    private static List<List<Object>> rows(SQLEngine db, String sql) {
        return db.query(sql).rows().stream().map(Row::values).toList();
    }

    @Test
    void reopen_keepsCommittedWork_dropsRolledBackAndFailedStatements() {
        try (SQLEngine db = SQLEngine.open(dir)) {
            db.executeScript("""
                    CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT UNIQUE, r REAL, b BLOB);
                    CREATE INDEX t_r ON t(r);
                    CREATE VIEW big AS SELECT id FROM t WHERE r > 1;
                    """);
            db.execute("INSERT INTO t VALUES (?, ?, ?, ?)", 1, "one", 1.5, new byte[] {1, 2});
            db.execute("INSERT INTO t VALUES (?, ?, ?, ?)", 2, null, 0.25, null);
            assertThatThrownBy(() -> db.execute("INSERT INTO t VALUES (3, 'x', 0, NULL), (4, 'one', 0, NULL)"))
                    .isInstanceOf(SqlException.class);
            db.execute("BEGIN");
            db.execute("UPDATE t SET v = 'uno' WHERE id = 1");
            db.execute("COMMIT");
            db.execute("BEGIN");
            db.execute("DELETE FROM t");
            db.execute("ROLLBACK");
        }
        try (SQLEngine db = SQLEngine.open(dir)) {
            assertThat(rows(db, "SELECT id, v, r FROM t ORDER BY id"))
                    .containsExactly(List.of(1L, "uno", 1.5), java.util.Arrays.asList(2L, null, 0.25));
            assertThat(rows(db, "SELECT id FROM big")).containsExactly(List.of(1L));
            assertThat(db.explain("SELECT * FROM t WHERE r = 1.5")).anyMatch(l -> l.contains("USING INDEX t_r"));
            assertThat(db.query("SELECT b FROM t WHERE id = 1")
                            .rows()
                            .getFirst()
                            .get(0))
                    .isEqualTo(new dev.keel.sql.value.Blob(new byte[] {1, 2}));
            db.execute("INSERT INTO t(v) VALUES ('next')");
            assertThat(rows(db, "SELECT id FROM t WHERE v = 'next'")).containsExactly(List.of(3L));
        }
    }

    /**
     * Writes numbered rows, one committed transaction each, printing each number once COMMIT has returned; every
     * seventh transaction is followed by a checkpoint, so the kill can land in one.
     */
    public static void main(String[] args) {
        try (SQLEngine db = SQLEngine.open(Path.of(args[0]))) {
            db.execute("CREATE TABLE IF NOT EXISTS acks(n INTEGER PRIMARY KEY, pad TEXT)");
            for (long n = 1; ; n++) {
                db.execute("BEGIN");
                db.execute("INSERT INTO acks VALUES (?, ?)", n, "x".repeat(100));
                db.execute("COMMIT");
                System.out.println(n);
                System.out.flush();
                if (n % 7 == 0) {
                    db.checkpoint();
                }
            }
        }
    }

    @Test
    void killNine_midWrites_everyAcknowledgedTransactionIsThere() throws Exception {
        List<String> acknowledged;
        try (ChildJvm child = ChildJvm.start(FileDatabaseTest.class, dir.toString())) {
            for (int i = 0; i < 50; i++) {
                child.awaitLine(Duration.ofSeconds(60));
            }
            child.kill9();
            acknowledged = child.stdoutLines();
        }
        long last = Long.parseLong(acknowledged.getLast());
        try (SQLEngine db = SQLEngine.open(dir)) {
            long count = (Long)
                    db.query("SELECT count(*) FROM acks").rows().getFirst().get(0);
            long max =
                    (Long) db.query("SELECT max(n) FROM acks").rows().getFirst().get(0);
            assertThat(count).as("rows 1..max, no gaps").isEqualTo(max);
            assertThat(max)
                    .as("every acknowledged transaction survived (last ack " + last + ")")
                    .isGreaterThanOrEqualTo(last);
            assertThat(max).as("at most the one in flight beyond the last ack").isLessThanOrEqualTo(last + 1);
        }
    }

    @Test
    void open_withACheckpointInterval_checkpointsAsTheLogGrows_andReopens() {
        try (SQLEngine db = SQLEngine.open(dir, 4096)) {
            db.execute("CREATE TABLE t(n INTEGER PRIMARY KEY, pad TEXT)");
            for (int n = 1; n <= 100; n++) {
                db.execute("INSERT INTO t VALUES (?, ?)", n, "x".repeat(100));
            }
        }
        assertThat(dir.resolve("checkpoint")).exists();
        try (SQLEngine db = SQLEngine.open(dir)) {
            assertThat(rows(db, "SELECT count(*), sum(n) FROM t")).containsExactly(List.of(100L, 5050L));
        }
    }

    @Test
    void open_withANonPositiveCheckpointInterval_isRejected() {
        assertThatThrownBy(() -> SQLEngine.open(dir, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("checkpointIntervalBytes (0) must be positive");
    }

    @Test
    void open_aFileWhereTheDirectoryShouldBe_isRejected() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("plain.txt"), "not a database");

        assertThatThrownBy(() -> SQLEngine.open(file))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("cannot open the database in " + file);
    }
}
