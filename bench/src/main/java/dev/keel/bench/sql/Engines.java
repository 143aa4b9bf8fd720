package dev.keel.bench.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The three engines the SQL benchmarks compare, each in memory and reached the same way, through JDBC: keel
 * ({@code jdbc:keel:mem:}), H2 2.3 ({@code jdbc:h2:mem:}) and SQLite 3.51 (sqlite-jdbc, {@code jdbc:sqlite::memory:}).
 * Also the shared data set: {@code orders(id INTEGER PRIMARY KEY, customer INTEGER, amount INTEGER, category
 * VARCHAR(16))} with an index on {@code amount}, and {@code customers(id INTEGER PRIMARY KEY, region INTEGER)}, filled
 * from a fixed seed so every engine holds the same rows.
 */
final class Engines {

    static final int CATEGORIES = 20;
    static final int REGIONS = 10;

    private Engines() {}

    /** A new, empty in-memory database of engine {@code name} (keel, h2 or sqlite). */
    static Connection open(String name) throws SQLException {
        return switch (name) {
            case "keel" -> DriverManager.getConnection("jdbc:keel:mem:" + UUID.randomUUID());
            case "h2" -> DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            case "sqlite" -> DriverManager.getConnection("jdbc:sqlite::memory:");
            default -> throw new IllegalArgumentException("engine: " + name + " (expected: keel, h2 or sqlite)");
        };
    }

    /** Creates the tables (without rows). */
    static void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE orders(id INTEGER PRIMARY KEY, customer INTEGER, amount INTEGER, category VARCHAR(16))");
            s.execute("CREATE INDEX orders_amount ON orders(amount)");
            s.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, region INTEGER)");
        }
    }

    /** Inserts {@code orders} orders over {@code customers} customers in one transaction, in batches of 1,000. */
    static void fill(Connection c, int orders, int customers) throws SQLException {
        SplittableRandom random = new SplittableRandom(42);
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO customers VALUES (?, ?)")) {
            for (int i = 0; i < customers; i++) {
                insert.setInt(1, i);
                insert.setInt(2, i % REGIONS);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        insertOrders(c, orders, customers, random);
        c.commit();
        c.setAutoCommit(true);
    }

    /** Inserts orders 0..n-1 with the prepared statement in batches of 1,000 (the caller owns the transaction). */
    static void insertOrders(Connection c, int n, int customers, SplittableRandom random) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                insert.setInt(1, i);
                insert.setInt(2, random.nextInt(customers));
                insert.setInt(3, random.nextInt(100_000));
                insert.setString(4, "cat" + random.nextInt(CATEGORIES));
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
