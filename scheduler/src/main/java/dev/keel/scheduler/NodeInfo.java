package dev.keel.scheduler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A node and what runs on it, with the sums plugins need kept up to date as pods come and go (kube-scheduler's
 * {@code framework.NodeInfo}): requested resources for fitting, non-zero requests for scoring, used host ports, and
 * the pods that carry pod-affinity rules.
 *
 * <p>Not thread-safe. The scheduler mutates its own instances only under its lock, during which plugins read them;
 * a plugin that simulates (preemption) mutates only a {@link #copy()}.
 */
public final class NodeInfo {

    private final Node node;
    private final List<Pod> pods;
    private final List<Pod> podsWithAffinity;
    private final List<Pod> podsWithRequiredAntiAffinity;
    private final List<HostPort> usedPorts;
    private final List<Pod> podsView;
    private final List<Pod> podsWithAffinityView;
    private final List<Pod> podsWithRequiredAntiAffinityView;
    private final List<HostPort> usedPortsView;
    private Resources requested;
    // What hasRoomFor reads, flattened into this object: filtering a node then touches one object instead of six
    // (the node, its allocatable, the requested sum, the pod list and its view), whose cache misses were most of a
    // spreading or anti-affinity cycle's filtering time (JFR, session 5).
    private final long allocatableMilliCpu;
    private final long allocatableMemory;
    private final long allocatableEphemeral;
    private final int maxPods;
    private long requestedMilliCpu;
    private long requestedMemory;
    private long requestedEphemeral;
    private int podCount;
    private long nonZeroMilliCpu;
    private long nonZeroMemory;
    // The node's interned topology domains (per label key id), given out by the cluster that holds it.
    private @Nullable TopologyDomains domains;
    private int[] domainIds = TopologyDomains.NO_DOMAINS;

    /** {@link #domainId}'s answer for a node that another cluster (or none) interned. */
    static final int FOREIGN = Integer.MIN_VALUE;

    public NodeInfo(Node node) {
        this.node = node;
        this.pods = new ArrayList<>();
        this.podsWithAffinity = new ArrayList<>();
        this.podsWithRequiredAntiAffinity = new ArrayList<>();
        this.usedPorts = new ArrayList<>();
        this.requested = Resources.NONE;
        this.podsView = Collections.unmodifiableList(pods);
        this.podsWithAffinityView = Collections.unmodifiableList(podsWithAffinity);
        this.podsWithRequiredAntiAffinityView = Collections.unmodifiableList(podsWithRequiredAntiAffinity);
        this.usedPortsView = Collections.unmodifiableList(usedPorts);
        this.allocatableMilliCpu = node.allocatable().milliCpu();
        this.allocatableMemory = node.allocatable().memoryBytes();
        this.allocatableEphemeral = node.allocatable().ephemeralStorageBytes();
        this.maxPods = node.maxPods();
    }

    private NodeInfo(NodeInfo other, Node node) {
        this.node = node;
        this.pods = new ArrayList<>(other.pods);
        this.podsWithAffinity = new ArrayList<>(other.podsWithAffinity);
        this.podsWithRequiredAntiAffinity = new ArrayList<>(other.podsWithRequiredAntiAffinity);
        this.usedPorts = new ArrayList<>(other.usedPorts);
        this.requested = other.requested;
        this.nonZeroMilliCpu = other.nonZeroMilliCpu;
        this.nonZeroMemory = other.nonZeroMemory;
        this.podsView = Collections.unmodifiableList(pods);
        this.podsWithAffinityView = Collections.unmodifiableList(podsWithAffinity);
        this.podsWithRequiredAntiAffinityView = Collections.unmodifiableList(podsWithRequiredAntiAffinity);
        this.usedPortsView = Collections.unmodifiableList(usedPorts);
        this.allocatableMilliCpu = node.allocatable().milliCpu();
        this.allocatableMemory = node.allocatable().memoryBytes();
        this.allocatableEphemeral = node.allocatable().ephemeralStorageBytes();
        this.maxPods = node.maxPods();
        this.requestedMilliCpu = other.requestedMilliCpu;
        this.requestedMemory = other.requestedMemory;
        this.requestedEphemeral = other.requestedEphemeral;
        this.podCount = other.podCount;
        if (node.labels().equals(other.node.labels())) {
            this.domains = other.domains;
            this.domainIds = other.domainIds;
        }
    }

    /** Records the node's domain ids, as {@code domains} gave them out. */
    void placeIn(TopologyDomains domains, int[] domainIds) {
        this.domains = domains;
        this.domainIds = domainIds;
    }

    /**
     * The node's domain id for the label key {@code keyId} of {@code domains}: -1 when it lacks the key,
     * {@link #FOREIGN} when the node's ids come from elsewhere (then ask its labels).
     */
    int domainId(TopologyDomains domains, int keyId) {
        if (this.domains != domains) {
            return FOREIGN;
        }
        return keyId < domainIds.length ? domainIds[keyId] : -1;
    }

    /**
     * Whether one more pod requesting these amounts fits in what is left of the node's pods, cpu, memory and
     * ephemeral storage (NodeResourcesFit's fast path; extended resources are the caller's).
     */
    public boolean hasRoomFor(long milliCpu, long memoryBytes, long ephemeralStorageBytes) {
        return podCount < maxPods
                && milliCpu <= allocatableMilliCpu - requestedMilliCpu
                && memoryBytes <= allocatableMemory - requestedMemory
                && ephemeralStorageBytes <= allocatableEphemeral - requestedEphemeral;
    }

    /** The node's allocatable cpu in millicores (as {@code node().allocatable()}, read without leaving this object). */
    public long allocatableMilliCpu() {
        return allocatableMilliCpu;
    }

    /** The node's allocatable memory in bytes. */
    public long allocatableMemoryBytes() {
        return allocatableMemory;
    }

    /** The node's allocatable ephemeral storage in bytes. */
    public long allocatableEphemeralStorageBytes() {
        return allocatableEphemeral;
    }

    /** The cpu the pods here request, in millicores (as {@code requested().milliCpu()}). */
    public long requestedMilliCpu() {
        return requestedMilliCpu;
    }

    /** The memory the pods here request, in bytes. */
    public long requestedMemoryBytes() {
        return requestedMemory;
    }

    /** The ephemeral storage the pods here request, in bytes. */
    public long requestedEphemeralStorageBytes() {
        return requestedEphemeral;
    }

    public Node node() {
        return node;
    }

    public String name() {
        return node.name();
    }

    /** The pods bound to (or assumed on) this node. */
    public List<Pod> pods() {
        return podsView;
    }

    public List<Pod> podsWithAffinity() {
        return podsWithAffinityView;
    }

    public List<Pod> podsWithRequiredAntiAffinity() {
        return podsWithRequiredAntiAffinityView;
    }

    public List<HostPort> usedPorts() {
        return usedPortsView;
    }

    /** The sum of the effective requests of the pods here. */
    public Resources requested() {
        return requested;
    }

    /** The sum of the pods' cpu requests with 100m for each container that leaves it unset. */
    public long nonZeroMilliCpu() {
        return nonZeroMilliCpu;
    }

    /** The sum of the pods' memory requests with 200Mi for each container that leaves it unset. */
    public long nonZeroMemory() {
        return nonZeroMemory;
    }

    public NodeInfo copy() {
        return new NodeInfo(this, node);
    }

    /** A copy describing {@code updated} (same name) with the same pods. */
    public NodeInfo withNode(Node updated) {
        return new NodeInfo(this, updated);
    }

    public void addPod(Pod pod) {
        pods.add(pod);
        if (!pod.podAffinity().isEmpty() || !pod.podAntiAffinity().isEmpty()) {
            podsWithAffinity.add(pod);
        }
        if (!pod.podAntiAffinity().required().isEmpty()) {
            podsWithRequiredAntiAffinity.add(pod);
        }
        for (Container container : pod.containers()) {
            usedPorts.addAll(container.ports());
        }
        for (Container container : pod.initContainers()) {
            usedPorts.addAll(container.ports());
        }
        requested = requested.plus(PodRequests.of(pod));
        flattenRequested();
        Resources nonZero = PodRequests.nonZero(pod);
        nonZeroMilliCpu = Math.addExact(nonZeroMilliCpu, nonZero.milliCpu());
        nonZeroMemory = Math.addExact(nonZeroMemory, nonZero.memoryBytes());
    }

    /** Removes the pod with {@code pod}'s uid; returns false when it is not here. */
    public boolean removePod(Pod pod) {
        int index = indexOf(pods, pod.uid());
        if (index < 0) {
            return false;
        }
        Pod removed = pods.remove(index);
        int affinityIndex = indexOf(podsWithAffinity, pod.uid());
        if (affinityIndex >= 0) {
            podsWithAffinity.remove(affinityIndex);
        }
        int antiIndex = indexOf(podsWithRequiredAntiAffinity, pod.uid());
        if (antiIndex >= 0) {
            podsWithRequiredAntiAffinity.remove(antiIndex);
        }
        for (Container container : removed.containers()) {
            container.ports().forEach(usedPorts::remove);
        }
        for (Container container : removed.initContainers()) {
            container.ports().forEach(usedPorts::remove);
        }
        requested = minus(requested, PodRequests.of(removed));
        flattenRequested();
        Resources nonZero = PodRequests.nonZero(removed);
        nonZeroMilliCpu -= nonZero.milliCpu();
        nonZeroMemory -= nonZero.memoryBytes();
        return true;
    }

    private void flattenRequested() {
        requestedMilliCpu = requested.milliCpu();
        requestedMemory = requested.memoryBytes();
        requestedEphemeral = requested.ephemeralStorageBytes();
        podCount = pods.size();
    }

    private static int indexOf(List<Pod> list, String uid) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).uid().equals(uid)) {
                return i;
            }
        }
        return -1;
    }

    private static Resources minus(Resources from, Resources amount) {
        TreeMap<String, Long> extended = new TreeMap<>(from.extended());
        amount.extended().forEach((name, value) -> extended.merge(name, -value, Long::sum));
        return new Resources(
                from.milliCpu() - amount.milliCpu(),
                from.memoryBytes() - amount.memoryBytes(),
                from.ephemeralStorageBytes() - amount.ephemeralStorageBytes(),
                extended);
    }

    @Override
    public String toString() {
        return "NodeInfo[" + node.name() + ", " + pods.size() + " pods, requested " + requested + "]";
    }
}
