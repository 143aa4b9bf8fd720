package dev.keel.scheduler;

import dev.keel.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * A Kubernetes scheduler: nodes, bound pods and a queue of pending pods, scheduled one at a time through a
 * {@link Profile}'s plugins as kube-scheduler does.
 *
 * <pre>{@code
 * KubernetesScheduler scheduler = new KubernetesScheduler();
 * scheduler.addNode(new Node("node-1", new Resources(4000, 8192)));        // millicores, MiB
 * scheduler.submitPod(new Pod("web-server", "default",
 *     new Resources(500, 1024), new Resources(1000, 2048)));                // requests, limits
 * List<Binding> scheduled = scheduler.schedulePendingPods();
 * }</pre>
 *
 * <p>Each attempt pops the highest-priority pod from the {@link SchedulingQueue}, runs a {@link SchedulingCycle},
 * and then, for the chosen node, assumes the pod there, runs Reserve, Permit and Bind, and commits; a failing step
 * runs Unreserve and forgets the assumed pod. A pod that fits nowhere waits for a cluster change; preemption evicts
 * its victims at once (they are returned in the result) and sends the pod to backoff with its node nominated; until
 * it binds, pods of no higher priority are filtered as if it were already there.
 *
 * <p>Thread-safe: one lock guards the cluster, the queue and every cycle, so a cycle sees a consistent cluster and
 * bindings never overcommit a node. Cycles are serial, as in kube-scheduler; the lock is held only in memory, never
 * while waiting. Time comes from the injected {@link Ticker}, tie-breaking from the injected generator.
 */
public final class KubernetesScheduler {

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Profile> profiles;
    private final Ticker ticker;
    // @GuardedBy("lock")
    private final Cluster cluster = new Cluster();
    // @GuardedBy("lock")
    private final SchedulingQueue queue;
    // @GuardedBy("lock"): one cycle per profile, by scheduler name
    private final Map<String, SchedulingCycle> cycles = new LinkedHashMap<>();
    // @GuardedBy("lock")
    private final Nominations nominations = new Nominations();
    // @GuardedBy("lock")
    private final WaitingRoom waiting = new WaitingRoom(lock);
    // @GuardedBy("lock")
    private final BindingCycle binding;

    /** The default profile, the system clock, 1 s to 10 s backoff. */
    public KubernetesScheduler() {
        this(builder());
    }

    private KubernetesScheduler(Builder builder) {
        this.profiles = List.copyOf(builder.profiles);
        this.ticker = builder.ticker;
        QueueSortPlugin sort = profiles.getFirst().queueSort();
        for (Profile profile : profiles) {
            if (!profile.queueSort().getClass().equals(sort.getClass())) {
                throw new IllegalArgumentException("every profile must use the same QueueSort plugin: "
                        + profiles.getFirst().schedulerName() + " uses " + sort.name() + ", "
                        + profile.schedulerName() + " uses "
                        + profile.queueSort().name());
            }
            SchedulingCycle cycle = new SchedulingCycle(profile, cluster, nominations, builder.random, builder.explain);
            if (cycles.putIfAbsent(profile.schedulerName(), cycle) != null) {
                throw new IllegalArgumentException("two profiles are named " + profile.schedulerName());
            }
        }
        this.queue = new SchedulingQueue(
                sort,
                ticker,
                builder.initialBackoff.toNanos(),
                builder.maxBackoff.toNanos(),
                new QueueingHints(profiles));
        this.binding = new BindingCycle(cluster, queue, waiting, ticker, nominations::clear);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first profile (the only one unless several were given). */
    public Profile profile() {
        return profiles.getFirst();
    }

    public List<Profile> profiles() {
        return profiles;
    }

    /** Adds a node, or replaces the node of the same name (keeping its pods); pending pods may fit now. */
    public void addNode(Node node) {
        lock.lock();
        try {
            NodeInfo existing = cluster.node(node.name());
            Node old = existing == null ? null : existing.node();
            cluster.putNode(node);
            queue.moveOnEvent(old == null ? new ClusterEvent.NodeAdded(node) : new ClusterEvent.NodeUpdated(old, node));
        } finally {
            lock.unlock();
        }
    }

    /** Adds or replaces (by namespace and name) a PodDisruptionBudget that preemption respects where it can. */
    public void putPodDisruptionBudget(PodDisruptionBudget budget) {
        lock.lock();
        try {
            cluster.putBudget(budget);
        } finally {
            lock.unlock();
        }
    }

    public boolean removePodDisruptionBudget(String namespace, String name) {
        lock.lock();
        try {
            return cluster.removeBudget(namespace, name);
        } finally {
            lock.unlock();
        }
    }

    /** Removes a node and the pods bound to it; returns those pods. */
    public List<Pod> removeNode(String name) {
        lock.lock();
        try {
            if (cluster.node(name) == null) {
                throw new IllegalArgumentException("no node '" + name + "'");
            }
            for (WaitingPod held : waiting.all()) {
                if (held.nodeName().equals(name)) {
                    // its binding can no longer happen: back to the queue, as upstream's failed binding cycle
                    waiting.remove(held.pod().uid());
                    held.cycle().unreserve(held.state(), held.pod(), name);
                    cluster.removePod(held.pod());
                    queue.addBackoff(held.queued(), held.queued().pod());
                }
            }
            Node node = cluster.node(name).node();
            List<Pod> removed = cluster.removeNode(name);
            for (Pod pod : removed) {
                queue.moveOnEvent(new ClusterEvent.PodDeleted(pod));
            }
            queue.moveOnEvent(new ClusterEvent.NodeDeleted(node));
            return removed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues a pending pod. A pending pod that already names its node ({@code spec.nodeName}) is scheduled like any
     * other, and the NodeName filter admits only that node, as in kube-scheduler's own simulations; a pod that runs
     * there already is added with {@link #addBoundPod} instead.
     */
    public void submitPod(Pod pod) {
        if (!cycles.containsKey(pod.schedulerName())) {
            throw new IllegalArgumentException("pod " + pod.key() + " asks for scheduler '" + pod.schedulerName()
                    + "' (profiles: " + String.join(", ", cycles.keySet()) + ")");
        }
        lock.lock();
        try {
            if (cluster.boundPod(pod.uid()) != null) {
                throw new IllegalArgumentException("pod " + pod.key() + " (uid " + pod.uid() + ") is already bound");
            }
            queue.add(pod);
        } finally {
            lock.unlock();
        }
    }

    /** Records a pod that already runs on a node ({@code nodeName} set), as an existing cluster would have. */
    public void addBoundPod(Pod pod) {
        if (!pod.isBound()) {
            throw new IllegalArgumentException("pod " + pod.key() + " has no nodeName; queue it with submitPod");
        }
        lock.lock();
        try {
            if (queue.find(pod.uid()) != null) {
                throw new IllegalArgumentException("pod " + pod.key() + " (uid " + pod.uid() + ") is pending");
            }
            cluster.addPod(pod);
            queue.moveOnEvent(new ClusterEvent.PodAdded(pod));
        } finally {
            lock.unlock();
        }
    }

    /** Deletes a pod, pending or bound, by namespace and name; returns whether it existed. */
    public boolean deletePod(String namespace, String name) {
        lock.lock();
        try {
            for (Pod pending : queue.pending()) {
                if (pending.namespace().equals(namespace) && pending.name().equals(name)) {
                    queue.remove(pending.uid());
                    nominations.clear(pending.uid());
                    return true;
                }
            }
            for (NodeInfo node : cluster.nodes()) {
                for (Pod bound : node.pods()) {
                    if (bound.namespace().equals(namespace) && bound.name().equals(name)) {
                        WaitingPod held = waiting.remove(bound.uid());
                        if (held != null) {
                            held.cycle().unreserve(held.state(), bound, held.nodeName());
                            nominations.clear(bound.uid());
                        }
                        cluster.removePod(bound);
                        queue.moveOnEvent(new ClusterEvent.PodDeleted(bound));
                        return true;
                    }
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Schedules every pod that is ready now, in queue order; returns the bindings made. */
    public List<Binding> schedulePendingPods() {
        List<Binding> bindings = new ArrayList<>();
        for (SchedulingResult result : scheduleAll()) {
            if (result instanceof SchedulingResult.Scheduled scheduled) {
                bindings.add(
                        new Binding(scheduled.pod().namespace(), scheduled.pod().name(), scheduled.node()));
            }
        }
        return bindings;
    }

    /** Runs one attempt for every pod ready now (pods that fail go back to wait); returns what each attempt did. */
    public List<SchedulingResult> scheduleAll() {
        List<SchedulingResult> results = new ArrayList<>();
        lock.lock();
        try {
            binding.settle(results);
            int ready = queue.activeCount() + queue.backoffCount();
            for (int i = 0; i < ready; i++) {
                Optional<SchedulingResult> result = scheduleNextLocked();
                if (result.isEmpty()) {
                    break;
                }
                results.add(result.get());
                binding.settle(results);
            }
        } finally {
            lock.unlock();
        }
        return results;
    }

    /** One scheduling attempt for the next ready pod, if any. */
    public Optional<SchedulingResult> scheduleNext() {
        lock.lock();
        try {
            return scheduleNextLocked();
        } finally {
            lock.unlock();
        }
    }

    private Optional<SchedulingResult> scheduleNextLocked() {
        QueuedPod queued = queue.pop();
        if (queued == null) {
            return Optional.empty();
        }
        Pod pod = queued.pod();
        String nominated = nominations.nodeOf(pod.uid());
        SchedulingCycle cycle = cycles.get(pod.schedulerName());
        SchedulingCycle.Decision decision = cycle.schedule(pod, nominated);
        return Optional.of(
                switch (decision) {
                    case SchedulingCycle.Suggested suggested -> binding.bind(queued, cycle, suggested);
                    case SchedulingCycle.Failed failed -> {
                        nominations.clear(pod.uid());
                        queue.addUnschedulable(queued, pod, rejectingPlugins(failed.diagnosis()));
                        yield new SchedulingResult.Unschedulable(
                                pod, failed.message(), failed.legacyMessage(), failed.diagnosis());
                    }
                    case SchedulingCycle.Preempted preempted -> {
                        for (Pod victim : preempted.victims()) {
                            // upstream rejects a waiting victim instead of deleting it; settling requeues it
                            waiting.get(victim.uid())
                                    .ifPresentOrElse(held -> held.reject(cycle.preemptorName(), "preempted"), () -> {
                                        cluster.removePod(victim);
                                        queue.moveOnEvent(new ClusterEvent.PodDeleted(victim));
                                    });
                        }
                        nominations.nominate(pod, preempted.node());
                        queue.addBackoff(queued, pod);
                        yield new SchedulingResult.Nominated(
                                pod,
                                preempted.node(),
                                preempted.victims(),
                                preempted.message(),
                                preempted.legacyMessage(),
                                preempted.diagnosis());
                    }
                });
    }

    /**
     * Settles the pods waiting at Permit: rejects those whose timeout has passed on the scheduler's clock, binds
     * those every plugin has allowed, and requeues those rejected. {@link #scheduleAll} does this before and after
     * each attempt; call it to drive timeouts and allowances between attempts. Returns what became of each.
     */
    public List<SchedulingResult> settleWaitingPods() {
        lock.lock();
        try {
            List<SchedulingResult> results = new ArrayList<>();
            binding.settle(results);
            return results;
        } finally {
            lock.unlock();
        }
    }

    /** The pods held at Permit now; a plugin or the caller may allow or reject them. */
    public WaitingPods waitingPods() {
        return waiting;
    }

    /** The plugins that rejected the pod somewhere: what a cluster event must touch to help it. */
    private static Set<String> rejectingPlugins(Diagnosis diagnosis) {
        Set<String> plugins = new HashSet<>();
        for (Status status : diagnosis.filterStatuses().values()) {
            plugins.add(status.plugin());
        }
        return plugins;
    }

    /** The pods not bound yet (active, backing off or unschedulable). */
    public List<Pod> pendingPods() {
        lock.lock();
        try {
            return queue.pending();
        } finally {
            lock.unlock();
        }
    }

    /** The pods waiting in the unschedulable set for an event (for tests of the hints). */
    List<Pod> unschedulablePods() {
        lock.lock();
        try {
            return queue.unschedulablePods();
        } finally {
            lock.unlock();
        }
    }

    /** The bound pods, node by node. */
    public List<Pod> boundPods() {
        lock.lock();
        try {
            List<Pod> pods = new ArrayList<>();
            for (NodeInfo node : cluster.nodes()) {
                pods.addAll(node.pods());
            }
            return pods;
        } finally {
            lock.unlock();
        }
    }

    /** The nodes, in the order they were added. */
    public List<Node> nodes() {
        lock.lock();
        try {
            return cluster.nodes().stream().map(NodeInfo::node).toList();
        } finally {
            lock.unlock();
        }
    }

    /** What is requested on {@code node} now (the sum of its pods' effective requests). */
    public Resources requestedOn(String node) {
        lock.lock();
        try {
            NodeInfo info = cluster.node(node);
            if (info == null) {
                throw new IllegalArgumentException("no node '" + node + "'");
            }
            return info.requested();
        } finally {
            lock.unlock();
        }
    }

    /** Queue sizes: active, backoff, unschedulable. */
    public QueueCounts queueCounts() {
        lock.lock();
        try {
            return new QueueCounts(queue.activeCount(), queue.backoffCount(), queue.unschedulableCount());
        } finally {
            lock.unlock();
        }
    }

    /** How many pending pods wait where. Immutable. */
    public record QueueCounts(int active, int backoff, int unschedulable) {}

    /** Builds a {@link KubernetesScheduler}; not thread-safe. */
    public static final class Builder {
        private List<Profile> profiles = List.of(Profile.defaults());
        private Ticker ticker = Ticker.system();
        private RandomGenerator random = new SplittableRandom();
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private boolean explain;

        private Builder() {}

        public Builder profile(Profile value) {
            profiles = List.of(value);
            return this;
        }

        /** Several profiles; each pod is scheduled by the one its {@code schedulerName} names. */
        public Builder profiles(List<Profile> values) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("profiles must not be empty");
            }
            profiles = List.copyOf(values);
            return this;
        }

        public Builder ticker(Ticker value) {
            ticker = value;
            return this;
        }

        /** Breaks ties between equally scored nodes; seed it for repeatable runs. */
        public Builder random(RandomGenerator value) {
            random = value;
            return this;
        }

        /** podInitialBackoffSeconds and podMaxBackoffSeconds: 1 s and 10 s by default. */
        public Builder backoff(Duration initial, Duration max) {
            if (initial.isNegative() || initial.isZero()) {
                throw new IllegalArgumentException("initial backoff (" + initial + ") must be positive");
            }
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException(
                        "max backoff (" + max + ") must not be less than the initial backoff (" + initial + ")");
            }
            initialBackoff = initial;
            maxBackoff = max;
            return this;
        }

        /** Keep every plugin's scores per node in each result's {@link Diagnosis} (costs time on large clusters). */
        public Builder explain(boolean value) {
            explain = value;
            return this;
        }

        public KubernetesScheduler build() {
            return new KubernetesScheduler(this);
        }
    }
}
