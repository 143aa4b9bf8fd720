package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keel schedule} on the k8s scenarios' files, every output format, and bad input; and the demo. */
final class ScheduleCommandTest {

    private static final Path SCENARIOS =
            Path.of(System.getProperty("keel.root", ".."), "scheduler/src/test/resources/k8s-scenarios");

    private record Run(int exitCode, String out, String err) {}

    private static Run keel(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit =
                KeelCommand.run(SystemCatalog.landed(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String[] scenario(String name, String... more) {
        Path folder = SCENARIOS.resolve(name);
        String[] base = {
            "schedule",
            "--nodes",
            folder.resolve("nodes.yaml").toString(),
            "--existing",
            folder.resolve("existing-pods.yaml").toString(),
            "--pending",
            folder.resolve("pod.yaml").toString()
        };
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void schedule_explainYaml_printsStatusesAndBothScoresOfNormalizingPlugins() {
        Run run = keel(scenario("13-taint-prefer-noschedule-score", "--explain"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("result: Scheduled", "node: nodeA", "TaintToleration(before normalize):", "nodeC: 2")
                .contains("TaintToleration(normalized):", "nodeB: 50");
    }

    @Test
    void schedule_unschedulable_printsCurrentOrLegacyMessage() {
        Run current = keel(scenario("10-taint-untolerated", "--output", "json"));
        Run legacy = keel(scenario("10-taint-untolerated", "--legacy-messages", "--output", "json"));

        assertThat(current.out())
                .contains("\"message\" : \"0/1 nodes are available: 1 node(s) had untolerated taint(s). preemption:"
                        + " 0/1 nodes are available: 1 Preemption is not helpful for scheduling.\"");
        assertThat(legacy.out()).contains("1 node(s) had untolerated taint {dedicated: user1}.", "scheduling..\"");
    }

    @Test
    void schedule_configFile_changesTheScoringStrategy(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                apiVersion: kubescheduler.config.k8s.io/v1
                kind: KubeSchedulerConfiguration
                profiles:
                - pluginConfig:
                  - name: NodeResourcesFit
                    args:
                      scoringStrategy:
                        type: MostAllocated
                """);

        Run run = keel(scenario("07-score-most-allocated", "--config", config.toString(), "--output", "table"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("POD", "default/p", "Scheduled", "node1");
    }

    @Test
    void schedule_writeBound_writesManifestsThatALaterRunReadsAsExisting(@TempDir Path dir) throws IOException {
        Path bound = dir.resolve("bound.yaml");
        Run first = keel(scenario("14-node-selector", "--write-bound", bound.toString()));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(Files.readString(bound)).contains("name: e1", "name: p", "nodeName: n1", "nodeName: n3");

        Path folder = SCENARIOS.resolve("14-node-selector");
        Run second = keel(
                "schedule",
                "--nodes",
                folder.resolve("nodes.yaml").toString(),
                "--existing",
                bound.toString(),
                "--pending",
                folder.resolve("pod.yaml").toString(),
                "--output",
                "table");
        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.err()).contains("pod default/p (uid uid-p) is already bound");
    }

    @Test
    void schedule_pdbs_steerPreemptionAwayFromAGuardedPod(@TempDir Path dir) throws IOException {
        String node = """
                apiVersion: v1
                kind: Node
                metadata: {name: NAME}
                status:
                  allocatable: {cpu: "1", memory: 1Gi, pods: "10"}
                ---
                """;
        Files.writeString(dir.resolve("nodes.yaml"), node.replace("NAME", "n1") + node.replace("NAME", "n2"));
        String running = """
                apiVersion: v1
                kind: Pod
                metadata: {name: NAME, labels: {app: APP}}
                spec:
                  priority: PRIORITY
                  nodeName: NODE
                  containers:
                  - name: c
                    resources: {requests: {cpu: "1"}}
                ---
                """;
        Files.writeString(
                dir.resolve("existing.yaml"),
                running.replace("NAME", "guarded")
                                .replace("APP", "db")
                                .replace("PRIORITY", "1")
                                .replace("NODE", "n1")
                        + running.replace("NAME", "plain")
                                .replace("APP", "web")
                                .replace("PRIORITY", "5")
                                .replace("NODE", "n2"));
        Files.writeString(dir.resolve("pod.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata: {name: high}
                spec:
                  priority: 100
                  containers:
                  - name: c
                    resources: {requests: {cpu: 500m}}
                """);
        Files.writeString(dir.resolve("pdbs.yaml"), """
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: db}
                spec:
                  selector: {matchLabels: {app: db}}
                status: {disruptionsAllowed: 0}
                """);
        String[] base = {
            "schedule",
            "--nodes",
            dir.resolve("nodes.yaml").toString(),
            "--existing",
            dir.resolve("existing.yaml").toString(),
            "--pending",
            dir.resolve("pod.yaml").toString()
        };

        Run without = keel(base);
        Run with = keel(java.util.stream.Stream.concat(
                        java.util.Arrays.stream(base),
                        java.util.stream.Stream.of(
                                "--pdbs", dir.resolve("pdbs.yaml").toString()))
                .toArray(String[]::new));

        assertThat(without.out()).as(without.err()).contains("nominatedNodeName: n1", "- guarded");
        assertThat(with.out()).as(with.err()).contains("nominatedNodeName: n2", "- plain");
    }

    @Test
    void schedule_badInput_exitsTwoNamingTheProblem(@TempDir Path dir) throws IOException {
        Run missing = keel("schedule", "--nodes", dir.resolve("none.yaml").toString(), "--pending", "x.yaml");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--nodes " + dir.resolve("none.yaml") + ": no such file");

        Path broken = dir.resolve("nodes.yaml");
        Files.writeString(
                broken,
                "apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\nstatus:\n  allocatable:\n" + "    cpu: lots\n");
        Run bad = keel("schedule", "--nodes", broken.toString(), "--pending", broken.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err())
                .contains(broken + " document 1 (Node n1): status.allocatable.cpu: 'lots' is not a quantity");

        Run format = keel(scenario("01-fit-insufficient-cpu", "--output", "xml"));
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("'xml' is not an output format (expected: yaml, json or table)");
    }

    @Test
    void demo_scheduler_showsSeedFailureAndPreemption() {
        Run run = keel("demo", "scheduler");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("scheduled: [default/web-server -> node-1]")
                .contains("too-big    Unschedulable: 0/3 nodes are available:")
                .contains("critical   Nominated node-a, evicting [default/batch-0]")
                .contains("critical   Scheduled on node-a");
    }
}
