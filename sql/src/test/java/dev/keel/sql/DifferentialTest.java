package dev.keel.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Random schemas, data and queries run against keel and against SQLite (sqlite-jdbc, in memory); the results must be
 * the same multiset of rows (the same list when the query has a total ORDER BY). Reals are compared to 12 significant
 * digits, since the two engines may sum in different orders.
 */
@ExtendWith(SeedExtension.class)
final class DifferentialTest {

    private static final String[] TYPES = {"INTEGER", "REAL", "TEXT"};

    @Test
    void randomQueries_matchSqlite(SeededRandom random) throws SQLException {
        for (int round = 0; round < 4; round++) {
            try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
                SQLEngine keel = SQLEngine.inMemory();
                RandomSchema schema = createSchema(random, keel, sqlite);
                for (int q = 0; q < 150; q++) {
                    String sql = new QueryGenerator(random, schema).query();
                    compare(keel, sqlite, sql);
                }
            }
        }
    }

    private static RandomSchema createSchema(SeededRandom random, SQLEngine keel, Connection sqlite)
            throws SQLException {
        int tableCount = 1 + random.nextInt(3);
        List<String> tables = new ArrayList<>();
        List<List<String>> columns = new ArrayList<>();
        List<List<String>> types = new ArrayList<>();
        List<String> script = new ArrayList<>();
        for (int t = 0; t < tableCount; t++) {
            String table = "t" + t;
            tables.add(table);
            List<String> names = new ArrayList<>();
            List<String> colTypes = new ArrayList<>();
            List<String> defs = new ArrayList<>();
            int width = 2 + random.nextInt(3);
            for (int c = 0; c < width; c++) {
                String type = c == 0 ? "INTEGER" : TYPES[random.nextInt(TYPES.length)];
                names.add("c" + c);
                colTypes.add(type);
                defs.add("c" + c + " " + type + (c == 0 && random.nextBoolean() ? " PRIMARY KEY" : ""));
            }
            columns.add(names);
            types.add(colTypes);
            script.add("CREATE TABLE " + table + "(" + String.join(", ", defs) + ")");
            if (random.nextBoolean()) {
                script.add("CREATE INDEX " + table + "_i ON " + table + "(c1)");
            }
            int rows = random.nextInt(30);
            for (int r = 0; r < rows; r++) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    values.add(
                            c == 0 && defs.get(0).contains("PRIMARY KEY")
                                    ? String.valueOf(r * 3 + random.nextInt(3))
                                    : literal(random, colTypes.get(c)));
                }
                script.add("INSERT INTO " + table + " VALUES (" + String.join(", ", values) + ")");
            }
        }
        try (Statement statement = sqlite.createStatement()) {
            for (String sql : script) {
                keel.execute(sql);
                statement.execute(sql);
            }
        }
        return new RandomSchema(tables, columns, types);
    }

    static String literal(SeededRandom random, String type) {
        if (random.nextInt(8) == 0) {
            return "NULL";
        }
        return switch (type) {
            case "INTEGER" -> String.valueOf(random.nextInt(21) - 5);
            case "REAL" -> String.valueOf(random.nextInt(200) / 4.0 - 10);
            default -> "'" + (char) ('a' + random.nextInt(5)) + (random.nextBoolean() ? "" : "x") + "'";
        };
    }

    private static void compare(SQLEngine keel, Connection sqlite, String sql) throws SQLException {
        List<String> expected = new ArrayList<>();
        String expectedError = null;
        try (Statement statement = sqlite.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(normalize(rs.getObject(i)));
                }
                expected.add(String.join("|", row));
            }
        } catch (SQLException e) {
            expectedError = e.getMessage();
        }
        List<String> actual = new ArrayList<>();
        String actualError = null;
        try {
            for (Row row : keel.query(sql)) {
                List<String> values = new ArrayList<>();
                for (Object v : row.values()) {
                    values.add(normalize(v));
                }
                actual.add(String.join("|", values));
            }
        } catch (SqlException e) {
            actualError = e.getMessage();
        }
        assertThat(actualError == null)
                .as("keel error: %s%nsqlite error: %s%nfor %s", actualError, expectedError, sql)
                .isEqualTo(expectedError == null);
        if (!sql.contains("ORDER BY")) {
            expected.sort(null);
            actual.sort(null);
        }
        assertThat(actual).as(sql).isEqualTo(expected);
    }

    private static String normalize(@Nullable Object v) {
        return switch (v) {
            case null -> "NULL";
            case Integer i -> Long.toString(i);
            case Long l -> Long.toString(l);
            case Double d -> {
                if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                    yield Long.toString(d.longValue()) + ".0";
                }
                yield new BigDecimal(d)
                        .round(new MathContext(12))
                        .stripTrailingZeros()
                        .toPlainString();
            }
            default -> v.toString();
        };
    }
}
