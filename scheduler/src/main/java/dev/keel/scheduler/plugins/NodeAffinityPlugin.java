package dev.keel.scheduler.plugins;

import dev.keel.scheduler.Cluster;
import dev.keel.scheduler.ClusterEvent;
import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.EnqueueExtensions;
import dev.keel.scheduler.FilterPlugin;
import dev.keel.scheduler.Node;
import dev.keel.scheduler.NodeAffinity;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PreFilterPlugin;
import dev.keel.scheduler.PreScorePlugin;
import dev.keel.scheduler.QueueingHint;
import dev.keel.scheduler.ScorePlugin;
import dev.keel.scheduler.Status;
import java.util.List;
import java.util.Map;

/**
 * The {@code NodeAffinity} plugin: Filter on {@code nodeSelector} and required node affinity, Score on preferred
 * node affinity. Immutable.
 *
 * <p>Filter rejects unresolvably: no eviction changes a node's labels. Score sums the weights of the preferred terms
 * the node matches, then normalizes to 0-100 against the best node ({@code DefaultNormalizeScore}).
 */
public final class NodeAffinityPlugin
        implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {

    public NodeAffinityPlugin() {
        this(NodeAffinity.NONE);
    }

    public static final String NAME = "NodeAffinity";
    public static final String REASON = "node(s) didn't match Pod's node affinity/selector";
    public static final String REASON_ENFORCED = "node(s) didn't match scheduler-enforced node affinity";

    private final NodeAffinity added;

    /**
     * With {@code addedAffinity} from the plugin's args: required terms every pod must also match (checked first,
     * "scheduler-enforced"), preferred terms added to every pod's.
     */
    public NodeAffinityPlugin(NodeAffinity added) {
        this.added = added;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Upstream's PreFilter: with no scheduler-enforced affinity, no {@code nodeSelector} and no required node
     * affinity, Filter has nothing to check, so the plugin skips it.
     */
    @Override
    public Status preFilter(CycleState state, Pod pod, Cluster cluster) {
        boolean nothingRequired = added.required().isEmpty()
                && pod.nodeSelector().isEmpty()
                && pod.nodeAffinity().required().isEmpty();
        return nothingRequired ? Status.skip() : Status.success();
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo node) {
        if (!added.required().isEmpty() && !added.requiredMatches(node.node())) {
            return Status.unresolvable(REASON_ENFORCED);
        }
        return matchesRequired(pod, node) ? Status.success() : Status.unresolvable(REASON);
    }

    /**
     * Upstream: the node (added, or updated) matches the scheduler-enforced affinity and the pod's required affinity
     * now, and an updated node did not before (a node that matched already was not what stopped the pod).
     */
    @Override
    public QueueingHint isSchedulableAfter(ClusterEvent event, Pod pod) {
        return switch (event) {
            case ClusterEvent.NodeAdded added -> QueueingHint.queueIf(matchesAll(pod, added.node()));
            case ClusterEvent.NodeUpdated updated ->
                QueueingHint.queueIf(matchesAll(pod, updated.updated()) && !matchesAll(pod, updated.old()));
            default -> QueueingHint.SKIP;
        };
    }

    private boolean matchesAll(Pod pod, Node node) {
        return (added.required().isEmpty() || added.requiredMatches(node)) && matchesRequired(pod, node);
    }

    /** The pod's nodeSelector and required node affinity both hold on the node. */
    public static boolean matchesRequired(Pod pod, NodeInfo node) {
        return matchesRequired(pod, node.node());
    }

    /** The pod's nodeSelector and required node affinity both hold on the node. */
    public static boolean matchesRequired(Pod pod, Node node) {
        Map<String, String> labels = node.labels();
        for (Map.Entry<String, String> wanted : pod.nodeSelector().entrySet()) {
            if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
                return false;
            }
        }
        return pod.nodeAffinity().requiredMatches(node);
    }

    /** Skips Score for a pod without preferred terms, as upstream does. */
    @Override
    public Status preScore(CycleState state, Pod pod, List<NodeInfo> feasibleNodes, Cluster cluster) {
        return pod.nodeAffinity().preferred().isEmpty() && added.preferred().isEmpty()
                ? Status.skip()
                : Status.success();
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo node) {
        long sum = 0;
        for (NodeAffinity.Preferred preferred : pod.nodeAffinity().preferred()) {
            if (preferred.term().matches(node.node())) {
                sum += preferred.weight();
            }
        }
        for (NodeAffinity.Preferred preferred : added.preferred()) {
            if (preferred.term().matches(node.node())) {
                sum += preferred.weight();
            }
        }
        return sum;
    }

    @Override
    public boolean normalizes() {
        return true;
    }

    @Override
    public void normalize(CycleState state, Pod pod, List<NodeInfo> nodes, long[] scores) {
        ScorePlugin.defaultNormalize(MAX_NODE_SCORE, false, scores);
    }
}
