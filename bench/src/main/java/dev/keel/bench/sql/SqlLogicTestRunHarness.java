package dev.keel.bench.sql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The whole sqllogictest sample run on keel and on SQLite (sqlite-jdbc), both in memory through JDBC: every record of
 * every {@code .test} file as engine {@code sqlite} (skipif/onlyif honoured, {@code halt} obeyed), each file on a
 * fresh database, every query's values read with {@code getString}. Only the time is compared here; correctness is
 * the unit test's job ({@code SqlLogicTest}). Each engine runs the corpus {@code rounds} times (default 5, the first
 * counted as warm-up); the harness prints the best and median of the rest and the ratio.
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.sql.SqlLogicTestRunHarness [corpus-dir] [rounds]} (default corpus
 * {@code sql/src/test/resources/sqllogictest}).
 */
public final class SqlLogicTestRunHarness {

    private SqlLogicTestRunHarness() {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "sql/src/test/resources/sqllogictest");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".test")).sorted().toList();
        }
        List<List<String>> texts = new ArrayList<>();
        for (Path f : files) {
            texts.add(Files.readAllLines(f));
        }
        System.out.println(
                "JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");
        System.out.println("corpus: " + corpus + " (" + files.size() + " files), rounds: " + rounds);
        double keel = run("keel", texts, rounds);
        double sqlite = run("sqlite", texts, rounds);
        System.out.printf(
                Locale.ROOT,
                "median: keel %.0f ms, sqlite %.0f ms, keel/sqlite time %.2fx%n",
                keel,
                sqlite,
                keel / sqlite);
    }

    private static double run(String engine, List<List<String>> files, int rounds) throws SQLException {
        double[] millis = new double[rounds - 1];
        int[] counts = new int[3];
        for (int round = 0; round < rounds; round++) {
            Arrays.fill(counts, 0);
            long start = System.nanoTime();
            for (List<String> lines : files) {
                try (Connection c = engine.equals("keel")
                        ? DriverManager.getConnection("jdbc:keel:mem:")
                        : DriverManager.getConnection("jdbc:sqlite::memory:")) {
                    runFile(c, lines, counts);
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (round > 0) {
                millis[round - 1] = elapsed;
            }
        }
        Arrays.sort(millis);
        System.out.printf(
                Locale.ROOT,
                "%-6s best %.0f ms, median %.0f ms over %d rounds (%d statements, %d queries," + " %d errors each)%n",
                engine,
                millis[0],
                millis[millis.length / 2],
                millis.length,
                counts[0],
                counts[1],
                counts[2]);
        return millis[millis.length / 2];
    }

    private static void runFile(Connection c, List<String> lines, int[] counts) {
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                i++;
                continue;
            }
            boolean skip = false;
            while (line.startsWith("skipif ") || line.startsWith("onlyif ")) {
                boolean sqlite = line.substring(7).strip().startsWith("sqlite");
                skip |= line.startsWith("skipif ") == sqlite;
                line = lines.get(++i).strip();
            }
            if (line.equals("halt")) {
                if (!skip) {
                    return;
                }
                i++;
                continue;
            }
            boolean query = line.startsWith("query");
            boolean statement = line.startsWith("statement");
            i++;
            StringBuilder sql = new StringBuilder();
            while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).startsWith("----")) {
                sql.append(lines.get(i)).append('\n');
                i++;
            }
            while (i < lines.size() && !lines.get(i).isBlank()) {
                i++;
            }
            if (skip || !(query || statement)) {
                continue;
            }
            try (Statement s = c.createStatement()) {
                if (query) {
                    counts[1]++;
                    try (ResultSet rs = s.executeQuery(sql.toString())) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int col = 1; col <= n; col++) {
                                rs.getString(col);
                            }
                        }
                    }
                } else {
                    for (String part : sql.toString().split(";\\s*\\n")) {
                        if (!part.isBlank()) {
                            counts[0]++;
                            s.execute(part);
                        }
                    }
                }
            } catch (SQLException e) {
                counts[2]++;
            }
        }
    }
}
