package dev.keel.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The plans EXPLAIN shows: index selection, pushdown, hash joins, join order, constant folding. */
final class PlannerTest {

    private final SQLEngine db = SQLEngine.inMemory();

    @BeforeEach
    void schema() {
        db.executeScript("""
                CREATE TABLE orders(id INTEGER PRIMARY KEY, customer INTEGER, amount INTEGER, note TEXT);
                CREATE INDEX orders_customer ON orders(customer);
                CREATE INDEX orders_amount ON orders(amount);
                CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT, country TEXT);
                """);
        StringBuilder sql = new StringBuilder("INSERT INTO orders VALUES ");
        for (int i = 1; i <= 2000; i++) {
            sql.append(i > 1 ? "," : "")
                    .append('(')
                    .append(i)
                    .append(',')
                    .append(i % 100)
                    .append(',')
                    .append(i * 7 % 1000)
                    .append(",'n")
                    .append(i)
                    .append("')");
        }
        db.execute(sql.toString());
        StringBuilder customers = new StringBuilder("INSERT INTO customers VALUES ");
        for (int i = 0; i < 100; i++) {
            customers
                    .append(i > 0 ? "," : "")
                    .append('(')
                    .append(i)
                    .append(",'c")
                    .append(i)
                    .append("','")
                    .append(i % 2 == 0 ? "NZ" : "FR")
                    .append("')");
        }
        db.execute(customers.toString());
    }

    @Test
    void equality_onIndexedColumn_searchesTheIndex() {
        assertThat(db.explain("SELECT * FROM orders WHERE customer = 7"))
                .anyMatch(l -> l.contains("SEARCH orders USING INDEX orders_customer (customer=7)"));
    }

    @Test
    void range_readingOnlyIndexedColumnsAndRowid_scansTheIndexAlone() {
        String covered = "SELECT id, amount FROM orders WHERE amount BETWEEN 10 AND 20 ORDER BY id";
        assertThat(db.explain(covered))
                .anyMatch(l ->
                        l.contains("SEARCH orders USING COVERING INDEX orders_amount (amount>=10 AND amount<=20)"));
        assertThat(rows(covered))
                .isEqualTo(rows("SELECT id, amount FROM orders WHERE +amount BETWEEN 10 AND 20 ORDER BY id"))
                .hasSize(22);
        assertThat(db.explain("SELECT id, note FROM orders WHERE amount BETWEEN 10 AND 20"))
                .anyMatch(l -> l.contains("SEARCH orders USING INDEX orders_amount"));
        String correlated = "SELECT id FROM orders o WHERE amount BETWEEN 10 AND 20"
                + " AND EXISTS (SELECT 1 FROM customers c WHERE c.name = o.note)";
        assertThat(db.explain(correlated)).anyMatch(l -> l.contains("SEARCH orders AS o USING INDEX orders_amount"));
        assertThat(rows("SELECT amount, rowid FROM orders WHERE amount > 990 LIMIT 3"))
                .isEqualTo(rows("SELECT amount, id FROM orders WHERE +amount > 990 ORDER BY amount, id LIMIT 3"));
    }

    @Test
    void update_throughIndexRange_changesTheStoredRows() {
        db.execute("UPDATE orders SET note = 'x' WHERE amount BETWEEN 10 AND 20");
        assertThat(rows("SELECT id, amount, note FROM orders WHERE note = 'x' ORDER BY id"))
                .isEqualTo(rows("SELECT id, amount, 'x' FROM orders WHERE +amount BETWEEN 10 AND 20 ORDER BY id"));
        db.execute("DELETE FROM orders WHERE amount BETWEEN 10 AND 20");
        assertThat(rows("SELECT count(*) FROM orders WHERE amount BETWEEN 10 AND 20 OR note = 'x'"))
                .containsExactly(List.of(0L));
    }

    @Test
    void equality_onIntegerPrimaryKey_searchesByRowid() {
        assertThat(db.explain("SELECT * FROM orders WHERE id = ?", 5))
                .anyMatch(l -> l.contains("SEARCH orders USING PRIMARY KEY (id=?1)"));
    }

    @Test
    void in_andRange_useTheIndex() {
        assertThat(db.explain("SELECT * FROM orders WHERE customer IN (1, 2, 3)"))
                .anyMatch(l -> l.contains("USING INDEX orders_customer (customer IN (1, 2, 3))"));
        assertThat(db.explain("SELECT * FROM orders WHERE amount BETWEEN 10 AND 20"))
                .anyMatch(l -> l.contains("USING INDEX orders_amount (amount>=10 AND amount<=20)"));
        assertThat(db.query("SELECT count(*) FROM orders WHERE amount BETWEEN 10 AND 20")
                        .rows()
                        .getFirst()
                        .get(0))
                .isEqualTo(db.query("SELECT count(*) FROM orders WHERE +amount BETWEEN 10 AND 20")
                        .rows()
                        .getFirst()
                        .get(0));
    }

    @Test
    void unaryPlus_onTheColumn_disablesTheIndex_asInSqlite() {
        assertThat(db.explain("SELECT * FROM orders WHERE +customer = 7")).anyMatch(l -> l.startsWith("  SCAN orders"));
    }

    @Test
    void constants_areFolded() {
        assertThat(db.explain("SELECT * FROM orders WHERE customer = 2 * 3 + 1"))
                .anyMatch(l -> l.contains("(customer=7)"));
    }

    @Test
    void equiJoin_withoutAnIndexOnTheJoinColumn_isAHashJoin_withFiltersPushedIntoTheScans() {
        db.execute("DROP INDEX orders_customer");
        List<String> plan = db.explain(
                "SELECT c.name, o.amount FROM orders o, customers c WHERE o.customer = c.id AND c.country = 'NZ'");

        assertThat(String.join("\n", plan))
                .contains("HASH JOIN ON ")
                .contains("SCAN customers AS c WHERE c.country = 'NZ'");
    }

    @Test
    void equiJoin_fewOuterRowsPerIndexedKey_looksUpTheIndexInsteadOfScanning() {
        String sql = "SELECT count(*) FROM customers c JOIN orders o ON o.customer = c.id WHERE c.country = 'NZ'";

        assertThat(plan(sql))
                .as("50 customers x 20 orders each (from the index's distinct count) beat scanning 2,000 orders")
                .contains("INDEX NESTED LOOP JOIN SEARCH orders AS o USING INDEX orders_customer (customer=c.id)");
        assertThat(first(sql)).isEqualTo(first("SELECT count(*) FROM orders WHERE customer % 2 = 0"));
    }

    @Test
    void joinOrder_startsFromTheMostSelectiveTable() {
        List<String> plan = db.explain("SELECT * FROM orders o JOIN customers c ON o.customer = c.id WHERE c.id = 3");

        assertThat(String.join("\n", plan))
                .as("one customer drives lookups into orders")
                .contains("INDEX NESTED LOOP JOIN SEARCH orders AS o USING INDEX orders_customer (customer=c.id)")
                .contains("SEARCH customers AS c USING PRIMARY KEY (id=3)");
    }

    @Test
    void indexNestedLoopJoin_fewOuterRows_looksUpByRowid_andFindsWhatAHashJoinFinds() {
        String sql = "SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer WHERE o.id IN (5, 9)";

        assertThat(plan(sql))
                .contains("INDEX NESTED LOOP JOIN SEARCH customers AS c USING PRIMARY KEY (id=o.customer)");
        List<List<Object>> expected = List.of(List.of(5L, "c5"), List.of(9L, "c9"));
        assertThat(db.query(sql + " ORDER BY o.id").rows().stream().map(Row::values))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void indexNestedLoopJoin_manyOuterRows_isNotChosen() {
        String sql = "SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer";

        assertThat(plan(sql)).contains("HASH JOIN").doesNotContain("INDEX NESTED LOOP");
    }

    @Test
    void indexNestedLoopLeftJoin_keepsOuterRowsWithoutMatches() {
        String sql = "SELECT c.id, count(o.id) FROM customers c LEFT JOIN orders o ON o.customer = c.id"
                + " AND o.amount > 995 WHERE c.id IN (1, 2, 3) GROUP BY c.id ORDER BY c.id";

        assertThat(plan(sql)).contains("INDEX NESTED LOOP LEFT JOIN SEARCH orders AS o");
        List<List<Object>> expected = new ArrayList<>();
        for (long k = 1; k <= 3; k++) {
            long n = 0;
            for (int i = 1; i <= 2000; i++) {
                if (i % 100 == k && i * 7 % 1000 > 995) {
                    n++;
                }
            }
            expected.add(List.of(k, n));
        }
        assertThat(expected)
                .as("some customer has no such order")
                .anyMatch(r -> r.get(1).equals(0L));
        assertThat(db.query(sql).rows().stream().map(Row::values)).containsExactlyElementsOf(expected);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void fortyTableChainJoin_finishes_asHashJoins() {
        StringBuilder script = new StringBuilder();
        for (int t = 0; t < 40; t++) {
            script.append("CREATE TABLE t").append(t).append("(a INTEGER, b INTEGER);");
            for (int r = 0; r < 10; r++) {
                script.append("INSERT INTO t")
                        .append(t)
                        .append(" VALUES (")
                        .append(r)
                        .append(',')
                        .append(r)
                        .append(");");
            }
        }
        db.executeScript(script.toString());
        List<String> from = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            from.add("t" + t);
            if (t > 0) {
                where.add("t" + (t - 1) + ".b = t" + t + ".a");
            }
        }
        String sql = "SELECT count(*) FROM " + String.join(", ", from) + " WHERE " + String.join(" AND ", where);

        assertThat(first(sql)).isEqualTo(10L);
        assertThat(db.explain(sql).stream().filter(l -> l.contains("HASH JOIN")))
                .hasSize(39);
    }

    @Test
    void hashJoin_buildsOnTheSmallerSide() {
        db.execute("DROP INDEX orders_customer");
        String sql = "SELECT count(*) FROM customers c JOIN orders o ON o.customer = c.id WHERE c.country = 'NZ'";

        assertThat(plan(sql)).contains("HASH JOIN ON (build left) c.id = o.customer");
        assertThat(first(sql)).isEqualTo(first("SELECT count(*) FROM orders WHERE customer % 2 = 0"));
    }

    @Test
    void cachedPlan_isReplanned_afterTheSchemaChanges() throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:keel:mem:");
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(a INTEGER, b TEXT)");
            s.execute("INSERT INTO t VALUES (1, 'one')");
            java.sql.PreparedStatement query = c.prepareStatement("SELECT * FROM t WHERE a = ?");
            query.setInt(1, 1);
            assertThat(columns(query)).isEqualTo(2);
            s.execute("DROP TABLE t");
            s.execute("CREATE TABLE t(x INTEGER, a INTEGER, z INTEGER)");
            s.execute("INSERT INTO t VALUES (7, 1, 9)");
            assertThat(columns(query)).isEqualTo(3);
        }
    }

    private static int columns(java.sql.PreparedStatement query) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = query.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getMetaData().getColumnCount();
        }
    }

    /** EXPLAIN's lines for {@code sql}, one string. */
    private String plan(String sql) {
        return String.join("\n", db.explain(sql));
    }

    /** The first value of the first row of {@code sql}. */
    private Object first(String sql) {
        return db.query(sql).rows().getFirst().get(0);
    }

    /** The rows of {@code sql}, each as its list of values. */
    private List<List<Object>> rows(String sql) {
        return db.query(sql).rows().stream().map(Row::values).toList();
    }
}
