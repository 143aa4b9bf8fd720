package dev.keel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SQLEngineTest {

    private final SQLEngine db = SQLEngine.inMemory();

    private Table users() {
        return db.createTable(
                "users", List.of(Column.integer("id").primaryKey(), Column.text("name"), Column.integer("age")));
    }

    @Test
    void seedExample_runsAsWritten() {
        Table users = users();
        users.insert(Map.of("id", 1, "name", "Alice", "age", 30));
        users.insert(Map.of("id", 2, "name", "Bob", "age", 20));
        users.insert(Map.of("id", 3, "name", "Carol", "age", 41));

        List<Row> results = users.select(row -> row.getInt("age") > 25);
        QueryResult r = db.query("SELECT name FROM users WHERE age > ? ORDER BY name", 25);

        assertThat(results).extracting(row -> row.getString("name")).containsExactly("Alice", "Carol");
        assertThat(r.columns()).containsExactly("name");
        assertThat(r.rows()).extracting(row -> row.getString("name")).containsExactly("Alice", "Carol");
    }

    @Test
    void rows_comeInPrimaryKeyOrder_whateverTheInsertOrder() {
        Table users = users();
        for (int id : new int[] {5, 1, 4, 2, 3}) {
            users.insert(Map.of("id", id, "name", "u" + id, "age", id * 10));
        }

        assertThat(users.rows()).extracting(row -> row.getLong("id")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(users.count()).isEqualTo(5);
    }

    @Test
    void insert_omittedColumn_takesDefaultOrNull() {
        Table t = db.createTable(
                "t", List.of(Column.integer("id").primaryKey(), Column.text("s").defaultValue("x"), Column.real("r")));
        t.insert(Map.of("id", 1));

        Row row = t.rows().getFirst();
        assertThat(row.getString("s")).isEqualTo("x");
        assertThat(row.isNull("r")).isTrue();
        assertThatThrownBy(() -> row.getDouble("r"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("column r is NULL");
    }

    @Test
    void insert_unknownColumn_isRejectedNamingTheColumns() {
        Table users = users();

        assertThatThrownBy(() -> users.insert(Map.of("id", 1, "agee", 3)))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("agee")
                .hasMessageContaining("columns: id, name, age")
                .extracting(e -> ((SqlException) e).sqlState())
                .isEqualTo("42S22");
        assertThat(users.count()).isZero();
    }

    @Test
    void query_unknownTable_isRejectedWithSqlState42S02() {
        assertThatThrownBy(() -> db.query("SELECT * FROM nope"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("no such table: nope")
                .extracting(e -> ((SqlException) e).error())
                .isEqualTo(SqlError.UNKNOWN_TABLE);
    }

    @Test
    void query_wrongParameterCount_isRejected() {
        users();

        assertThatThrownBy(() -> db.query("SELECT * FROM users WHERE age > ?"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("takes 1 parameter(s), 0 given");
        assertThatThrownBy(() -> db.query("SELECT * FROM users WHERE age > ?", new Object()))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("parameter 1 is a java.lang.Object");
    }

    @Test
    void execute_returnsChangedRowCounts() {
        users();

        assertThat(db.execute("INSERT INTO users VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 30)"))
                .isEqualTo(3);
        assertThat(db.execute("UPDATE users SET age = age + 1 WHERE age >= ?", 20))
                .isEqualTo(2);
        assertThat(db.execute("DELETE FROM users WHERE id = 1")).isEqualTo(1);
        assertThat(db.query("SELECT id, age FROM users ORDER BY id").rows())
                .extracting(Row::values)
                .containsExactly(List.of(2L, 21L), List.of(3L, 31L));
    }

    @Test
    void format_alignsColumnsUnderAHeader() {
        users();
        db.execute("INSERT INTO users VALUES (1, 'Alice', 30), (2, 'Bob', NULL)");

        assertThat(db.query("SELECT name, age FROM users ORDER BY id").format()).isEqualTo("""
                        name   age
                        -----  ----
                        Alice  30
                        Bob    NULL
                        (2 rows)""");
    }

    @Test
    void table_unknown_isRejected() {
        assertThatThrownBy(() -> db.table("ghost"))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("ghost");
    }

    @Test
    void createTable_noColumns_isRejected() {
        assertThatThrownBy(() -> db.createTable("t", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one column");
    }

    @Test
    void script_runsEveryStatementAndReturnsEachResult() {
        List<QueryResult> results = db.executeScript("""
                CREATE TABLE t(a INTEGER, b TEXT);
                INSERT INTO t VALUES (1, 'x'), (2, 'y');
                SELECT b FROM t ORDER BY a DESC;
                """);

        assertThat(results).hasSize(3);
        assertThat(results.get(1).updateCount()).isEqualTo(2);
        assertThat(results.get(2).rows()).extracting(r -> r.getString("b")).containsExactly("y", "x");
    }
}
