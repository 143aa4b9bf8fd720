package dev.keel.scheduler;

import static dev.keel.scheduler.Fixtures.node;
import static dev.keel.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.ManualTicker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Submitters, schedulers, node adders and deleters at once on one {@link KubernetesScheduler}: every pod ends up
 * bound once or pending, and no node is ever overcommitted.
 */
final class ConcurrencyTest {

    private static final int THREADS = 6;
    private static final int PODS_PER_SUBMITTER = 300;

    @Test
    void scheduler_concurrentSubmitScheduleAndDelete_neverOvercommitsOrLosesAPod() throws Exception {
        ManualTicker ticker = ManualTicker.create();
        KubernetesScheduler scheduler =
                KubernetesScheduler.builder().ticker(ticker).build();
        for (int i = 0; i < 4; i++) {
            scheduler.addNode(node("n" + i, 4_000, 8L << 30));
        }
        CyclicBarrier start = new CyclicBarrier(THREADS);
        Set<String> deleted = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Future<?>> tasks = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> new Thread(r, "scheduler-stress"))) {
            for (int s = 0; s < 2; s++) {
                int submitter = s;
                tasks.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < PODS_PER_SUBMITTER; i++) {
                        scheduler.submitPod(pod("s" + submitter + "-" + i, 100, 1 << 20));
                    }
                    return null;
                }));
            }
            for (int s = 0; s < 2; s++) {
                tasks.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 200; round++) {
                        scheduler.schedulePendingPods();
                        assertNoOvercommit(scheduler);
                    }
                    return null;
                }));
            }
            tasks.add(pool.submit(() -> {
                start.await();
                for (int i = 4; i < 8; i++) {
                    scheduler.addNode(node("n" + i, 4_000, 8L << 30));
                }
                return null;
            }));
            tasks.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 100; i++) {
                    String name = "s0-" + i;
                    if (scheduler.deletePod("default", name)) {
                        deleted.add(name);
                    }
                }
                return null;
            }));
            for (Future<?> task : tasks) {
                task.get(60, TimeUnit.SECONDS);
            }
        }
        // Pods that failed before the last nodes came wait out their backoff, or the five-minute flush if they
        // failed after the last event: let both pass on the manual clock.
        ticker.advance(java.time.Duration.ofMinutes(5));
        scheduler.schedulePendingPods();

        assertNoOvercommit(scheduler);
        Set<String> seen = new HashSet<>();
        for (Pod pod : scheduler.boundPods()) {
            assertThat(seen.add(pod.name())).as("%s bound twice", pod.name()).isTrue();
        }
        for (Pod pod : scheduler.pendingPods()) {
            assertThat(seen.add(pod.name()))
                    .as("%s both bound and pending", pod.name())
                    .isTrue();
        }
        assertThat(seen.size() + deleted.size()).isEqualTo(2 * PODS_PER_SUBMITTER);
        // 8 nodes x 4000m / 100m = 320 pods fit; 600 - deleted were submitted.
        assertThat(scheduler.boundPods()).hasSize(Math.min(320, 2 * PODS_PER_SUBMITTER - deleted.size()));
    }

    /** Holds every pod at Permit; another thread allows them while the scheduler keeps scheduling and settling. */
    private record Hold() implements PermitPlugin {
        @Override
        public String name() {
            return "Hold";
        }

        @Override
        public PermitVerdict permit(CycleState state, Pod pod, String nodeName, WaitingPods waitingPods) {
            return PermitVerdict.waitAtMost(java.time.Duration.ofMinutes(1));
        }
    }

    @Test
    void waitingPods_allowedFromAnotherThreadWhileScheduling_bindEachPodOnceWithinCapacity() throws Exception {
        ManualTicker ticker = ManualTicker.create();
        KubernetesScheduler scheduler = KubernetesScheduler.builder()
                .profile(Profile.defaults().toBuilder().plugin(new Hold()).build())
                .ticker(ticker)
                .build();
        for (int i = 0; i < 4; i++) {
            scheduler.addNode(node("n" + i, 4_000, 8L << 30));
        }
        int pods = 120; // 12,000m of the 16,000m the four nodes have: every pod fits
        CyclicBarrier start = new CyclicBarrier(3);
        java.util.concurrent.atomic.AtomicBoolean submitted = new java.util.concurrent.atomic.AtomicBoolean();
        List<Future<?>> tasks = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(3, r -> new Thread(r, "permit-stress"))) {
            tasks.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < pods; i++) {
                    scheduler.submitPod(pod("w" + i, 100, 1 << 20));
                }
                submitted.set(true);
                return null;
            }));
            tasks.add(pool.submit(() -> {
                start.await();
                for (int round = 0; round < 400; round++) {
                    scheduler.scheduleAll();
                    assertNoOvercommit(scheduler);
                }
                return null;
            }));
            tasks.add(pool.submit(() -> {
                start.await();
                for (int round = 0; round < 400; round++) {
                    for (WaitingPod waiting : scheduler.waitingPods().all()) {
                        waiting.allow("Hold");
                    }
                    scheduler.settleWaitingPods();
                }
                return null;
            }));
            for (Future<?> task : tasks) {
                task.get(60, TimeUnit.SECONDS);
            }
        }
        assertThat(submitted).isTrue();
        // whatever is still queued or waiting finishes on this thread
        while (!scheduler.pendingPods().isEmpty()
                || !scheduler.waitingPods().all().isEmpty()) {
            scheduler.scheduleAll();
            scheduler.waitingPods().all().forEach(waiting -> waiting.allow("Hold"));
            scheduler.settleWaitingPods();
            ticker.advance(java.time.Duration.ofSeconds(10));
        }

        assertNoOvercommit(scheduler);
        Set<String> seen = new HashSet<>();
        for (Pod pod : scheduler.boundPods()) {
            assertThat(seen.add(pod.name())).as("%s bound twice", pod.name()).isTrue();
        }
        assertThat(seen).hasSize(pods);
    }

    private static void assertNoOvercommit(KubernetesScheduler scheduler) {
        Map<String, Long> cpu = new HashMap<>();
        for (Pod pod : scheduler.boundPods()) {
            cpu.merge(pod.nodeName(), PodRequests.of(pod).milliCpu(), Long::sum);
        }
        cpu.forEach((node, used) -> assertThat(used).as("cpu on %s", node).isLessThanOrEqualTo(4_000));
    }
}
