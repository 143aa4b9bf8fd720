package dev.keel.scheduler.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.keel.scheduler.Diagnosis;
import dev.keel.scheduler.InsufficientResource;
import dev.keel.scheduler.KubernetesScheduler;
import dev.keel.scheduler.Node;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PodDisruptionBudget;
import dev.keel.scheduler.SchedulingResult;
import dev.keel.scheduler.Status;
import dev.keel.time.Ticker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs a cluster from manifests through the scheduler, as {@code keel schedule} does, and reports each pending pod
 * in the shape of the scenarios' {@code expected.yaml}: {@code result}, {@code node}, {@code message},
 * {@code nominatedNodeName}, {@code victims} (by name, or {@code namespace/name} from another namespace), and when
 * explaining {@code feasibleNodes}, {@code filterStatuses} and
 * {@code rawScores} (after NormalizeScore, by plugin; with {@code Plugin(before normalize)} and
 * {@code Plugin(normalized)} for plugins that normalize) and {@code totalScores}; and every pod bound at the end
 * (the existing ones and those just scheduled), to write back as manifests. Immutable.
 */
public record ScheduleReport(List<Map<String, Object>> pods, List<Pod> boundPods) {

    public ScheduleReport {
        pods = List.copyOf(pods);
        boundPods = List.copyOf(boundPods);
    }

    /**
     * Binds {@code existing} pods, queues {@code pending} ones in order, and schedules each once; ties are broken
     * with a fixed seed so a run is repeatable.
     */
    public static ScheduleReport run(
            List<Node> nodes,
            List<Pod> existing,
            List<Pod> pending,
            SchedulerConfiguration configuration,
            boolean explain,
            boolean legacy) {
        return run(nodes, existing, pending, List.of(), configuration, explain, legacy);
    }

    /** As {@link #run(List, List, List, SchedulerConfiguration, boolean, boolean)}, with budgets for preemption. */
    public static ScheduleReport run(
            List<Node> nodes,
            List<Pod> existing,
            List<Pod> pending,
            List<PodDisruptionBudget> budgets,
            SchedulerConfiguration configuration,
            boolean explain,
            boolean legacy) {
        long[] clock = {0};
        Ticker ticker = () -> clock[0];
        KubernetesScheduler scheduler = KubernetesScheduler.builder()
                .profiles(configuration.profiles())
                .backoff(configuration.initialBackoff(), configuration.maxBackoff())
                .ticker(ticker)
                .random(new SplittableRandom(1))
                .explain(explain)
                .build();
        nodes.forEach(scheduler::addNode);
        budgets.forEach(scheduler::putPodDisruptionBudget);
        for (Pod pod : existing) {
            if (!pod.isBound()) {
                throw new IllegalArgumentException("existing pod " + pod.key() + " has no spec.nodeName");
            }
            scheduler.addBoundPod(pod);
        }
        pending.forEach(scheduler::submitPod);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (SchedulingResult result : scheduler.scheduleAll()) {
            entries.add(entry(result, explain, legacy));
        }
        return new ScheduleReport(entries, scheduler.boundPods());
    }

    static Map<String, Object> entry(SchedulingResult result, boolean explain, boolean legacy) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("pod", result.pod().key());
        switch (result) {
            case SchedulingResult.Scheduled scheduled -> {
                entry.put("result", "Scheduled");
                entry.put("node", scheduled.node());
            }
            case SchedulingResult.Unschedulable unschedulable -> {
                entry.put("result", "Unschedulable");
                entry.put("message", legacy ? unschedulable.legacyMessage() : unschedulable.message());
            }
            case SchedulingResult.Waiting held -> {
                entry.put("result", "WaitingOnPermit");
                entry.put("node", held.node());
                entry.put("pendingPlugins", held.pendingPlugins());
            }
            case SchedulingResult.Nominated nominated -> {
                entry.put("result", "Nominated");
                entry.put("nominatedNodeName", nominated.node());
                entry.put(
                        "victims",
                        nominated.victims().stream()
                                .map(victim -> victim.namespace()
                                                .equals(nominated.pod().namespace())
                                        ? victim.name()
                                        : victim.key())
                                .toList());
                entry.put("message", legacy ? nominated.legacyMessage() : nominated.message());
            }
        }
        if (explain) {
            Diagnosis diagnosis = result.diagnosis();
            if (!diagnosis.feasibleNodes().isEmpty()) {
                entry.put("feasibleNodes", diagnosis.feasibleNodes());
            }
            if (!diagnosis.filterStatuses().isEmpty()) {
                Map<String, Object> statuses = new LinkedHashMap<>();
                diagnosis.filterStatuses().forEach((node, status) -> statuses.put(node, status(status, legacy)));
                entry.put("filterStatuses", statuses);
            }
            if (!diagnosis.scores().isEmpty()) {
                Map<String, Object> scores = new LinkedHashMap<>();
                diagnosis.scores().forEach((plugin, pluginScores) -> {
                    scores.put(plugin, pluginScores.normalized());
                    if (pluginScores.normalizes()) {
                        scores.put(plugin + "(before normalize)", pluginScores.raw());
                        scores.put(plugin + "(normalized)", pluginScores.normalized());
                    }
                });
                entry.put("rawScores", scores);
                Map<String, Object> weights = new LinkedHashMap<>();
                diagnosis.scores().forEach((plugin, pluginScores) -> weights.put(plugin, pluginScores.weight()));
                entry.put("weights", weights);
                entry.put("totalScores", diagnosis.totals());
            }
        }
        return entry;
    }

    private static Map<String, Object> status(Status status, boolean legacy) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("plugin", status.plugin());
        result.put("code", status.code().wireName());
        result.put("reasons", legacy ? status.legacyReasons() : status.reasons());
        if (!status.insufficient().isEmpty()) {
            List<Map<String, Object>> shortfalls = new ArrayList<>();
            for (InsufficientResource shortfall : status.insufficient()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("resource", shortfall.resource());
                String unit = shortfall.resource().equals("cpu") ? "Milli" : "";
                item.put("requested" + unit, shortfall.requested());
                item.put("used" + unit, shortfall.used());
                item.put("capacity" + unit, shortfall.capacity());
                shortfalls.add(item);
            }
            result.put("insufficient", shortfalls);
        }
        return result;
    }

    public String toYaml() {
        YAMLMapper mapper = YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .build();
        return write(mapper);
    }

    public String toJson() {
        return write(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)) + "\n";
    }

    private String write(ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(pods);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report: " + e.getOriginalMessage(), e);
        }
    }

    /** One line per pod: pod, result, node, and the message or victims. */
    public String toTable() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"POD", "RESULT", "NODE", "DETAIL"});
        for (Map<String, Object> pod : pods) {
            String node = String.valueOf(pod.getOrDefault("node", pod.getOrDefault("nominatedNodeName", "-")));
            String detail = pod.containsKey("victims")
                    ? "victims: " + String.join(", ", castList(pod.get("victims")))
                    : String.valueOf(pod.getOrDefault("message", ""));
            rows.add(new String[] {String.valueOf(pod.get("pod")), String.valueOf(pod.get("result")), node, detail});
        }
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                out.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
            }
            out.append(row[3]).append('\n');
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }
}
