package dev.keel.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.keel.scheduler.manifest.Manifests;
import dev.keel.scheduler.manifest.ScheduleReport;
import dev.keel.scheduler.manifest.SchedulerConfiguration;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of {@code k8s-scenarios} (what kube-scheduler does with a small cluster) through the same path as
 * {@code keel schedule --explain}: manifests read from files, profile overrides as a KubeSchedulerConfiguration, the
 * report in the scenarios' shape, compared field by field with {@code expected.yaml}, in current and legacy wording.
 */
final class ScenarioTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> scenarios() throws IOException, URISyntaxException {
        Path root = Path.of(ScenarioTest.class.getResource("/k8s-scenarios").toURI());
        try (Stream<Path> folders = Files.list(root)) {
            List<Path> list = folders.filter(Files::isDirectory).sorted().toList();
            assertThat(list).hasSizeGreaterThanOrEqualTo(12);
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario_throughTheCliPath_matchesExpectedYaml(Path folder) throws IOException {
        JsonNode expectedFile = YAML.readTree(Files.readString(folder.resolve("expected.yaml")));
        JsonNode expect = expectedFile.path("expect");
        JsonNode current = run(folder, expectedFile, false);
        JsonNode legacy = run(folder, expectedFile, true);

        assertThat(current.path("result").asText())
                .isEqualTo(expect.path("result").asText());
        if (expect.has("node")) {
            assertThat(current.path("node").asText())
                    .isEqualTo(expect.path("node").asText());
        }
        if (expect.has("nominatedNodeName")) {
            assertThat(current.path("nominatedNodeName").asText())
                    .isEqualTo(expect.path("nominatedNodeName").asText());
        }
        if (expect.has("victims")) {
            assertThat(current.path("victims")).isEqualTo(expect.path("victims"));
        }
        if (expect.has("message")) {
            assertThat(current.path("message").asText())
                    .isEqualTo(expect.path("message").asText());
        }
        if (expect.has("legacyMessage")) {
            assertThat(legacy.path("message").asText())
                    .isEqualTo(expect.path("legacyMessage").asText());
        }
        if (expect.has("feasibleNodes")) {
            assertThat(current.path("feasibleNodes")).isEqualTo(expect.path("feasibleNodes"));
        }
        assertFilterStatuses(
                expect.path("filterStatuses"), current.path("filterStatuses"), legacy.path("filterStatuses"));
        JsonNode scores = expect.path("rawScores");
        for (Iterator<String> plugins = scores.fieldNames(); plugins.hasNext(); ) {
            String plugin = plugins.next();
            assertThat(current.path("rawScores").path(plugin))
                    .as("rawScores of %s", plugin)
                    .isEqualTo(scores.path(plugin));
        }
        JsonNode totals = expect.path("weightedTotalsExcludingEqualPlugins");
        if (!totals.isMissingNode()) {
            assertTotalsDifferAsExpected(totals, current.path("totalScores"));
        }
    }

    /** Plugins that score every node alike are left out of the scenario's totals: only differences must agree. */
    private static void assertTotalsDifferAsExpected(JsonNode expected, JsonNode actual) {
        List<String> nodes = new ArrayList<>();
        expected.fieldNames().forEachRemaining(nodes::add);
        long expectedGap = expected.path(nodes.get(0)).asLong()
                - expected.path(nodes.get(1)).asLong();
        long actualGap =
                actual.path(nodes.get(0)).asLong() - actual.path(nodes.get(1)).asLong();
        assertThat(actualGap).as("total score difference %s", nodes).isEqualTo(expectedGap);
    }

    private static void assertFilterStatuses(JsonNode expected, JsonNode current, JsonNode legacy) {
        if (expected.isMissingNode()) {
            assertThat(current.isMissingNode())
                    .as("no node should be filtered out, got %s", current)
                    .isTrue();
            return;
        }
        List<String> expectedNodes = new ArrayList<>();
        expected.fieldNames().forEachRemaining(expectedNodes::add);
        List<String> actualNodes = new ArrayList<>();
        current.fieldNames().forEachRemaining(actualNodes::add);
        assertThat(actualNodes).containsExactlyInAnyOrderElementsOf(expectedNodes);
        for (String node : expectedNodes) {
            JsonNode want = expected.path(node);
            JsonNode got = current.path(node);
            assertThat(got.path("plugin").asText())
                    .as("%s plugin", node)
                    .isEqualTo(want.path("plugin").asText());
            assertThat(got.path("code").asText())
                    .as("%s code", node)
                    .isEqualTo(want.path("code").asText());
            assertThat(got.path("reasons")).as("%s reasons", node).isEqualTo(want.path("reasons"));
            if (want.has("legacyReasons")) {
                assertThat(legacy.path(node).path("reasons"))
                        .as("%s legacy reasons", node)
                        .isEqualTo(want.path("legacyReasons"));
            }
            if (want.has("insufficient")) {
                assertThat(got.path("insufficient")).as("%s insufficient", node).isEqualTo(want.path("insufficient"));
            }
        }
    }

    private static JsonNode run(Path folder, JsonNode expectedFile, boolean legacy) throws IOException {
        SchedulerConfiguration configuration = SchedulerConfiguration.defaults();
        JsonNode overrides = expectedFile.path("profileOverrides");
        if (!overrides.isMissingNode()) {
            Map<String, Object> args = new java.util.LinkedHashMap<>();
            overrides
                    .fields()
                    .forEachRemaining(entry -> args.put(
                            entry.getKey().replaceFirst("Args$", ""),
                            JSON.convertValue(entry.getValue(), Object.class)));
            configuration = SchedulerConfiguration.read(SchedulerConfiguration.withPluginArgs(args), "overrides");
        }
        ScheduleReport report = ScheduleReport.run(
                Manifests.readNodes(Files.readString(folder.resolve("nodes.yaml")), "nodes.yaml"),
                Manifests.readPods(Files.readString(folder.resolve("existing-pods.yaml")), "existing-pods.yaml"),
                Manifests.readPods(Files.readString(folder.resolve("pod.yaml")), "pod.yaml"),
                configuration,
                true,
                legacy);
        assertThat(report.pods()).hasSize(1);
        return JSON.readTree(report.toJson()).get(0);
    }
}
