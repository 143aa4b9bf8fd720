package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every k8s scenario through the real {@code keel schedule --explain --output json} (profile overrides written as a
 * --config file): result, node, nominated node, victims, message and legacy message as in {@code expected.yaml}. The
 * scheduler module's ScenarioTest compares every other field on the same path below picocli.
 */
final class ScheduleScenariosCommandTest {

    private static final Path SCENARIOS =
            Path.of(System.getProperty("keel.root", ".."), "scheduler/src/test/resources/k8s-scenarios");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> folders = Files.list(SCENARIOS)) {
            return folders.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    private static String keel(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit =
                KeelCommand.run(SystemCatalog.landed(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void schedule_scenario_printsWhatKubeSchedulerDoes(Path folder, @TempDir Path dir) throws IOException {
        JsonNode expectedFile = YAML.readTree(folder.resolve("expected.yaml").toFile());
        JsonNode expect = expectedFile.path("expect");
        List<String> args = new ArrayList<>(List.of(
                "schedule",
                "--nodes",
                folder.resolve("nodes.yaml").toString(),
                "--existing",
                folder.resolve("existing-pods.yaml").toString(),
                "--pending",
                folder.resolve("pod.yaml").toString(),
                "--explain",
                "--output",
                "json"));
        JsonNode overrides = expectedFile.path("profileOverrides");
        if (!overrides.isMissingNode()) {
            StringBuilder config = new StringBuilder("apiVersion: kubescheduler.config.k8s.io/v1\n"
                    + "kind: KubeSchedulerConfiguration\nprofiles:\n- pluginConfig:\n");
            for (var entry : overrides.properties()) {
                config.append("  - name: ")
                        .append(entry.getKey().replaceFirst("Args$", ""))
                        .append("\n    args: ");
                config.append(JSON.writeValueAsString(entry.getValue())).append('\n');
            }
            Path file = dir.resolve("config.yaml");
            Files.writeString(file, config.toString());
            args.addAll(List.of("--config", file.toString()));
        }

        JsonNode current = JSON.readTree(keel(args.toArray(String[]::new))).get(0);
        args.add("--legacy-messages");
        JsonNode legacy = JSON.readTree(keel(args.toArray(String[]::new))).get(0);

        assertThat(current.path("result").asText())
                .isEqualTo(expect.path("result").asText());
        for (String field : List.of("node", "nominatedNodeName", "message")) {
            if (expect.has(field)) {
                assertThat(current.path(field).asText())
                        .as(field)
                        .isEqualTo(expect.path(field).asText());
            }
        }
        if (expect.has("victims")) {
            assertThat(current.path("victims")).isEqualTo(expect.path("victims"));
        }
        if (expect.has("legacyMessage")) {
            assertThat(legacy.path("message").asText())
                    .isEqualTo(expect.path("legacyMessage").asText());
        }
    }
}
