package dev.keel.scheduler.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.scheduler.Cluster;
import dev.keel.scheduler.Container;
import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.Node;
import dev.keel.scheduler.NodeInfo;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PreScorePlugin;
import dev.keel.scheduler.Profile;
import dev.keel.scheduler.Resources;
import dev.keel.scheduler.ScorePlugin;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every default score plugin's {@code scoreAll} (what the framework calls, once per cycle) gives each node the score
 * {@code score} gives it alone, with PreScore run and without, on random clusters.
 */
@ExtendWith(SeedExtension.class)
final class ScoreAllTest {

    @Test
    void scoreAll_randomClusters_equalsScoreNodeByNode(SeededRandom random) {
        for (int trial = 0; trial < 100; trial++) {
            List<Node> nodes = new ArrayList<>();
            List<Pod> bound = new ArrayList<>();
            int nodeCount = 1 + random.nextInt(8);
            for (int n = 0; n < nodeCount; n++) {
                Node node = new Node(
                                "n" + n,
                                Resources.ofBytes(1_000 + random.nextInt(4_000), 1L << (30 + random.nextInt(3))))
                        .withLabels(Map.of("zone", "z" + random.nextInt(3)))
                        .withImages(random.chance(1, 2) ? Map.of("nginx:latest", 100L << 20) : Map.of());
                nodes.add(node);
                for (int p = random.nextInt(4); p > 0; p--) {
                    bound.add(pod("b" + n + "-" + p, random).toBuilder()
                            .nodeName(node.name())
                            .build());
                }
            }
            Cluster cluster = Cluster.of(nodes, bound);
            Pod pod = pod("incoming", random);
            for (ScorePlugin plugin : Profile.defaults().of(ScorePlugin.class)) {
                for (boolean preScored : List.of(true, false)) {
                    CycleState state = new CycleState();
                    if (preScored && plugin instanceof PreScorePlugin preScore) {
                        preScore.preScore(state, pod, cluster.nodes(), cluster);
                    }
                    List<NodeInfo> infos = cluster.nodes();
                    long[] all = new long[infos.size()];
                    plugin.scoreAll(state, pod, infos, all);
                    for (int i = 0; i < infos.size(); i++) {
                        assertThat(all[i])
                                .as(
                                        "%s on %s (PreScore run: %s)",
                                        plugin.name(), infos.get(i).name(), preScored)
                                .isEqualTo(plugin.score(state, pod, infos.get(i)));
                    }
                }
            }
        }
    }

    private static Pod pod(String name, SeededRandom random) {
        Resources requests = random.chance(1, 4)
                ? Resources.NONE
                : Resources.ofBytes(50 + random.nextInt(500), (64L + random.nextInt(512)) << 20);
        return Pod.builder(name)
                .container(new Container("app", random.chance(1, 2) ? "nginx" : "", requests, Resources.NONE))
                .build();
    }
}
