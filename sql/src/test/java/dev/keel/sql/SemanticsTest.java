package dev.keel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SQL behaviour beyond the sqllogictest sample: joins, views, compounds, NULL logic, functions, LIMIT. */
final class SemanticsTest {

    private final SQLEngine db = SQLEngine.inMemory();

    @BeforeEach
    void schema() {
        db.executeScript("""
                CREATE TABLE emp(id INTEGER PRIMARY KEY, name TEXT, dept INTEGER, salary INTEGER);
                CREATE TABLE dept(id INTEGER PRIMARY KEY, title TEXT);
                INSERT INTO dept VALUES (1, 'eng'), (2, 'ops'), (3, 'empty');
                INSERT INTO emp VALUES (1, 'ann', 1, 100), (2, 'bob', 1, 80), (3, 'cid', 2, 90), (4, 'dee', NULL, 70);
                """);
    }

    private List<List<Object>> rows(String sql, Object... params) {
        return db.query(sql, params).rows().stream().map(Row::values).toList();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void leftJoin_keepsUnmatchedRows_withNulls() {
        assertThat(rows("SELECT d.title, count(e.id) FROM dept d LEFT JOIN emp e ON e.dept = d.id "
                        + "GROUP BY d.title ORDER BY d.title"))
                .containsExactly(row("empty", 0L), row("eng", 2L), row("ops", 1L));
        assertThat(rows("SELECT e.name FROM emp e LEFT JOIN dept d ON e.dept = d.id WHERE d.id IS NULL"))
                .containsExactly(row("dee"));
    }

    @Test
    void groupBy_having_orderByAggregate() {
        assertThat(rows("SELECT dept, sum(salary) AS total FROM emp WHERE dept IS NOT NULL GROUP BY dept "
                        + "HAVING count(*) > 1 ORDER BY total DESC"))
                .containsExactly(row(1L, 180L));
    }

    @Test
    void correlatedSubquery_andExists() {
        assertThat(rows("SELECT name FROM emp e WHERE salary > (SELECT avg(salary) FROM emp x WHERE x.dept = e.dept)"))
                .containsExactly(row("ann"));
        assertThat(rows("SELECT title FROM dept d WHERE NOT EXISTS (SELECT 1 FROM emp WHERE dept = d.id)"))
                .containsExactly(row("empty"));
    }

    @Test
    void compoundQueries_deduplicateAndSort() {
        assertThat(rows("SELECT dept FROM emp UNION SELECT id FROM dept"))
                .containsExactly(row((Object) null), row(1L), row(2L), row(3L));
        assertThat(rows("SELECT id FROM dept EXCEPT SELECT dept FROM emp")).containsExactly(row(3L));
        assertThat(rows("SELECT id FROM dept INTERSECT SELECT dept FROM emp ORDER BY 1 DESC"))
                .containsExactly(row(2L), row(1L));
        assertThat(rows("SELECT 1 UNION ALL SELECT 1")).hasSize(2);
    }

    @Test
    void views_andDerivedTables() {
        db.execute("CREATE VIEW rich AS SELECT name, salary FROM emp WHERE salary >= 90");

        assertThat(rows("SELECT name FROM rich ORDER BY salary")).containsExactly(row("cid"), row("ann"));
        assertThat(rows("SELECT max(s) FROM (SELECT salary * 2 AS s FROM emp) AS doubled"))
                .containsExactly(row(200L));
        assertThatThrownBy(() -> db.execute("DELETE FROM rich")).hasMessageContaining("because it is a view");
    }

    @Test
    void nullLogic_isThreeValued() {
        assertThat(rows("SELECT NULL = NULL, NULL OR 1, NULL AND 0, NOT NULL, 1 IN (2, NULL), NULL IS NULL"))
                .containsExactly(row(null, 1L, 0L, null, null, 1L));
        assertThat(rows("SELECT count(*) FROM emp WHERE dept <> 1")).containsExactly(row(1L));
    }

    @Test
    void arithmetic_truncatesIntegerDivision_andDivisionByZeroIsNull() {
        assertThat(rows("SELECT 7 / 2, -7 / 2, 7 % 3, 7.0 / 2, 1 / 0, 9223372036854775807 + 1"))
                .containsExactly(row(3L, -3L, 1L, 3.5, null, 9.223372036854775807E18));
    }

    @Test
    void stringFunctions_likeAndCase() {
        assertThat(rows("SELECT upper(name), length(name), substr(name, 2), name || '!', "
                        + "CASE WHEN salary > 85 THEN 'high' ELSE 'low' END FROM emp WHERE name LIKE 'A%' OR name LIKE '_o_'"
                        + " ORDER BY id"))
                .containsExactly(row("ANN", 3L, "nn", "ann!", "high"), row("BOB", 3L, "ob", "bob!", "low"));
        assertThat(rows("SELECT coalesce(NULL, NULL, 3), nullif(2, 2), ifnull(NULL, 'x'), abs(-4), "
                        + "replace('aXbX', 'X', '-'), trim('  t  '), typeof(1.5), CAST('12abc' AS INTEGER)"))
                .containsExactly(row(3L, null, "x", 4L, "a-b-", "t", "real", 12L));
    }

    @Test
    void limitOffset_andOrderByOrdinalAndAlias() {
        assertThat(rows("SELECT name AS n FROM emp ORDER BY n DESC LIMIT 2 OFFSET 1"))
                .containsExactly(row("cid"), row("bob"));
        assertThat(rows("SELECT name, salary FROM emp ORDER BY 2 LIMIT ?", 1)).containsExactly(row("dee", 70L));
    }

    @Test
    void aggregates_overNoRows() {
        assertThat(rows("SELECT count(*), sum(salary), total(salary), avg(salary), max(name) FROM emp WHERE id > 99"))
                .containsExactly(row(0L, null, 0.0, null, null));
    }

    @Test
    void groupConcat_withDistinctAndSeparator() {
        assertThat(rows("SELECT group_concat(dept), group_concat(name, ';') FROM emp"))
                .containsExactly(row("1,1,2", "ann;bob;cid;dee"));
        assertThat(rows("SELECT group_concat(DISTINCT dept) FROM emp")).containsExactly(row("1,2"));
    }

    @Test
    void unknownColumn_andAmbiguousColumn_areNamed() {
        assertThatThrownBy(() -> db.query("SELECT agee FROM emp"))
                .hasMessageContaining("no such column: agee")
                .hasMessageContaining("emp(id, name, dept, salary)");
        assertThatThrownBy(() -> db.query("SELECT id FROM emp, dept"))
                .hasMessageContaining("ambiguous column name: id");
    }

    @Test
    void misplacedAggregate_isRejected() {
        assertThatThrownBy(() -> db.query("SELECT * FROM emp WHERE count(*) > 1"))
                .hasMessageContaining("misuse of aggregate function count(*)");
    }
}
