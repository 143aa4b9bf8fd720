package dev.keel.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.ManualTicker;
import dev.keel.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class FrontierTest {

    @Test
    void next_isBreadthFirst_andEndsWhenDrained() throws Exception {
        Frontier frontier = new Frontier(ManualTicker.create(), 0, 1, Long.MAX_VALUE, Long.MAX_VALUE);
        frontier.offer("http://a.example/", 0);
        Frontier.Dispatch first = frontier.next();
        assertThat(first).isNotNull();
        frontier.release(first.hostKey());
        frontier.offer("http://a.example/child", 1);
        frontier.offer("http://b.example/child", 1);
        frontier.complete(first, true);
        Set<String> level = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            Frontier.Dispatch next = frontier.next();
            assertThat(next).isNotNull();
            assertThat(next.depth()).isEqualTo(1);
            level.add(next.url());
            frontier.release(next.hostKey());
            frontier.complete(next, true);
        }
        assertThat(level).containsExactlyInAnyOrder("http://a.example/child", "http://b.example/child");
        assertThat(frontier.next()).isNull();
    }

    @Test
    void next_neverDispatchesADeeperUrlWhileTheLevelIsInFlight() throws Exception {
        Frontier frontier = new Frontier(ManualTicker.create(), 0, 4, Long.MAX_VALUE, Long.MAX_VALUE);
        frontier.offer("http://a.example/0", 0);
        frontier.offer("http://b.example/0", 0);
        Frontier.Dispatch a = frontier.next();
        Frontier.Dispatch b = frontier.next();
        frontier.offer("http://c.example/1", 1); // discovered by a, while b is still in flight
        frontier.release(a.hostKey());
        frontier.complete(a, true);
        assertThat(frontier.queued()).isEqualTo(1);
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                Frontier.Dispatch next = frontier.next();
                assertThat(next).isNotNull();
                assertThat(next.depth()).isEqualTo(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.join(Duration.ofMillis(100));
        assertThat(waiter.isAlive())
                .as("depth 1 must wait for depth 0 to finish")
                .isTrue();
        frontier.release(b.hostKey());
        frontier.complete(b, true);
        waiter.join(Duration.ofSeconds(10));
        assertThat(waiter.isAlive()).isFalse();
    }

    @Test
    void maxPages_reservedAtDispatch_andGivenBackWithoutAPage() throws Exception {
        Frontier frontier = new Frontier(ManualTicker.create(), 0, 8, 2, Long.MAX_VALUE);
        for (int i = 0; i < 5; i++) {
            frontier.offer("http://a.example/" + i, 0);
        }
        Frontier.Dispatch one = frontier.next();
        Frontier.Dispatch two = frontier.next();
        frontier.release(one.hostKey());
        frontier.complete(one, false); // robots forbade it: the reservation comes back
        Frontier.Dispatch three = frontier.next();
        frontier.release(two.hostKey());
        frontier.complete(two, true);
        frontier.release(three.hostKey());
        frontier.complete(three, true);
        assertThat(frontier.next()).isNull();
        assertThat(frontier.pagesReserved()).isEqualTo(2);
    }

    /**
     * Stress: 16 threads take URLs of 20 hosts with a per-host cap of 2; the number of dispatches a host has in flight
     * never exceeds the cap, and every URL is dispatched exactly once.
     */
    @Test
    void concurrentWorkers_neverExceedThePerHostCap() throws Exception {
        Frontier frontier = new Frontier(Ticker.system(), 0, 2, Long.MAX_VALUE, Long.MAX_VALUE);
        for (int i = 0; i < 4_000; i++) {
            frontier.offer("http://h" + (i % 20) + ".example/" + i, 0);
        }
        Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
        Set<String> dispatched = ConcurrentHashMap.newKeySet();
        AtomicInteger violations = new AtomicInteger();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            workers.add(Thread.ofPlatform().name("frontier-" + t).start(() -> {
                try {
                    Frontier.Dispatch dispatch;
                    while ((dispatch = frontier.next()) != null) {
                        AtomicInteger count = active.computeIfAbsent(dispatch.hostKey(), key -> new AtomicInteger());
                        if (count.incrementAndGet() > 2) {
                            violations.incrementAndGet();
                        }
                        if (!dispatched.add(dispatch.url())) {
                            violations.incrementAndGet();
                        }
                        count.decrementAndGet();
                        frontier.release(dispatch.hostKey());
                        frontier.complete(dispatch, true);
                    }
                } catch (InterruptedException | RuntimeException | AssertionError e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join(Duration.ofSeconds(30));
            assertThat(worker.isAlive()).isFalse();
        }
        assertThat(failures).isEmpty();
        assertThat(violations.get()).isZero();
        assertThat(dispatched).hasSize(4_000);
    }

    /**
     * With a delay, idle workers wait for due hosts through one timer at a time (leader-follower): every URL is still
     * dispatched and no worker is left waiting with work due (a cap of 2 exercises a host becoming due again before
     * the timer's deadline), and with a cap of 1 a host's dispatches are a delay apart.
     */
    @Test
    void concurrentWorkers_withADelay_allUrlsDispatched_spacedByTheDelay() throws Exception {
        long delay = Duration.ofMillis(3).toNanos();
        for (int cap : new int[] {1, 2}) {
            Frontier frontier = new Frontier(Ticker.system(), delay, cap, Long.MAX_VALUE, Long.MAX_VALUE);
            for (int i = 0; i < 240; i++) {
                frontier.offer("http://h" + (i % 8) + ".example/" + i, 0);
            }
            Map<String, List<Long>> starts = new ConcurrentHashMap<>();
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                workers.add(Thread.ofVirtual().name("frontier-delay-" + t).start(() -> {
                    try {
                        Frontier.Dispatch dispatch;
                        while ((dispatch = frontier.next()) != null) {
                            List<Long> times = starts.computeIfAbsent(
                                    dispatch.hostKey(), key -> Collections.synchronizedList(new ArrayList<>()));
                            times.add(System.nanoTime());
                            frontier.release(dispatch.hostKey());
                            frontier.complete(dispatch, true);
                        }
                    } catch (InterruptedException | RuntimeException | AssertionError e) {
                        failures.add(e);
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join(Duration.ofSeconds(30));
                assertThat(worker.isAlive()).as("worker alive, cap %s", cap).isFalse();
            }
            assertThat(failures).isEmpty();
            assertThat(starts.values().stream().mapToInt(List::size).sum()).isEqualTo(240);
            if (cap == 1) {
                // Recorded after next() returned and before release(): each gap is at least the delay. (With a cap
                // of 2 the recording of one dispatch may lag past the next one's, so there is no exact bound here.)
                for (List<Long> times : starts.values()) {
                    List<Long> sorted = times.stream().sorted().toList();
                    for (int i = 1; i < sorted.size(); i++) {
                        assertThat(sorted.get(i) - sorted.get(i - 1)).isGreaterThanOrEqualTo(delay);
                    }
                }
            }
        }
    }

    @Test
    void close_wakesWaitingWorkersWithNull() throws Exception {
        Frontier frontier =
                new Frontier(Ticker.system(), Duration.ofHours(1).toNanos(), 1, Long.MAX_VALUE, Long.MAX_VALUE);
        frontier.offer("http://a.example/1", 0);
        frontier.offer("http://a.example/2", 0);
        Frontier.Dispatch first = frontier.next();
        frontier.release(first.hostKey());
        frontier.complete(first, true);
        List<Frontier.Dispatch> got = Collections.synchronizedList(new ArrayList<>());
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                got.add(frontier.next()); // the host is not due for an hour
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.join(Duration.ofMillis(50));
        assertThat(waiter.isAlive()).isTrue();
        frontier.close();
        waiter.join(Duration.ofSeconds(5));
        assertThat(waiter.isAlive()).isFalse();
        assertThat(got).containsExactly((Frontier.Dispatch) null);
    }
}
