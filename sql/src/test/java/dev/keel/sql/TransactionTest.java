package dev.keel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BEGIN, COMMIT and ROLLBACK, and statement atomicity inside a transaction. */
final class TransactionTest {

    private final SQLEngine db = SQLEngine.inMemory();

    @BeforeEach
    void schema() {
        db.executeScript("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT UNIQUE); INSERT INTO t VALUES (1, 'a');");
    }

    private List<Object> ids() {
        return db.query("SELECT id FROM t ORDER BY id").rows().stream()
                .map(r -> r.get(0))
                .toList();
    }

    @Test
    void rollback_undoesInsertsUpdatesDeletesAndDdl() {
        db.execute("BEGIN");
        db.execute("INSERT INTO t VALUES (2, 'b')");
        db.execute("UPDATE t SET v = 'z' WHERE id = 1");
        db.execute("DELETE FROM t WHERE id = 2");
        db.execute("CREATE TABLE u(x INTEGER)");
        db.execute("CREATE INDEX t_v ON t(v)");
        db.execute("DROP TABLE t");
        db.execute("ROLLBACK");

        assertThat(db.inTransaction()).isFalse();
        assertThat(db.query("SELECT id, v FROM t").rows())
                .extracting(Row::values)
                .containsExactly(List.of(1L, "a"));
        assertThatThrownBy(() -> db.query("SELECT * FROM u")).hasMessageContaining("no such table: u");
        assertThat(db.explain("SELECT * FROM t WHERE v = 'a'")).noneMatch(line -> line.contains("t_v"));
    }

    @Test
    void commit_keepsTheChanges() {
        db.execute("BEGIN TRANSACTION");
        db.execute("INSERT INTO t VALUES (2, 'b')");
        assertThat(db.inTransaction()).isTrue();
        db.execute("COMMIT");

        assertThat(ids()).containsExactly(1L, 2L);
        assertThat(db.inTransaction()).isFalse();
    }

    @Test
    void failedStatement_insideATransaction_undoesOnlyItself() {
        db.execute("BEGIN");
        db.execute("INSERT INTO t VALUES (2, 'b')");
        assertThatThrownBy(() -> db.execute("INSERT INTO t VALUES (3, 'c'), (4, 'a')"))
                .isInstanceOf(SqlException.class);
        db.execute("COMMIT");

        assertThat(ids()).containsExactly(1L, 2L);
    }

    @Test
    void transactionCommands_outOfOrder_areRejectedWith25000() {
        assertThatThrownBy(() -> db.execute("COMMIT"))
                .hasMessageContaining("no transaction is active")
                .extracting(e -> ((SqlException) e).sqlState())
                .isEqualTo("25000");
        assertThatThrownBy(() -> db.execute("ROLLBACK")).hasMessageContaining("no transaction is active");
        db.execute("BEGIN");
        assertThatThrownBy(() -> db.execute("BEGIN")).hasMessageContaining("within a transaction");
        db.execute("ROLLBACK");
    }
}
