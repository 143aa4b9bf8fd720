package dev.keel.scheduler;

import static dev.keel.scheduler.Fixtures.node;
import static dev.keel.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.ManualTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Permit as upstream's framework runs it: Wait holds the pod reserved on its node until every waiting plugin allows
 * it, one rejects it, or its timeout passes on the injected clock; a rejection unreserves and requeues the pod.
 */
final class PermitTest {

    private static final long GIB = 1L << 30;
    private final ManualTicker ticker = ManualTicker.create();
    private final List<String> transcript = new ArrayList<>();

    /** Coscheduling in miniature: pods labelled {@code gang=<n>} wait until n of them are reserved, then all bind. */
    private final class Gang implements PermitPlugin {
        private final Duration timeout;

        Gang(Duration timeout) {
            this.timeout = timeout;
        }

        @Override
        public String name() {
            return "Gang";
        }

        @Override
        public PermitVerdict permit(CycleState state, Pod pod, String nodeName, WaitingPods waitingPods) {
            String size = pod.labels().get("gang");
            if (size == null) {
                return PermitVerdict.allow();
            }
            List<WaitingPod> members = waitingPods.all().stream()
                    .filter(w -> size.equals(w.pod().labels().get("gang")))
                    .toList();
            if (members.size() + 1 < Integer.parseInt(size)) {
                return PermitVerdict.waitAtMost(timeout);
            }
            members.forEach(member -> member.allow(name()));
            return PermitVerdict.allow();
        }
    }

    /** Records Reserve and Unreserve, so a test can check that a rejection gives the room back. */
    private final class Recorder implements ReservePlugin {
        private final String name;

        Recorder(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Status reserve(CycleState state, Pod pod, String nodeName) {
            transcript.add(name + ".reserve " + pod.name());
            return Status.success();
        }

        @Override
        public void unreserve(CycleState state, Pod pod, String nodeName) {
            transcript.add(name + ".unreserve " + pod.name());
        }
    }

    private record Fixed(String name, PermitVerdict verdict) implements PermitPlugin {
        @Override
        public PermitVerdict permit(CycleState state, Pod pod, String nodeName, WaitingPods waitingPods) {
            return verdict;
        }
    }

    private KubernetesScheduler scheduler(Plugin... plugins) {
        Profile.Builder profile = Profile.defaults().toBuilder();
        for (Plugin plugin : plugins) {
            profile.plugin(plugin);
        }
        KubernetesScheduler scheduler = KubernetesScheduler.builder()
                .profile(profile.build())
                .ticker(ticker)
                .random(new SplittableRandom(1))
                .build();
        scheduler.addNode(node("n1", 4000, 8 * GIB));
        return scheduler;
    }

    private static Pod member(String name, int gangSize) {
        return pod(name, 1000, GIB).toBuilder()
                .labels(java.util.Map.of("gang", Integer.toString(gangSize)))
                .build();
    }

    @Test
    void wait_holdsTheRoomUntilTheLastMemberAllowsEveryone() {
        KubernetesScheduler scheduler = scheduler(new Gang(Duration.ofSeconds(30)));
        scheduler.submitPod(member("a", 3));
        scheduler.submitPod(member("b", 3));

        List<SchedulingResult> first = scheduler.scheduleAll();
        assertThat(first).allSatisfy(r -> assertThat(r).isInstanceOf(SchedulingResult.Waiting.class));
        assertThat(scheduler.waitingPods().all())
                .extracting(w -> w.pod().name())
                .containsExactly("a", "b");
        assertThat(scheduler.waitingPods().all().getFirst().pendingPlugins()).containsExactly("Gang");
        assertThat(scheduler.requestedOn("n1").milliCpu())
                .as("waiting pods keep their room")
                .isEqualTo(2000);

        scheduler.submitPod(member("c", 3));
        List<SchedulingResult> last = scheduler.scheduleAll();

        assertThat(last).extracting(r -> r.pod().name()).containsExactly("c", "a", "b");
        assertThat(last).allSatisfy(r -> assertThat(r).isInstanceOf(SchedulingResult.Scheduled.class));
        assertThat(scheduler.waitingPods().all()).isEmpty();
        assertThat(scheduler.requestedOn("n1").milliCpu()).isEqualTo(3000);
    }

    @Test
    void wait_timesOutOnTheInjectedClock_unreservesAndRequeues() {
        KubernetesScheduler scheduler = scheduler(new Recorder("Claim"), new Gang(Duration.ofSeconds(10)));
        scheduler.submitPod(member("a", 2));
        assertThat(scheduler.scheduleAll()).singleElement().isInstanceOf(SchedulingResult.Waiting.class);

        ticker.advance(Duration.ofSeconds(10).minusNanos(1));
        assertThat(scheduler.settleWaitingPods())
                .as("a nanosecond before the deadline")
                .isEmpty();
        ticker.advanceNanos(1);
        List<SchedulingResult> settled = scheduler.settleWaitingPods();

        assertThat(settled).singleElement().isInstanceOfSatisfying(SchedulingResult.Unschedulable.class, failed -> {
            assertThat(failed.message()).isEqualTo("rejected due to timeout after waiting 10s at plugin Gang");
            assertThat(failed.pod().nodeName()).as("the pod as it was queued").isEmpty();
        });
        assertThat(transcript).containsExactly("Claim.reserve a", "Claim.unreserve a");
        assertThat(scheduler.requestedOn("n1").milliCpu()).isZero();
        assertThat(scheduler.boundPods()).isEmpty();
        assertThat(scheduler.queueCounts()).isEqualTo(new KubernetesScheduler.QueueCounts(0, 0, 1));
    }

    @Test
    void wait_eachPluginHasItsOwnTimeout_theFirstToPassRejects() {
        KubernetesScheduler scheduler = scheduler(
                new Fixed("Slow", PermitVerdict.waitAtMost(Duration.ofMinutes(2))),
                new Fixed("Quick", PermitVerdict.waitAtMost(Duration.ofMillis(1500))));
        scheduler.submitPod(pod("p", 100, GIB));
        assertThat(scheduler.scheduleAll())
                .singleElement()
                .isInstanceOfSatisfying(
                        SchedulingResult.Waiting.class,
                        held -> assertThat(held.pendingPlugins()).containsExactly("Slow", "Quick"));

        scheduler.waitingPods().all().getFirst().allow("Slow");
        ticker.advance(Duration.ofSeconds(2));

        assertThat(scheduler.settleWaitingPods())
                .singleElement()
                .extracting(r -> ((SchedulingResult.Unschedulable) r).message())
                .isEqualTo("rejected due to timeout after waiting 1.5s at plugin Quick");
    }

    @Test
    void wait_allowedByEveryPendingPlugin_binds() {
        KubernetesScheduler scheduler = scheduler(
                new Fixed("One", PermitVerdict.waitAtMost(Duration.ofMinutes(1))),
                new Fixed("Two", PermitVerdict.waitAtMost(Duration.ofMinutes(1))));
        scheduler.submitPod(pod("p", 100, GIB));
        scheduler.scheduleAll();
        WaitingPod held = scheduler
                .waitingPods()
                .get(scheduler.boundPods().getFirst().uid())
                .orElseThrow();

        held.allow("One");
        assertThat(scheduler.settleWaitingPods()).as("Two still pending").isEmpty();
        held.allow("Two");

        assertThat(scheduler.settleWaitingPods())
                .singleElement()
                .isInstanceOfSatisfying(
                        SchedulingResult.Scheduled.class,
                        s -> assertThat(s.node()).isEqualTo("n1"));
    }

    @Test
    void wait_rejectedWhileWaiting_waitsForAnEventWithThePluginAsItsRejector() {
        KubernetesScheduler scheduler =
                scheduler(new Recorder("Claim"), new Fixed("Hold", PermitVerdict.waitAtMost(Duration.ofMinutes(1))));
        scheduler.submitPod(pod("p", 100, GIB));
        scheduler.scheduleAll();

        scheduler.waitingPods().all().getFirst().reject("Hold", "quota exhausted");

        assertThat(scheduler.settleWaitingPods())
                .singleElement()
                .extracting(r -> ((SchedulingResult.Unschedulable) r).message())
                .isEqualTo("quota exhausted");
        assertThat(transcript).containsExactly("Claim.reserve p", "Claim.unreserve p");
        assertThat(scheduler.queueCounts().unschedulable()).isEqualTo(1);
    }

    @Test
    void reject_unreservesEveryReservePluginInReverseOrder_andNeverBinds() {
        KubernetesScheduler scheduler = scheduler(
                new Recorder("First"), new Recorder("Second"), new Fixed("No", PermitVerdict.reject("not today")));
        scheduler.submitPod(pod("p", 100, GIB));

        assertThat(scheduler.scheduleAll())
                .singleElement()
                .extracting(r -> ((SchedulingResult.Unschedulable) r).message())
                .isEqualTo("not today");
        assertThat(transcript)
                .containsExactly("First.reserve p", "Second.reserve p", "Second.unreserve p", "First.unreserve p");
        assertThat(scheduler.boundPods()).isEmpty();
        assertThat(scheduler.waitingPods().all()).isEmpty();
    }

    @Test
    void rejectAfterWait_endsThePermitRunWithoutWaiting() {
        KubernetesScheduler scheduler = scheduler(
                new Fixed("Hold", PermitVerdict.waitAtMost(Duration.ofMinutes(1))),
                new Fixed("No", PermitVerdict.reject("no")));
        scheduler.submitPod(pod("p", 100, GIB));

        assertThat(scheduler.scheduleAll()).singleElement().isInstanceOf(SchedulingResult.Unschedulable.class);
        assertThat(scheduler.waitingPods().all()).isEmpty();
    }

    @Test
    void deletePod_whileWaiting_unreservesAndForgetsIt() {
        KubernetesScheduler scheduler =
                scheduler(new Recorder("Claim"), new Fixed("Hold", PermitVerdict.waitAtMost(Duration.ofMinutes(1))));
        scheduler.submitPod(pod("p", 100, GIB));
        scheduler.scheduleAll();

        assertThat(scheduler.deletePod("default", "p")).isTrue();

        assertThat(scheduler.waitingPods().all()).isEmpty();
        assertThat(scheduler.requestedOn("n1").milliCpu()).isZero();
        assertThat(transcript).containsExactly("Claim.reserve p", "Claim.unreserve p");
        assertThat(scheduler.settleWaitingPods()).isEmpty();
    }

    @Test
    void preemption_rejectsAWaitingVictimInsteadOfDeletingIt() {
        KubernetesScheduler scheduler = scheduler(new Fixed("Hold", PermitVerdict.waitAtMost(Duration.ofMinutes(1))));
        scheduler.submitPod(pod("low", 4000, GIB));
        scheduler.scheduleAll();
        scheduler.submitPod(pod("high", 4000, GIB).toBuilder().priority(100).build());

        List<SchedulingResult> results = scheduler.scheduleAll();

        assertThat(results.getFirst()).isInstanceOf(SchedulingResult.Nominated.class);
        assertThat(results.get(1)).isInstanceOfSatisfying(SchedulingResult.Unschedulable.class, failed -> {
            assertThat(failed.pod().name()).isEqualTo("low");
            assertThat(failed.message()).isEqualTo("preempted");
        });
        assertThat(scheduler.requestedOn("n1").milliCpu()).isZero();
    }

    @Test
    void waitTimeout_isCutToFifteenMinutes_andMustBePositive() {
        assertThat(new PermitVerdict.Wait(Duration.ofHours(1)).timeout()).isEqualTo(Duration.ofMinutes(15));
        assertThatThrownBy(() -> PermitVerdict.waitAtMost(Duration.ZERO))
                .hasMessage("permit timeout (PT0S) must be positive");
        assertThatThrownBy(() -> new PermitVerdict.Reject(Status.success()))
                .hasMessage("a Permit rejection needs an Unschedulable status, got Success");
    }

    @Test
    void goDuration_printsAsGoDoes() {
        assertThat(GoDuration.format(10_000_000_000L)).isEqualTo("10s");
        assertThat(GoDuration.format(1_500_000_000L)).isEqualTo("1.5s");
        assertThat(GoDuration.format(90_000_000_000L)).isEqualTo("1m30s");
        assertThat(GoDuration.format(900_000_000_000L)).isEqualTo("15m0s");
        assertThat(GoDuration.format(3_600_000_000_000L)).isEqualTo("1h0m0s");
        assertThat(GoDuration.format(500_000_000L)).isEqualTo("500ms");
        assertThat(GoDuration.format(1_500L)).isEqualTo("1.5µs");
        assertThat(GoDuration.format(0)).isEqualTo("0s");
    }
}
