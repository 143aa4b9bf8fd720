package dev.keel.scheduler;

import dev.keel.time.Ticker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * kube-scheduler's {@code PriorityQueue}: three places a pending pod can be.
 *
 * <h2>How it is designed, and why</h2>
 *
 * <p>The active queue is a heap ordered by the profile's QueueSort plugin (priority, then the time the pod was
 * queued). A pod that failed waits in the unschedulable set until a cluster event (a node added or changed, a pod
 * deleted) might make it fit; then it moves to the backoff queue, a heap by backoff expiry, where it sits out
 * {@code initial * 2^(attempts - 1)} capped at {@code max} (1 s doubling to 10 s by default) from its last attempt
 * before it becomes active again. Backoff keeps a pod that keeps failing from starving the others; the unschedulable
 * set keeps the scheduler from spinning on pods nothing has changed for. Pods left unschedulable for five minutes
 * are retried anyway, as upstream does, in case an event was missed. Which events wake which pods is upstream's
 * QueueingHints: each {@link ClusterEvent} carries the objects before and after, and a pod moves only if one of the
 * plugins that rejected it ({@link EnqueueExtensions}) says the change may help ({@link QueueingHints}); plugins
 * without hints move their pods on every event, erring toward a retry over a missed wake-up. Time is the injected ticker's.
 *
 * <p>Not thread-safe: {@link KubernetesScheduler} calls it under its lock.
 */
final class SchedulingQueue {

    static final long UNSCHEDULABLE_TIMEOUT_NANOS = 5L * 60 * 1_000_000_000L;

    private final Ticker ticker;
    private final QueueingHints hints;
    private final long initialBackoffNanos;
    private final long maxBackoffNanos;
    private final PriorityQueue<QueuedPod> active;
    private final PriorityQueue<QueuedPod> backoff;
    private final Map<String, QueuedPod> unschedulable = new HashMap<>();
    private final Map<String, QueuedPod> byUid = new HashMap<>();
    private final Map<String, Set<String>> rejectedBy = new HashMap<>();
    private final Map<String, Long> lastAttemptNanos = new HashMap<>();
    /** Submission order, the tie-breaker after the QueueSort plugin, so that equal pods go first-come first-served. */
    private final Map<String, Long> sequence = new HashMap<>();

    private long nextSequence;

    SchedulingQueue(
            QueueSortPlugin sort, Ticker ticker, long initialBackoffNanos, long maxBackoffNanos, QueueingHints hints) {
        this.ticker = ticker;
        this.hints = hints;
        this.initialBackoffNanos = initialBackoffNanos;
        this.maxBackoffNanos = maxBackoffNanos;
        this.active = new PriorityQueue<>((a, b) -> {
            int order = sort.compare(a, b);
            return order != 0
                    ? order
                    : Long.compare(
                            sequence.getOrDefault(a.pod().uid(), 0L),
                            sequence.getOrDefault(b.pod().uid(), 0L));
        });
        this.backoff = new PriorityQueue<>(Comparator.comparingLong(this::backoffExpiry));
    }

    void add(Pod pod) {
        if (byUid.containsKey(pod.uid())) {
            throw new IllegalArgumentException("pod " + pod.key() + " (uid " + pod.uid() + ") is already pending");
        }
        QueuedPod queued = new QueuedPod(pod, ticker.read(), 0);
        byUid.put(pod.uid(), queued);
        sequence.put(pod.uid(), nextSequence++);
        active.add(queued);
    }

    /** The next pod to schedule, after moving pods whose backoff has expired; null when none is ready. */
    @Nullable
    QueuedPod pop() {
        flush();
        QueuedPod next = active.poll();
        if (next != null) {
            byUid.remove(next.pod().uid());
            lastAttemptNanos.put(next.pod().uid(), ticker.read());
        }
        return next;
    }

    /** A pod that failed its attempt, rejected by {@code rejectedBy} (plugin names), waits for a cluster event. */
    void addUnschedulable(QueuedPod attempted, Pod pod, Set<String> plugins) {
        QueuedPod failed = new QueuedPod(pod, ticker.read(), attempted.attempts() + 1);
        byUid.put(pod.uid(), failed);
        unschedulable.put(pod.uid(), failed);
        rejectedBy.put(pod.uid(), Set.copyOf(plugins));
    }

    /** Moves the unschedulable pods that {@code event} may help (by their rejecting plugins' hints) on. */
    void moveOnEvent(ClusterEvent event) {
        if (unschedulable.isEmpty()) {
            return;
        }
        List<String> moved = new ArrayList<>();
        unschedulable.forEach((uid, pod) -> {
            if (hints.worthRequeuing(pod.pod(), rejectedBy.getOrDefault(uid, Set.of()), event)) {
                moved.add(uid);
            }
        });
        for (String uid : moved) {
            place(unschedulable.remove(uid));
            rejectedBy.remove(uid);
        }
    }

    /** A pod whose attempt was cut short by a change (preemption, a bind failure) goes straight to backoff. */
    void addBackoff(QueuedPod attempted, Pod pod) {
        QueuedPod failed = new QueuedPod(pod, ticker.read(), attempted.attempts() + 1);
        byUid.put(pod.uid(), failed);
        backoff.add(failed);
    }

    /** Moves every unschedulable pod on, whatever rejected it (upstream's {@code MoveAllToActiveOrBackoffQueue}). */
    void moveAllToActiveOrBackoff() {
        for (QueuedPod pod : List.copyOf(unschedulable.values())) {
            place(pod);
        }
        unschedulable.clear();
        rejectedBy.clear();
    }

    private void place(QueuedPod pod) {
        if (backoffExpiry(pod) > ticker.read()) {
            backoff.add(pod);
        } else {
            active.add(pod);
        }
    }

    private void flush() {
        long now = ticker.read();
        while (!backoff.isEmpty() && backoffExpiry(backoff.peek()) <= now) {
            active.add(backoff.poll());
        }
        if (!unschedulable.isEmpty()) {
            List<String> stale = new ArrayList<>();
            unschedulable.forEach((uid, pod) -> {
                if (now - pod.queuedAtNanos() >= UNSCHEDULABLE_TIMEOUT_NANOS) {
                    stale.add(uid);
                }
            });
            for (String uid : stale) {
                place(unschedulable.remove(uid));
                rejectedBy.remove(uid);
            }
        }
    }

    long backoffNanos(int attempts) {
        if (attempts <= 0) {
            return 0;
        }
        long duration = initialBackoffNanos;
        for (int i = 1; i < attempts && duration < maxBackoffNanos; i++) {
            duration *= 2;
        }
        return Math.min(duration, maxBackoffNanos);
    }

    private long backoffExpiry(QueuedPod pod) {
        Long last = lastAttemptNanos.get(pod.pod().uid());
        long from = last == null ? pod.queuedAtNanos() : last;
        return from + backoffNanos(pod.attempts());
    }

    /** Removes a pending pod wherever it waits; returns it, or null. */
    @Nullable
    Pod remove(String uid) {
        QueuedPod queued = byUid.remove(uid);
        if (queued == null) {
            return null;
        }
        active.remove(queued);
        backoff.remove(queued);
        unschedulable.remove(uid);
        rejectedBy.remove(uid);
        lastAttemptNanos.remove(uid);
        sequence.remove(uid);
        return queued.pod();
    }

    /** Forgets the attempt bookkeeping of a pod that was bound. */
    void done(String uid) {
        lastAttemptNanos.remove(uid);
        sequence.remove(uid);
    }

    @Nullable
    QueuedPod find(String uid) {
        return byUid.get(uid);
    }

    List<Pod> pending() {
        return byUid.values().stream().map(QueuedPod::pod).toList();
    }

    int activeCount() {
        return active.size();
    }

    int backoffCount() {
        return backoff.size();
    }

    List<Pod> unschedulablePods() {
        return unschedulable.values().stream().map(QueuedPod::pod).toList();
    }

    int unschedulableCount() {
        return unschedulable.size();
    }
}
