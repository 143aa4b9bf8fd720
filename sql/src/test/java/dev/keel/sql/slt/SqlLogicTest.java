package dev.keel.sql.slt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code .test} file under {@code src/test/resources/sqllogictest} (SQLite's corpus, see its COPYRIGHT.md) runs
 * as engine {@code sqlite} and must match every record.
 */
final class SqlLogicTest {

    /**
     * Records where keel does what SQLite does and the file disagrees with both, by file and line. Each must still
     * fail, so the list cannot outlive the divergence.
     */
    private static final Map<String, Map<Integer, String>> SQLITE_DIVERGENCES = Map.of(
            "evidence/slt_lang_aggfunc.test",
            Map.of(
                    480,
                    "sum() of 1<<63 twice overflows: SQLite 3.40 raises 'integer overflow' as keel does, the file"
                            + " expects no rows (see the corpus README)"));

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException, URISyntaxException {
        URL root = SqlLogicTest.class.getResource("/sqllogictest");
        assertThat(root).as("test resources /sqllogictest").isNotNull();
        Path dir = Path.of(root.toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".test")).sorted().toList();
        }
        assertThat(files).as("sqllogictest files").isNotEmpty();
        return files.stream().map(file -> {
            String name = dir.relativize(file).toString().replace('\\', '/');
            return DynamicTest.dynamicTest(name, () -> runFile(file, SQLITE_DIVERGENCES.getOrDefault(name, Map.of())));
        });
    }

    private static void runFile(Path file, Map<Integer, String> divergences) throws IOException {
        List<SltRecord> records = new SltParser("sqlite").parse(Files.readString(file));
        SltRunner.Outcome outcome = new SltRunner().run(records);
        List<SltRunner.Failure> unexpected = outcome.failures().stream()
                .filter(f -> !divergences.containsKey(f.line()))
                .toList();
        assertThat(outcome.failures().stream().map(SltRunner.Failure::line).toList())
                .as("records listed as SQLite divergences still diverge")
                .containsAll(divergences.keySet());
        assertThat(unexpected)
                .as(() -> unexpected.size() + " of " + (outcome.statements() + outcome.queries())
                        + " records failed in " + file.getFileName() + ":\n"
                        + unexpected.stream().limit(15).map(Object::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }
}
