package dev.keel.bench.scheduler;

import com.sun.management.ThreadMXBean;
import dev.keel.scheduler.KubernetesScheduler;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.Profile;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The scheduling thread's CPU time per cycle for one scheduler_perf workload, pass after pass in one JVM: the
 * load-proof figure for comparing two builds on a busy machine (run each build's jar alternately), and what shows
 * how many passes the JIT needs (the first pass of a short workload is mostly compilation). Prints one line per
 * pass; the wall-clock rate next to it is only as good as the machine's load. With a third argument, each pass also
 * schedules that many of the workload's first pods with the {@link ExhaustiveScheduler} yardstick and prints its CPU
 * per pod and the ratio of the two CPU times: a load-proof estimate of the harness's ratio (the harness divides
 * wall-clock rates, which on a busy machine are mostly time spent waiting for a CPU; the CPU ratio leaves out the
 * garbage collector's threads, which the yardstick keeps busier).
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.scheduler.SchedulerCpuPerCycle WORKLOAD [passes, default 3]
 * [yardstick pods, default 0]}, or {@code java -cp bench/target/benchmarks.jar
 * dev.keel.bench.scheduler.SchedulerCpuPerCycle ...} on a jar built from another commit.
 */
public final class SchedulerCpuPerCycle {

    private SchedulerCpuPerCycle() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: SchedulerCpuPerCycle WORKLOAD [passes] (workloads: "
                    + Workload.ALL.stream().map(Workload::name).toList() + ")");
        }
        Workload workload = Workload.ALL.stream()
                .filter(w -> w.name().equals(args[0]))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("workload '" + args[0] + "' (expected one of: "
                        + Workload.ALL.stream().map(Workload::name).toList() + ")"));
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (passes < 1) {
            throw new IllegalArgumentException("passes (" + passes + ") must be positive");
        }
        int oraclePods = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        if (oraclePods < 0 || oraclePods > workload.pods()) {
            throw new IllegalArgumentException(
                    "yardstick pods (" + oraclePods + ") must be between 0 and " + workload.pods());
        }
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int pass = 0; pass < passes; pass++) {
            KubernetesScheduler scheduler = KubernetesScheduler.builder()
                    .random(new SplittableRandom(1))
                    .build();
            workload.nodeList().forEach(scheduler::addNode);
            workload.podList().forEach(scheduler::submitPod);
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long before = System.nanoTime();
            int cycles = 0;
            while (scheduler.scheduleNext().isPresent()) {
                cycles++;
            }
            long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
            long wall = System.nanoTime() - before;
            System.out.printf(
                    Locale.ROOT,
                    "%s pass %d: %,d cycles, %.3f ms CPU per cycle, %,.0f pods/s wall%n",
                    workload.name(),
                    pass + 1,
                    cycles,
                    cpu / 1e6 / cycles,
                    cycles / (wall / 1e9));
            if (oraclePods > 0) {
                ExhaustiveScheduler oracle = new ExhaustiveScheduler(Profile.defaults(), workload.nodeList());
                List<Pod> pods = workload.podList();
                long oracleBefore = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < oraclePods; i++) {
                    oracle.schedule(pods.get(i));
                }
                double oracleCpu = (threads.getCurrentThreadCpuTime() - oracleBefore) / 1e6 / oraclePods;
                System.out.printf(
                        Locale.ROOT,
                        "%s pass %d: yardstick %.3f ms CPU per pod (first %d pods), CPU ratio %.1fx%n",
                        workload.name(),
                        pass + 1,
                        oracleCpu,
                        oraclePods,
                        oracleCpu / (cpu / 1e6 / cycles));
            }
        }
    }
}
