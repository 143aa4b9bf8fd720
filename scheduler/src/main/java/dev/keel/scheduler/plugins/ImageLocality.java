package dev.keel.scheduler.plugins;

import dev.keel.scheduler.Cluster;
import dev.keel.scheduler.Container;
import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.ImageNames;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PreScorePlugin;
import dev.keel.scheduler.ScorePlugin;
import dev.keel.scheduler.Status;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Score: prefer nodes that already hold the pod's images. Each image present counts its size times the share of
 * nodes holding it (so an image everywhere does not dominate); the sum is clamped to [23 MiB, 1000 MiB x containers]
 * and scaled to 0-100. Immutable.
 */
public final class ImageLocality implements PreScorePlugin, ScorePlugin {

    public ImageLocality() {}

    public static final String NAME = "ImageLocality";
    private static final long MB = 1024L * 1024;
    private static final long MIN_THRESHOLD = 23 * MB;
    private static final long MAX_CONTAINER_THRESHOLD = 1000 * MB;
    private static final String KEY = NAME + "/nodes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status preScore(CycleState state, Pod pod, List<NodeInfo> feasibleNodes, Cluster cluster) {
        state.write(KEY, cluster);
        return Status.success();
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo node) {
        return score(state.read(KEY, Cluster.class), pod, node);
    }

    @Override
    public void scoreAll(CycleState state, Pod pod, List<NodeInfo> nodes, long[] scores) {
        Cluster cluster = state.read(KEY, Cluster.class);
        for (int i = 0; i < nodes.size(); i++) {
            scores[i] = score(cluster, pod, nodes.get(i));
        }
    }

    private static long score(@Nullable Cluster cluster, Pod pod, NodeInfo node) {
        int totalNodes = cluster == null ? 1 : Math.max(1, cluster.size());
        long sum = 0;
        sum += imageScores(pod.initContainers(), node.node().images(), cluster, totalNodes);
        sum += imageScores(pod.containers(), node.node().images(), cluster, totalNodes);
        int containers = pod.initContainers().size() + pod.containers().size();
        long maxThreshold = MAX_CONTAINER_THRESHOLD * containers;
        long clamped = Math.max(MIN_THRESHOLD, Math.min(maxThreshold, sum));
        return MAX_NODE_SCORE * (clamped - MIN_THRESHOLD) / (maxThreshold - MIN_THRESHOLD);
    }

    private static long imageScores(
            List<Container> containers, Map<String, Long> images, Cluster cluster, int totalNodes) {
        if (images.isEmpty()) {
            return 0;
        }
        long sum = 0;
        for (Container container : containers) {
            if (container.image().isEmpty()) {
                continue;
            }
            String wanted = ImageNames.normalize(container.image());
            for (Map.Entry<String, Long> image : images.entrySet()) {
                if (ImageNames.normalize(image.getKey()).equals(wanted)) {
                    int holders = cluster == null ? 1 : cluster.nodesWithImage(wanted);
                    double spread = (double) holders / totalNodes;
                    sum += (long) (image.getValue() * spread);
                    break;
                }
            }
        }
        return sum;
    }
}
