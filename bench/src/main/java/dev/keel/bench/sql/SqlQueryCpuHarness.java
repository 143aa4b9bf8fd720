package dev.keel.bench.sql;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@link SqlQueryBenchmark}'s query shapes, plus an index-lookup join, timed by the CPU time of the thread that runs
 * them ({@code ThreadMXBean}), on keel, H2 and SQLite in the same process, the engines interleaved round by round.
 *
 * <p>Why CPU time: on a machine shared with other builds (load averages of 20 on 2 cores) JMH's wall-clock scores
 * swing by 10x between iterations; the time the query thread itself spent on a CPU is far steadier, and a ratio of
 * two engines measured in alternation shares whatever the machine did meanwhile (caches, frequency). It is not a
 * substitute for JMH on a quiet machine, which the docs also quote.
 *
 * <p>Shapes: point select by primary key; range scan of about 100 rows on an index; full scan with filter and GROUP
 * BY; customers x orders equi-join for one region; and {@code lookupJoin}: the orders with one amount (about two)
 * joined to their customers, where keel's planner looks customers up by primary key per order (index nested loop)
 * instead of hashing all 10,000.
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.sql.SqlQueryCpuHarness [rows] [rounds] [shape,...]} (defaults
 * 100000, 7 and every shape; the first round is warm-up). Prints the median CPU microseconds per query and the ratios peer / keel (above 1 means
 * keel used less CPU).
 */
public final class SqlQueryCpuHarness {

    private static final List<String> ENGINES = List.of("keel", "h2", "sqlite");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SqlQueryCpuHarness() {}

    /** One query shape: its SQL, how to bind fresh parameters, and how many runs make one measurement. */
    private record Shape(String name, String sql, int runs, Binder binder) {}

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement, SplittableRandom random, int rows) throws SQLException;
    }

    private static List<Shape> shapes() {
        return List.of(
                new Shape(
                        "pointSelectByPrimaryKey",
                        "SELECT amount, category FROM orders WHERE id = ?",
                        20_000,
                        (s, r, rows) -> s.setInt(1, r.nextInt(rows))),
                new Shape(
                        "rangeScanOnIndex",
                        "SELECT id, amount FROM orders WHERE amount BETWEEN ? AND ?",
                        5_000,
                        (s, r, rows) -> {
                            int low = r.nextInt(99_900);
                            s.setInt(1, low);
                            s.setInt(2, low + 99);
                        }),
                new Shape(
                        "fullScanFilterGroupBy",
                        "SELECT category, count(*), sum(amount) FROM orders WHERE amount > ? GROUP BY category",
                        20,
                        (s, r, rows) -> s.setInt(1, 40_000 + r.nextInt(20_000))),
                new Shape(
                        "equiJoin",
                        "SELECT count(*), sum(o.amount) FROM customers c JOIN orders o ON o.customer = c.id"
                                + " WHERE c.region = ?",
                        20,
                        (s, r, rows) -> s.setInt(1, r.nextInt(Engines.REGIONS))),
                new Shape(
                        "lookupJoin",
                        "SELECT o.id, c.region FROM orders o JOIN customers c ON c.id = o.customer WHERE o.amount = ?",
                        5_000,
                        (s, r, rows) -> s.setInt(1, r.nextInt(100_000))));
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        System.out.println(
                "JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, rows " + rows
                        + ", rounds " + rounds + " (first is warm-up)");
        List<String> only = args.length > 2 ? List.of(args[2].split(",")) : List.of();
        List<Shape> shapes = shapes().stream()
                .filter(shape -> only.isEmpty() || only.contains(shape.name()))
                .toList();
        if (shapes.isEmpty()) {
            throw new IllegalArgumentException("shapes: " + args[2] + " (expected some of: "
                    + String.join(", ", shapes().stream().map(Shape::name).toList()) + ")");
        }
        Map<String, Connection> connections = new LinkedHashMap<>();
        Map<String, List<PreparedStatement>> statements = new LinkedHashMap<>();
        for (String engine : ENGINES) {
            Connection c = Engines.open(engine);
            Engines.createSchema(c);
            Engines.fill(c, rows, rows / 10);
            connections.put(engine, c);
            List<PreparedStatement> prepared = new ArrayList<>();
            for (Shape shape : shapes) {
                prepared.add(c.prepareStatement(shape.sql()));
            }
            statements.put(engine, prepared);
        }
        double[][][] micros = new double[shapes.size()][ENGINES.size()][rounds - 1];
        for (int round = 0; round < rounds; round++) {
            for (int q = 0; q < shapes.size(); q++) {
                for (int e = 0; e < ENGINES.size(); e++) {
                    Shape shape = shapes.get(q);
                    double perQuery =
                            measure(shape, statements.get(ENGINES.get(e)).get(q), rows, round);
                    if (round > 0) {
                        micros[q][e][round - 1] = perQuery;
                    }
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%-26s %12s %12s %12s %9s %9s%n",
                "query (CPU us/op)",
                "keel",
                "h2",
                "sqlite",
                "h2/keel",
                "sqlite/keel");
        for (int q = 0; q < shapes.size(); q++) {
            double keel = median(micros[q][0]);
            double h2 = median(micros[q][1]);
            double sqlite = median(micros[q][2]);
            System.out.printf(
                    Locale.ROOT,
                    "%-26s %12.2f %12.2f %12.2f %8.2fx %8.2fx%n",
                    shapes.get(q).name(),
                    keel,
                    h2,
                    sqlite,
                    h2 / keel,
                    sqlite / keel);
        }
        for (Connection c : connections.values()) {
            c.close();
        }
    }

    /** CPU microseconds per query over {@code shape.runs()} runs with fresh parameters, the rows read in full. */
    private static double measure(Shape shape, PreparedStatement statement, int rows, int round) throws SQLException {
        SplittableRandom random =
                new SplittableRandom(round * 31L + shape.name().hashCode());
        long sink = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < shape.runs(); i++) {
            shape.binder().bind(statement, random, rows);
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int c = 1; c <= columns; c++) {
                        sink += java.util.Objects.hashCode(rs.getObject(c));
                    }
                }
            }
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - start;
        if (sink == 42) {
            System.out.print(""); // keeps the results live
        }
        return cpu / 1000.0 / shape.runs();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
