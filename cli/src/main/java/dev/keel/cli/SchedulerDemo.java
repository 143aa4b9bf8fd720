package dev.keel.cli;

import dev.keel.scheduler.Binding;
import dev.keel.scheduler.KubernetesScheduler;
import dev.keel.scheduler.Node;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.Resources;
import dev.keel.scheduler.SchedulingResult;
import dev.keel.scheduler.Status;
import dev.keel.scheduler.Taint;
import dev.keel.scheduler.TaintEffect;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The scheduler's tour: the seed example, a pod that fits nowhere with kube-scheduler's explanation, and a
 * preemption, on a simulated clock so it runs in milliseconds and prints the same every time.
 */
final class SchedulerDemo {

    private final PrintWriter out;

    SchedulerDemo(PrintWriter out) {
        this.out = out;
    }

    void run() {
        out.println("The seed example: one node of 4000m / 8192Mi, one pod requesting 500m / 1024Mi.");
        KubernetesScheduler seed = new KubernetesScheduler();
        seed.addNode(new Node("node-1", new Resources(4000, 8192)));
        seed.submitPod(new Pod("web-server", "default", new Resources(500, 1024), new Resources(1000, 2048)));
        List<Binding> scheduled = seed.schedulePendingPods();
        out.println("  scheduled: " + scheduled);
        out.println();

        SimulatedClock clock = new SimulatedClock();
        KubernetesScheduler scheduler = KubernetesScheduler.builder()
                .ticker(clock)
                .random(new SplittableRandom(1))
                .explain(true)
                .build();
        scheduler.addNode(new Node("node-a", new Resources(2000, 4096)));
        scheduler.addNode(new Node("node-b", new Resources(2000, 4096)));
        scheduler.addNode(new Node("gpu-node", new Resources(8000, 16384))
                .withTaints(List.of(new Taint("nvidia.com/gpu", "present", TaintEffect.NO_SCHEDULE))));
        out.println("A cluster: node-a and node-b (2000m / 4096Mi), gpu-node (8000m, tainted nvidia.com/gpu).");
        for (int i = 0; i < 2; i++) {
            scheduler.submitPod(Pod.builder("batch-" + i)
                    .requests(new Resources(1200, 1024))
                    .priority(0)
                    .build());
        }
        for (SchedulingResult result : scheduler.scheduleAll()) {
            describe(result);
        }
        out.println();
        out.println("A pod that fits nowhere: 2500m on nodes of 2000m, and it does not tolerate the GPU taint.");
        scheduler.submitPod(
                Pod.builder("too-big").requests(new Resources(2500, 1024)).build());
        describe(scheduler.scheduleNext().orElseThrow());
        out.println();
        out.println("A high-priority pod (1000) that needs 1500m: node-a and node-b each run a 1200m batch pod.");
        scheduler.submitPod(Pod.builder("critical")
                .requests(new Resources(1500, 1024))
                .priority(1000)
                .build());
        describe(scheduler.scheduleNext().orElseThrow());
        clock.advanceTo(Duration.ofSeconds(1).toNanos());
        out.println("one second later (the pod's backoff), it binds to its nominated node:");
        for (SchedulingResult result : scheduler.scheduleAll()) {
            if (result.pod().name().equals("critical")) {
                describe(result);
            }
        }
        out.println("Try: keel schedule --nodes nodes.yaml --pending pods.yaml --explain");
    }

    private void describe(SchedulingResult result) {
        switch (result) {
            case SchedulingResult.Scheduled scheduled ->
                out.printf("  %-10s Scheduled on %s%s%n", result.pod().name(), scheduled.node(), totals(result));
            case SchedulingResult.Unschedulable failed -> {
                out.printf("  %-10s Unschedulable: %s%n", result.pod().name(), failed.message());
                for (Map.Entry<String, Status> status :
                        failed.diagnosis().filterStatuses().entrySet()) {
                    out.printf(
                            "    %-9s %s: %s (%s)%n",
                            status.getKey(),
                            status.getValue().plugin(),
                            String.join(", ", status.getValue().reasons()),
                            status.getValue().code().wireName());
                }
            }
            case SchedulingResult.Nominated nominated ->
                out.printf(
                        "  %-10s Nominated %s, evicting %s%n",
                        result.pod().name(),
                        nominated.node(),
                        nominated.victims().stream().map(Pod::key).toList());
            case SchedulingResult.Waiting held ->
                out.printf(
                        "  %-10s Waiting at Permit on %s for %s%n",
                        result.pod().name(), held.node(), held.pendingPlugins());
        }
    }

    private static String totals(SchedulingResult result) {
        Map<String, Long> totals = result.diagnosis().totals();
        return totals.isEmpty() ? "" : "  (weighted totals " + totals + ")";
    }
}
