package dev.keel.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.sql.value.Numbers;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden {@code .sql} scripts in {@code src/test/resources/golden}: each statement (ending with {@code ;} at the end
 * of a line) may be followed by {@code -- expect:} and one {@code -- a|b|c} line per row, {@code -- count: N} (rows
 * changed), or {@code -- error: SQLSTATE message-fragment}; a statement with none must simply succeed.
 */
final class GoldenScriptTest {

    @TestFactory
    Stream<DynamicTest> scripts() throws IOException, URISyntaxException {
        URL root = GoldenScriptTest.class.getResource("/golden");
        assertThat(root).isNotNull();
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(root.toURI()))) {
            files = list.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }

    private record Step(int line, String sql, List<String> directives) {}

    private static List<Step> steps(List<String> lines) {
        List<Step> steps = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (sql.isEmpty() && (line.isBlank() || line.startsWith("--"))) {
                if (!steps.isEmpty() && line.startsWith("-- ")) {
                    steps.getLast().directives().add(line.substring(3));
                }
                continue;
            }
            if (sql.isEmpty()) {
                start = i + 1;
            }
            sql.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                steps.add(new Step(start, sql.toString().strip(), new ArrayList<>()));
                sql.setLength(0);
            }
        }
        return steps;
    }

    private static void run(Path file) throws IOException {
        SQLEngine db = SQLEngine.inMemory();
        List<String> failures = new ArrayList<>();
        for (Step step : steps(Files.readAllLines(file))) {
            String problem = check(db, step);
            if (problem != null) {
                failures.add("line " + step.line() + ": " + problem + "\n    " + step.sql());
            }
        }
        assertThat(failures).as(() -> String.join("\n", failures)).isEmpty();
    }

    private static String check(SQLEngine db, Step step) {
        List<String> directives = step.directives();
        String first = directives.isEmpty() ? "" : directives.getFirst();
        QueryResult result;
        try {
            result = db.executeScript(step.sql()).getLast();
        } catch (SqlException e) {
            if (!first.startsWith("error: ")) {
                return "failed: " + e.sqlState() + " " + e.getMessage();
            }
            String[] expected = first.substring("error: ".length()).split(" ", 2);
            boolean matches = e.sqlState().equals(expected[0])
                    && (expected.length < 2 || e.getMessage().contains(expected[1]));
            return matches
                    ? null
                    : "expected error " + first.substring(7) + ", got " + e.sqlState() + " " + e.getMessage();
        }
        if (first.startsWith("error: ")) {
            return "expected " + first + ", but it succeeded";
        }
        if (first.startsWith("count: ")) {
            long expected = Long.parseLong(first.substring("count: ".length()));
            return result.updateCount() == expected
                    ? null
                    : "expected count " + expected + ", got " + result.updateCount();
        }
        if (first.equals("expect:")) {
            List<String> rows = result.rows().stream()
                    .map(r -> r.values().stream()
                            .map(v -> v == null ? "NULL" : Numbers.toText(v))
                            .collect(Collectors.joining("|")))
                    .toList();
            List<String> expected = directives.subList(1, directives.size());
            return rows.equals(expected) ? null : "expected rows " + expected + ", got " + rows;
        }
        return null;
    }
}
