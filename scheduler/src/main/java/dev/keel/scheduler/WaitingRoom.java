package dev.keel.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pods held at Permit, by uid, in the order they started waiting: upstream's {@code waitingPodsMap}. Upstream
 * parks a goroutine per waiting pod on a channel with a timer per plugin; keel has no binding goroutines, so a
 * waiting pod is a record of who still has to allow it and by when, and the scheduler settles the room (expires
 * deadlines on its ticker, then binds the allowed and requeues the rejected) before and after each attempt. The
 * pod's room on its node is held all along, because it stays assumed in the cluster.
 *
 * <p>Not thread-safe on its own: {@link KubernetesScheduler} calls it under its lock, which {@link WaitingPod}s
 * share.
 */
final class WaitingRoom implements WaitingPods {

    private final ReentrantLock lock;
    private final Map<String, WaitingPod> pods = new LinkedHashMap<>();

    WaitingRoom(ReentrantLock lock) {
        this.lock = lock;
    }

    WaitingPod add(
            QueuedPod queued,
            Pod bound,
            String node,
            SchedulingCycle cycle,
            CycleState state,
            Diagnosis diagnosis,
            Map<String, Long> waitNanosByPlugin,
            long now) {
        WaitingPod waiting = new WaitingPod(lock, queued, bound, node, cycle, state, diagnosis, waitNanosByPlugin, now);
        pods.put(bound.uid(), waiting);
        return waiting;
    }

    @Override
    public Optional<WaitingPod> get(String uid) {
        lock.lock();
        try {
            return Optional.ofNullable(pods.get(uid));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<WaitingPod> all() {
        lock.lock();
        try {
            return List.copyOf(pods.values());
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        return pods.isEmpty();
    }

    /** Rejects the pods whose deadlines passed at {@code now}, then removes and returns every settled pod. */
    List<WaitingPod> settle(long now) {
        if (pods.isEmpty()) {
            return List.of();
        }
        List<WaitingPod> settled = new ArrayList<>();
        for (WaitingPod pod : pods.values()) {
            pod.expire(now);
            if (pod.isSettled()) {
                settled.add(pod);
            }
        }
        for (WaitingPod pod : settled) {
            pods.remove(pod.pod().uid());
        }
        return settled;
    }

    /** Takes a pod out without settling it (deleted, or its node removed); returns it, or null. */
    @org.jspecify.annotations.Nullable
    WaitingPod remove(String uid) {
        return pods.remove(uid);
    }
}
