package dev.keel.cli;

import dev.keel.scheduler.Node;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PodDisruptionBudget;
import dev.keel.scheduler.manifest.ManifestException;
import dev.keel.scheduler.manifest.ManifestWriter;
import dev.keel.scheduler.manifest.Manifests;
import dev.keel.scheduler.manifest.ScheduleReport;
import dev.keel.scheduler.manifest.SchedulerConfiguration;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keel schedule}: schedules pending pods onto nodes from real manifests, as kube-scheduler would, and prints
 * what happened to each pod.
 */
@Command(
        name = "schedule",
        aliases = {"scheduler"},
        mixinStandardHelpOptions = true,
        description = {
            "Schedule pending pods onto nodes the way kube-scheduler does (default profile, or --config), and print"
                    + " per pod: result (Scheduled, Unschedulable, Nominated), node, the FailedScheduling message,"
                    + " nominatedNodeName and victims.",
            "Manifests are v1 Node and Pod YAML or JSON, several documents per file."
        })
final class ScheduleCommand implements Callable<Integer> {

    /** The output formats. */
    enum Output {
        YAML,
        JSON,
        TABLE
    }

    @Option(names = "--nodes", required = true, paramLabel = "FILE", description = "v1 Node manifests.")
    Path nodes;

    @Option(names = "--existing", paramLabel = "FILE", description = "v1 Pods already running (spec.nodeName set).")
    @Nullable
    Path existing;

    @Option(
            names = "--pdbs",
            paramLabel = "FILE",
            description = "policy/v1 PodDisruptionBudgets preemption respects where it can (status.disruptionsAllowed,"
                    + " or an integer spec.maxUnavailable).")
    @Nullable
    Path pdbs;

    @Option(names = "--pending", required = true, paramLabel = "FILE", description = "v1 Pods to schedule, in order.")
    Path pending;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1): profiles[].plugins,"
                    + " profiles[].pluginConfig[].args, percentageOfNodesToScore.")
    @Nullable
    Path config;

    @Option(
            names = "--explain",
            description = "Also print feasibleNodes, each rejected node's filterStatuses and every plugin's rawScores.")
    boolean explain;

    @Option(names = "--legacy-messages", description = "Word messages as kube-scheduler 1.26 to 1.34.0 did.")
    boolean legacyMessages;

    @Option(
            names = "--output",
            paramLabel = "FORMAT",
            converter = OutputConverter.class,
            description = "yaml, json or table (default: yaml).")
    Output output = Output.YAML;

    @Option(
            names = "--write-bound",
            paramLabel = "FILE",
            description = "Also write every pod bound at the end (existing and newly scheduled, spec.nodeName set) as"
                    + " v1 Pod manifests, to feed a later run's --existing.")
    @Nullable
    Path writeBound;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Node> nodeList = read(nodes, "--nodes", text -> Manifests.readNodes(text, nodes.toString()));
        List<Pod> existingPods = existing == null
                ? List.of()
                : read(existing, "--existing", text -> Manifests.readPods(text, existing.toString()));
        List<Pod> pendingPods = read(pending, "--pending", text -> Manifests.readPods(text, pending.toString()));
        List<PodDisruptionBudget> budgets = pdbs == null
                ? List.of()
                : read(pdbs, "--pdbs", text -> Manifests.readPodDisruptionBudgets(text, pdbs.toString()));
        SchedulerConfiguration configuration = config == null
                ? SchedulerConfiguration.defaults()
                : read(config, "--config", text -> SchedulerConfiguration.read(text, config.toString()));
        if (nodeList.isEmpty()) {
            throw new UserError("--nodes " + nodes + " holds no Node");
        }
        if (pendingPods.isEmpty()) {
            throw new UserError("--pending " + pending + " holds no Pod");
        }
        ScheduleReport report;
        try {
            report = ScheduleReport.run(
                    nodeList, existingPods, pendingPods, budgets, configuration, explain, legacyMessages);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (writeBound != null) {
            try {
                Files.writeString(writeBound, ManifestWriter.yaml(report.boundPods()));
            } catch (IOException e) {
                throw new UserError("--write-bound " + writeBound + ": cannot write: " + e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(
                switch (output) {
                    case YAML -> report.toYaml();
                    case JSON -> report.toJson();
                    case TABLE -> report.toTable();
                });
        out.flush();
        return ExitCode.OK;
    }

    private static <T> T read(Path file, String option, java.util.function.Function<String, T> parser) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserError(option + " " + file + ": no such file");
        } catch (IOException e) {
            throw new UserError(option + " " + file + ": cannot read: " + e.getMessage());
        }
        try {
            return parser.apply(text);
        } catch (ManifestException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Reads {@code yaml}, {@code json} or {@code table}, in any case. */
    static final class OutputConverter implements CommandLine.ITypeConverter<Output> {
        @Override
        public Output convert(String value) {
            try {
                return Output.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not an output format (expected: yaml, json or table)");
            }
        }
    }
}
