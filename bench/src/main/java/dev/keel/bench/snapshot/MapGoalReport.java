package dev.keel.bench.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.bench.MarkdownTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Turns the JSON of the hash-map benchmarks ({@code -rf json}) into the tables docs/snapshot.md needs: every
 * library's time per operation with its ratio to keel, and issue #9's goals, each with its ratio per key type and size
 * and whether it is met. A ratio is the peer's time over keel's in the same run (above 1, keel is faster), so a goal
 * "within 1.2x of Scala's time" reads as a ratio to Scala of at least 0.83.
 *
 * <p>Several files may be given (a sweep, then a run with more forks of some rows): for each operation, key type, size
 * and library the result with the most samples is used, so the forked rows replace the sweep's. A ratio whose 99.9%
 * error interval (from both scores' errors) straddles the goal is marked {@code ~}: on that run's evidence it could
 * fall either side.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.keel.bench.snapshot.MapGoalReport RESULT.json...};
 * {@code bench/scripts/snapshot-goals.sh} runs the benchmarks and this.
 */
public final class MapGoalReport {

    private static final List<String> PEERS = List.of("scala", "clojure", "vavr", "pcollections", "java.util.HashMap");
    private static final List<String> OPERATIONS =
            List.of("hit", "miss", "insert", "delete", "iterate", "forEach", "equalsOfEqualMaps", "bulkBuild");

    /** One benchmark result: the mean time per operation and its 99.9% error. */
    record Result(
            String operation, String keys, int size, String map, double score, double error, String unit, int samples) {

        Cell cell() {
            return new Cell(operation, keys, size);
        }
    }

    /** One operation at one key type and size: a row of the results table. */
    record Cell(String operation, String keys, int size) {}

    /** A goal of issue #9: the peer's time over keel's for {@code operation} at least {@code atLeast}. */
    record Goal(String operation, String peer, double atLeast, String wording) {}

    static final List<Goal> GOALS = List.of(
            new Goal("iterate", "scala", 1.0, "iteration at least 1.0x Scala"),
            new Goal("iterate", "clojure", 2.0, "iteration at least 2x Clojure"),
            new Goal("iterate", "vavr", 2.0, "iteration at least 2x Vavr"),
            new Goal("equalsOfEqualMaps", "clojure", 3.0, "equals at least 3x Clojure"),
            new Goal("hit", "scala", 1 / 1.1, "lookup hit within 1.1x of Scala's time"),
            new Goal("miss", "scala", 1 / 1.1, "lookup miss within 1.1x of Scala's time"),
            new Goal("insert", "scala", 1 / 1.2, "insert within 1.2x of Scala's time"),
            new Goal("delete", "scala", 1 / 1.2, "delete within 1.2x of Scala's time"));

    private final Map<Cell, Map<String, Result>> results = new LinkedHashMap<>();

    private MapGoalReport() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: MapGoalReport RESULT.json... (JMH -rf json output of the snapshot benchmarks)");
            System.exit(2);
        }
        MapGoalReport report = new MapGoalReport();
        ObjectMapper json = new ObjectMapper();
        for (String file : args) {
            for (JsonNode run : json.readTree(Path.of(file).toFile())) {
                report.add(parse(run));
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        report.lines().forEach(out::println);
    }

    static Result parse(JsonNode run) {
        String benchmark = run.path("benchmark").asText();
        JsonNode params = run.path("params");
        JsonNode metric = run.path("primaryMetric");
        int samples = 0;
        for (JsonNode fork : metric.path("rawData")) {
            samples += fork.size();
        }
        return new Result(
                benchmark.substring(benchmark.lastIndexOf('.') + 1),
                params.path("keys").asText(),
                params.path("size").asInt(),
                params.path("map").asText(),
                metric.path("score").asDouble(),
                finiteOrZero(metric.path("scoreError").asDouble()),
                metric.path("scoreUnit").asText(),
                samples);
    }

    /** JMH writes "NaN" as the error of a single sample. */
    private static double finiteOrZero(double error) {
        return Double.isFinite(error) ? error : 0;
    }

    void add(Result result) {
        Map<String, Result> byMap = results.computeIfAbsent(result.cell(), cell -> new LinkedHashMap<>());
        Result previous = byMap.get(result.map());
        if (previous == null || result.samples() >= previous.samples()) {
            byMap.put(result.map(), result);
        }
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Goals (peer time / keel time; `~` where the 99.9% error interval straddles the goal):");
        lines.add("");
        lines.addAll(goalTable().lines());
        lines.add("");
        lines.add("Every result (keel's time ± 99.9% error [samples]; each peer's time and, in bold, its time over"
                + " keel's):");
        lines.add("");
        lines.addAll(resultTable().lines());
        return lines;
    }

    private MarkdownTable goalTable() {
        List<String> columns = new ArrayList<>();
        TreeSet<String> keyTypes = new TreeSet<>();
        TreeSet<Integer> sizes = new TreeSet<>();
        for (Cell cell : results.keySet()) {
            keyTypes.add(cell.keys());
            sizes.add(cell.size());
        }
        for (String keys : keyTypes) {
            for (int size : sizes) {
                columns.add(keys + " " + sizeLabel(size));
            }
        }
        List<String> headers = new ArrayList<>(List.of("goal", "needs"));
        headers.addAll(columns);
        headers.add("verdict");
        MarkdownTable table = new MarkdownTable(2, headers.toArray(String[]::new));
        for (Goal goal : GOALS) {
            List<String> row = new ArrayList<>(List.of(goal.wording(), format(">= %.2f", goal.atLeast())));
            List<String> missed = new ArrayList<>();
            List<String> uncertain = new ArrayList<>();
            int measured = 0;
            for (String keys : keyTypes) {
                for (int size : sizes) {
                    Ratio ratio = ratio(new Cell(goal.operation(), keys, size), goal.peer());
                    if (ratio == null) {
                        row.add("");
                        continue;
                    }
                    measured++;
                    boolean straddles = ratio.low() < goal.atLeast() && ratio.high() >= goal.atLeast();
                    row.add((straddles ? "~" : "") + format("%.2f", ratio.value()));
                    String where = keys + " " + sizeLabel(size);
                    if (ratio.value() < goal.atLeast()) {
                        missed.add(where);
                    }
                    if (straddles) {
                        uncertain.add(where);
                    }
                }
            }
            String verdict = measured == 0
                    ? "not measured"
                    : missed.isEmpty() ? "**met**" : "**not met** at " + String.join(", ", missed);
            if (!uncertain.isEmpty()) {
                verdict += " (within error at " + String.join(", ", uncertain) + ")";
            }
            row.add(verdict);
            table.row(row.toArray(String[]::new));
        }
        return table;
    }

    private MarkdownTable resultTable() {
        List<String> headers = new ArrayList<>(List.of("operation", "keys", "size", "unit", "keel"));
        headers.addAll(PEERS);
        MarkdownTable table = new MarkdownTable(4, headers.toArray(String[]::new));
        List<Cell> cells = new ArrayList<>(results.keySet());
        cells.sort((a, b) -> a.operation().equals(b.operation())
                ? a.keys().equals(b.keys())
                        ? Integer.compare(a.size(), b.size())
                        : a.keys().compareTo(b.keys())
                : Integer.compare(OPERATIONS.indexOf(a.operation()), OPERATIONS.indexOf(b.operation())));
        for (Cell cell : cells) {
            Map<String, Result> byMap = results.get(cell);
            @Nullable Result keel = byMap.get("keel");
            Result any = keel != null ? keel : byMap.values().iterator().next();
            List<String> row = new ArrayList<>(List.of(
                    cell.operation(),
                    cell.keys(),
                    sizeLabel(cell.size()),
                    any.unit(),
                    keel == null
                            ? ""
                            : number(keel.score()) + " ± " + number(keel.error()) + " [" + keel.samples() + "]"));
            for (String peer : PEERS) {
                @Nullable Result result = byMap.get(peer);
                Ratio ratio = ratio(cell, peer);
                row.add(
                        result == null
                                ? ""
                                : number(result.score())
                                        + (ratio == null ? "" : format(" (**%.2fx**)", ratio.value())));
            }
            table.row(row.toArray(String[]::new));
        }
        return table;
    }

    /** The peer's time over keel's, with the bounds the two errors allow. */
    record Ratio(double value, double low, double high) {}

    private @Nullable Ratio ratio(Cell cell, String peer) {
        @Nullable Map<String, Result> byMap = results.get(cell);
        if (byMap == null || !byMap.containsKey("keel") || !byMap.containsKey(peer)) {
            return null;
        }
        Result keel = byMap.get("keel");
        Result other = byMap.get(peer);
        double value = other.score() / keel.score();
        double low = Math.max(0, other.score() - other.error()) / (keel.score() + keel.error());
        double keelLow = keel.score() - keel.error();
        double high = keelLow <= 0 ? Double.POSITIVE_INFINITY : (other.score() + other.error()) / keelLow;
        return new Ratio(value, low, high);
    }

    static String sizeLabel(int size) {
        return size == 1 << 20 ? "1M" : Integer.toString(size);
    }

    private static String number(double value) {
        if (value >= 100) {
            return format("%,.0f", value);
        }
        return value >= 10 ? format("%.1f", value) : format("%.3f", value);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
