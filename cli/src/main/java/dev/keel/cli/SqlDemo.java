package dev.keel.cli;

import dev.keel.sql.Column;
import dev.keel.sql.QueryResult;
import dev.keel.sql.Row;
import dev.keel.sql.SQLEngine;
import dev.keel.sql.SqlException;
import dev.keel.sql.Table;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** The SQL engine's tour: the seed example, then SQL with a join, an aggregate, an error and EXPLAIN. */
final class SqlDemo {

    private final PrintWriter out;

    SqlDemo(PrintWriter out) {
        this.out = out;
    }

    void run() {
        SQLEngine db = SQLEngine.inMemory();
        out.println("The seed example: a users table through the Java API.");
        Table users = db.createTable(
                "users", List.of(Column.integer("id").primaryKey(), Column.text("name"), Column.integer("age")));
        users.insert(Map.of("id", 1, "name", "Alice", "age", 30));
        users.insert(Map.of("id", 2, "name", "Bob", "age", 22));
        users.insert(Map.of("id", 3, "name", "Carol", "age", 41));
        List<Row> results = users.select(row -> row.getInt("age") > 25);
        out.println("  users.select(age > 25): "
                + results.stream().map(r -> r.getString("name")).toList());
        QueryResult r = db.query("SELECT name FROM users WHERE age > ? ORDER BY name", 25);
        out.println("  SELECT name FROM users WHERE age > 25 ORDER BY name:");
        indent(r.format());

        out.println();
        out.println("SQL: an orders table with an index, a join, GROUP BY, and EXPLAIN.");
        db.executeScript("""
                CREATE TABLE orders(id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, amount INTEGER);
                CREATE INDEX orders_user ON orders(user_id);
                INSERT INTO orders VALUES (10, 1, 250), (11, 1, 100), (12, 3, 75), (13, 2, 40), (14, 3, 300);
                """);
        String sql = "SELECT u.name, count(*) AS orders, sum(o.amount) AS total FROM users u JOIN orders o "
                + "ON o.user_id = u.id GROUP BY u.name HAVING total > 100 ORDER BY total DESC";
        show(db, sql);
        show(db, "SELECT id, amount FROM orders WHERE user_id = 3");
        out.println("  EXPLAIN SELECT id, amount FROM orders WHERE user_id = 3:");
        db.explain("SELECT id, amount FROM orders WHERE user_id = 3").forEach(line -> out.println("    " + line));
        out.println("  EXPLAIN of the join:");
        db.explain(sql).forEach(line -> out.println("    " + line));

        out.println();
        out.println("Errors name what is wrong, and a failed statement leaves nothing behind:");
        tryStatement(db, "INSERT INTO orders VALUES (15, 2, 10), (10, 2, 99)");
        tryStatement(db, "SELECT nme FROM users");
        tryStatement(db, "SELECT * FROM users WHERE");
        show(db, "SELECT count(*) FROM orders");
        out.println("Try: keel sql   (then .help), or keel sql -c \"SELECT 1 + 1;\"");
    }

    private void show(SQLEngine db, String sql) {
        out.println("  " + sql + ":");
        indent(db.query(sql).format());
    }

    private void tryStatement(SQLEngine db, String sql) {
        try {
            db.execute(sql);
            out.println("  " + sql + " -> ok");
        } catch (SqlException e) {
            out.println("  " + sql);
            out.println("    -> " + e.sqlState() + " " + e.getMessage());
        }
    }

    private void indent(String text) {
        text.lines().forEach(line -> out.println("    " + line));
    }
}
