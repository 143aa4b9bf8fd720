package dev.keel.scheduler;

import static dev.keel.scheduler.Fixtures.node;
import static dev.keel.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.scheduler.plugins.PrioritySort;
import dev.keel.testing.ManualTicker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The queue on a manual clock: order, backoff doubling to the cap, and moves on cluster events. */
final class SchedulingQueueTest {

    private static final long SECOND = 1_000_000_000L;
    private final ManualTicker ticker = ManualTicker.create();
    private final SchedulingQueue queue =
            new SchedulingQueue(new PrioritySort(), ticker, SECOND, 10 * SECOND, QueueingHints.none());

    @Test
    void pop_ordersByPriorityThenArrival() {
        queue.add(pod("low", 1, 1));
        ticker.advanceNanos(1);
        queue.add(pod("high", 1, 1).toBuilder().priority(10).build());
        ticker.advanceNanos(1);
        queue.add(pod("low-later", 1, 1));
        queue.add(pod("low-same-instant", 1, 1));

        assertThat(queue.pop().pod().name()).isEqualTo("high");
        assertThat(queue.pop().pod().name()).isEqualTo("low");
        assertThat(queue.pop().pod().name()).isEqualTo("low-later");
        assertThat(queue.pop().pod().name()).isEqualTo("low-same-instant");
        assertThat(queue.pop()).isNull();
    }

    @Test
    void backoff_doublesFromOneSecondAndCapsAtTen() {
        assertThat(queue.backoffNanos(1)).isEqualTo(SECOND);
        assertThat(queue.backoffNanos(2)).isEqualTo(2 * SECOND);
        assertThat(queue.backoffNanos(4)).isEqualTo(8 * SECOND);
        assertThat(queue.backoffNanos(5)).isEqualTo(10 * SECOND);
        assertThat(queue.backoffNanos(60)).isEqualTo(10 * SECOND);
    }

    @Test
    void unschedulable_waitsForAnEventThenSitsOutItsBackoff() {
        queue.add(pod("p", 1, 1));
        QueuedPod attempt = queue.pop();
        queue.addUnschedulable(attempt, attempt.pod(), java.util.Set.of("NodeResourcesFit"));
        ticker.advance(Duration.ofMillis(500));
        assertThat(queue.pop()).as("no event yet").isNull();

        queue.moveAllToActiveOrBackoff();
        assertThat(queue.backoffCount()).isEqualTo(1);
        assertThat(queue.pop()).as("0.5 s into a 1 s backoff").isNull();
        ticker.advance(Duration.ofMillis(500));

        QueuedPod second = queue.pop();
        assertThat(second.pod().name()).isEqualTo("p");
        assertThat(second.attempts()).isEqualTo(1);
        queue.addUnschedulable(second, second.pod(), java.util.Set.of("NodeResourcesFit"));
        queue.moveAllToActiveOrBackoff();
        ticker.advance(Duration.ofMillis(1999));
        assertThat(queue.pop()).as("second failure backs off 2 s").isNull();
        ticker.advanceNanos(1_000_000);
        assertThat(queue.pop()).isNotNull();
    }

    @Test
    void unschedulable_withoutEvents_isRetriedAfterFiveMinutes() {
        queue.add(pod("p", 1, 1));
        QueuedPod attempt = queue.pop();
        queue.addUnschedulable(attempt, attempt.pod(), java.util.Set.of("NodeResourcesFit"));
        ticker.advance(Duration.ofMinutes(5).minusNanos(1));
        assertThat(queue.pop()).isNull();
        ticker.advanceNanos(1);
        assertThat(queue.pop()).isNotNull();
    }

    @Test
    void add_samePodTwice_isRejected() {
        queue.add(pod("p", 1, 1));
        assertThatThrownBy(() -> queue.add(pod("p", 1, 1))).hasMessageContaining("already pending");
    }

    @Test
    void scheduler_nodeAdded_retriesTheUnschedulablePodAfterBackoff() {
        KubernetesScheduler scheduler =
                KubernetesScheduler.builder().ticker(ticker).build();
        scheduler.addNode(node("small", 100, 1 << 20));
        scheduler.submitPod(pod("big", 500, 1));
        assertThat(scheduler.schedulePendingPods()).isEmpty();
        assertThat(scheduler.queueCounts()).isEqualTo(new KubernetesScheduler.QueueCounts(0, 0, 1));

        scheduler.addNode(node("large", 1000, 1 << 20));
        assertThat(scheduler.queueCounts()).isEqualTo(new KubernetesScheduler.QueueCounts(0, 1, 0));
        ticker.advance(Duration.ofSeconds(1));

        assertThat(scheduler.schedulePendingPods()).containsExactly(new Binding("default", "big", "large"));
    }

    @Test
    void events_wakeOnlyThePodsTheirRejectorsSayTheyMayHelp() {
        SchedulingQueue hinted = new SchedulingQueue(
                new PrioritySort(),
                ticker,
                SECOND,
                10 * SECOND,
                new QueueingHints(java.util.List.of(Profile.defaults())));
        hinted.add(pod("tainted-out", 1, 1));
        hinted.add(pod("too-big", 8000, 1));
        hinted.add(pod("custom", 1, 1));
        hinted.addUnschedulable(hinted.pop(), pod("tainted-out", 1, 1), java.util.Set.of("TaintToleration"));
        hinted.addUnschedulable(hinted.pop(), pod("too-big", 8000, 1), java.util.Set.of("NodeResourcesFit"));
        hinted.addUnschedulable(hinted.pop(), pod("custom", 1, 1), java.util.Set.of("MyPlugin"));

        hinted.moveOnEvent(new ClusterEvent.PodAdded(pod("x", 1, 1)));
        assertThat(hinted.unschedulableCount())
                .as("only the plugin without hints moved")
                .isEqualTo(2);
        hinted.moveOnEvent(new ClusterEvent.NodeAdded(node("small", 4000, 1 << 30)));
        assertThat(hinted.unschedulableCount())
                .as("an untainted node helps the tainted-out pod, not the one too big for it")
                .isEqualTo(1);
        hinted.moveOnEvent(new ClusterEvent.PodDeleted(pod("x", 1, 1)));
        assertThat(hinted.unschedulableCount()).isZero();
    }

    @Test
    void events_withoutHints_moveEveryPod() {
        queue.add(pod("p", 1, 1));
        queue.addUnschedulable(queue.pop(), pod("p", 1, 1), java.util.Set.of("TaintToleration"));
        queue.moveOnEvent(new ClusterEvent.PodAdded(pod("x", 1, 1)));
        assertThat(queue.unschedulableCount()).isZero();
    }

    @Test
    void scheduler_nodeLabelChange_doesNotWakeAPodThatNeedsMoreCpu() {
        KubernetesScheduler scheduler =
                KubernetesScheduler.builder().ticker(ticker).build();
        scheduler.addNode(node("small", 1000, 1 << 30));
        scheduler.submitPod(pod("big", 2000, 1));
        assertThat(scheduler.schedulePendingPods()).isEmpty();

        scheduler.addNode(node("small", 1000, 1 << 30).withLabels(java.util.Map.of("team", "a")));
        assertThat(scheduler.queueCounts()).isEqualTo(new KubernetesScheduler.QueueCounts(0, 0, 1));

        scheduler.addNode(node("small", 4000, 1 << 30));
        assertThat(scheduler.queueCounts()).isEqualTo(new KubernetesScheduler.QueueCounts(0, 1, 0));
    }

    @Test
    void scheduler_affinityPartnerBinds_wakesThePodWaitingForIt() {
        KubernetesScheduler scheduler =
                KubernetesScheduler.builder().ticker(ticker).build();
        scheduler.addNode(node("n1", 4000, 1 << 30).withLabels(java.util.Map.of("zone", "a")));
        PodAffinity nearDb = new PodAffinity(
                java.util.List.of(PodAffinityTerm.of(LabelSelector.matching(java.util.Map.of("app", "db")), "zone")),
                java.util.List.of());
        scheduler.submitPod(pod("web", 100, 1).toBuilder()
                .label("app", "web")
                .podAffinity(nearDb)
                .build());
        assertThat(scheduler.schedulePendingPods()).isEmpty();

        scheduler.submitPod(pod("db", 100, 1).toBuilder().label("app", "db").build());
        assertThat(scheduler.schedulePendingPods()).containsExactly(new Binding("default", "db", "n1"));
        assertThat(scheduler.queueCounts()).isEqualTo(new KubernetesScheduler.QueueCounts(0, 1, 0));
        ticker.advance(Duration.ofSeconds(1));

        assertThat(scheduler.schedulePendingPods()).containsExactly(new Binding("default", "web", "n1"));
    }
}
