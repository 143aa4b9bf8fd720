package dev.keel.bench.scheduler;

import dev.keel.bench.MachineDescription;
import dev.keel.bench.MarkdownTable;
import dev.keel.bench.Report;
import dev.keel.scheduler.KubernetesScheduler;
import dev.keel.scheduler.Node;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.Profile;
import dev.keel.scheduler.SchedulingResult;
import dev.keel.time.Ticker;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * kube-scheduler's scheduler_perf workloads in process: for each of SchedulingBasic (5,000 nodes, 10,000 pods),
 * TopologySpreading (5,000 / 5,000) and SchedulingPodAntiAffinity (5,000 / 2,000), keel's scheduler schedules every
 * pod one cycle at a time (pods/s over the whole run; each cycle's latency in an HdrHistogram), then the
 * {@link ExhaustiveScheduler} yardstick schedules the first pods of the same workload in the same JVM. Upstream's CI
 * requires 270 pods/s for SchedulingBasic with an API server in the loop; the goals are 540 pods/s, 20x the
 * yardstick and a p99 cycle of 10 ms on 2 cores.
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.scheduler.SchedulerPerfHarness [oracle pods, default 200]
 * [report file]}. One warm-up pass of SchedulingBasic runs first and is not reported.
 */
public final class SchedulerPerfHarness {

    private SchedulerPerfHarness() {}

    /** One workload's measurements. */
    record Result(
            String workload,
            int pods,
            int scheduled,
            double podsPerSecond,
            Histogram cycles,
            double oracleRate,
            int oraclePods) {}

    public static void main(String[] args) throws Exception {
        int oraclePods = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Optional<Path> file = args.length > 1 ? Optional.of(Path.of(args[1])) : Optional.empty();
        try (Report report = Report.toStandardStreams("SchedulerPerfHarness", file, Ticker.system())) {
            report.progress("warm-up: SchedulingBasic once");
            run(Workload.ALL.getFirst(), 0, report);
            List<Result> results = new ArrayList<>();
            for (Workload workload : Workload.ALL) {
                results.add(run(workload, oraclePods, report));
            }
            MarkdownTable table = new MarkdownTable(
                    1,
                    "Workload",
                    "Nodes / pods",
                    "keel pods/s",
                    "p50 cycle",
                    "p99 cycle",
                    "max cycle",
                    "Exhaustive pods/s",
                    "Ratio");
            for (Result result : results) {
                table.row(
                        result.workload(),
                        String.format(Locale.ROOT, "5,000 / %,d (%,d bound)", result.pods(), result.scheduled()),
                        String.format(Locale.ROOT, "%,.0f", result.podsPerSecond()),
                        millis(result.cycles().getValueAtPercentile(50)),
                        millis(result.cycles().getValueAtPercentile(99)),
                        millis(result.cycles().getMaxValue()),
                        String.format(Locale.ROOT, "%,.1f (first %d pods)", result.oracleRate(), result.oraclePods()),
                        String.format(Locale.ROOT, "%.0fx", result.podsPerSecond() / result.oracleRate()));
            }
            report.line("# Scheduler: scheduler_perf workloads, keel vs the exhaustive yardstick");
            report.line("");
            report.lines(table.lines());
            report.line("");
            report.line("Command: `./keel bench run dev.keel.bench.scheduler.SchedulerPerfHarness " + oraclePods + "`");
            report.line("");
            report.lines(MachineDescription.probe(Path.of("."), Clock.systemUTC(), List.of())
                    .markdownLines());
        }
    }

    private static Result run(Workload workload, int oraclePods, Report report) {
        List<Node> nodes = workload.nodeList();
        List<Pod> pods = workload.podList();
        KubernetesScheduler scheduler =
                KubernetesScheduler.builder().random(new SplittableRandom(1)).build();
        nodes.forEach(scheduler::addNode);
        pods.forEach(scheduler::submitPod);
        Histogram cycles = new Histogram(60_000_000_000L, 3);
        int scheduled = 0;
        long start = System.nanoTime();
        while (true) {
            long before = System.nanoTime();
            Optional<SchedulingResult> result = scheduler.scheduleNext();
            long after = System.nanoTime();
            if (result.isEmpty()) {
                break;
            }
            cycles.recordValue(after - before);
            if (result.get() instanceof SchedulingResult.Scheduled) {
                scheduled++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = pods.size() / seconds;
        report.progress(String.format(
                Locale.ROOT,
                "%s: %,d pods in %.2f s, %,.0f pods/s, p99 %s",
                workload.name(),
                pods.size(),
                seconds,
                rate,
                millis(cycles.getValueAtPercentile(99))));
        double oracleRate = 0;
        int measured = Math.min(oraclePods, pods.size());
        if (measured > 0) {
            ExhaustiveScheduler oracle = new ExhaustiveScheduler(Profile.defaults(), nodes);
            long oracleStart = System.nanoTime();
            for (int i = 0; i < measured; i++) {
                oracle.schedule(pods.get(i));
            }
            oracleRate = measured / ((System.nanoTime() - oracleStart) / 1e9);
            report.progress(String.format(
                    Locale.ROOT, "%s exhaustive: %,d pods, %,.1f pods/s", workload.name(), measured, oracleRate));
        }
        return new Result(workload.name(), pods.size(), scheduled, rate, cycles, oracleRate, measured);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
