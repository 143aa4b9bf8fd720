package dev.keel.scheduler.plugins;

import dev.keel.scheduler.ClusterEvent;
import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.EnqueueExtensions;
import dev.keel.scheduler.FilterPlugin;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.QueueingHint;
import dev.keel.scheduler.ScorePlugin;
import dev.keel.scheduler.Status;
import dev.keel.scheduler.Taint;
import dev.keel.scheduler.TaintEffect;
import dev.keel.scheduler.Toleration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Filter and Score on taints. Immutable.
 *
 * <p>Filter: the first NoSchedule or NoExecute taint the pod does not tolerate rejects the node, unresolvably
 * (evicting pods removes no taint). Score: the number of PreferNoSchedule taints the pod does not tolerate (counting
 * only its tolerations with effect PreferNoSchedule or none), normalized and reversed, so fewer is better.
 */
public final class TaintToleration implements FilterPlugin, ScorePlugin, EnqueueExtensions {

    public TaintToleration() {}

    public static final String NAME = "TaintToleration";
    public static final String REASON = "node(s) had untolerated taint(s)";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo node) {
        Taint untolerated = firstUntolerated(node.node().taints(), pod.tolerations());
        if (untolerated == null) {
            return Status.success();
        }
        String legacy = "node(s) had untolerated taint {" + untolerated.key() + ": " + untolerated.value() + "}";
        return Status.unresolvable(REASON).withLegacyReasons(List.of(legacy));
    }

    /**
     * Upstream: the node (added, or updated) has no untolerated NoSchedule/NoExecute taint now and had one before
     * (a new node counts as having had one).
     */
    @Override
    public QueueingHint isSchedulableAfter(ClusterEvent event, Pod pod) {
        return switch (event) {
            case ClusterEvent.NodeAdded added ->
                QueueingHint.queueIf(firstUntolerated(added.node().taints(), pod.tolerations()) == null);
            case ClusterEvent.NodeUpdated updated ->
                QueueingHint.queueIf(firstUntolerated(updated.old().taints(), pod.tolerations()) != null
                        && firstUntolerated(updated.updated().taints(), pod.tolerations()) == null);
            default -> QueueingHint.SKIP;
        };
    }

    private static @Nullable Taint firstUntolerated(List<Taint> taints, List<Toleration> tolerations) {
        for (Taint taint : taints) {
            if (taint.effect() == TaintEffect.PREFER_NO_SCHEDULE) {
                continue;
            }
            if (!tolerated(taint, tolerations)) {
                return taint;
            }
        }
        return null;
    }

    static boolean tolerated(Taint taint, List<Toleration> tolerations) {
        for (Toleration toleration : tolerations) {
            if (toleration.tolerates(taint)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the pod tolerates every NoSchedule and NoExecute taint of the node (PodTopologySpread's policy). */
    static boolean toleratesNode(Pod pod, NodeInfo node) {
        return firstUntolerated(node.node().taints(), pod.tolerations()) == null;
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo node) {
        List<Taint> taints = node.node().taints();
        long count = 0;
        for (int i = 0; i < taints.size(); i++) {
            Taint taint = taints.get(i);
            if (taint.effect() == TaintEffect.PREFER_NO_SCHEDULE && !toleratedForScoring(taint, pod.tolerations())) {
                count++;
            }
        }
        return count;
    }

    /**
     * Upstream's {@code getAllTolerationPreferNoSchedule}: only tolerations with effect PreferNoSchedule or none
     * count. Checked in place rather than by filtering the list first: this runs for every scored node, and the
     * filtered copy was a third of the scheduler's allocation in the SchedulingBasic profile.
     */
    private static boolean toleratedForScoring(Taint taint, List<Toleration> tolerations) {
        for (Toleration toleration : tolerations) {
            if ((toleration.effect() == null || toleration.effect() == TaintEffect.PREFER_NO_SCHEDULE)
                    && toleration.tolerates(taint)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean normalizes() {
        return true;
    }

    @Override
    public void normalize(CycleState state, Pod pod, List<NodeInfo> nodes, long[] scores) {
        ScorePlugin.defaultNormalize(MAX_NODE_SCORE, true, scores);
    }
}
