package dev.keel.scheduler.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.scheduler.Cluster;
import dev.keel.scheduler.Container;
import dev.keel.scheduler.CycleState;
import dev.keel.scheduler.ImageNames;
import dev.keel.scheduler.Node;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.Resources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ImageLocality with upstream's image_locality_test.go numbers. */
final class ImageLocalityTest {

    private static final long MB = 1024L * 1024;

    private static Container image(String name) {
        return new Container(name.replaceAll("[^a-z0-9]", ""), name, Resources.NONE, Resources.NONE);
    }

    @Test
    void score_twoImagesSpreadOnTwoNodes_prefersTheNodeWithTheLargerImages() {
        // "two images spread on two nodes, prefer the larger image one": 40 and 300 MB on one of two nodes.
        Node big = new Node("node403002000", Resources.NONE)
                .withImages(Map.of(
                        "gcr.io/40:latest", 40 * MB, "gcr.io/300:latest", 300 * MB, "gcr.io/2000:latest", 2000 * MB));
        Node small = new Node("node25010", Resources.NONE)
                .withImages(Map.of("gcr.io/250:latest", 250 * MB, "gcr.io/10:latest", 10 * MB));
        Cluster cluster = Cluster.of(List.of(big, small), List.of());
        Pod pod = Pod.builder("p")
                .container(image("gcr.io/40"))
                .container(image("gcr.io/300"))
                .build();
        ImageLocality plugin = new ImageLocality();
        CycleState state = new CycleState();
        plugin.preScore(state, pod, cluster.nodes(), cluster);

        // (40 + 300) MB x 1/2 nodes = 170 MB; 100 * (170 - 23) / (2000 - 23) = 7.
        assertThat(plugin.score(state, pod, cluster.node("node403002000"))).isEqualTo(7);
        assertThat(plugin.score(state, pod, cluster.node("node25010"))).isZero();
    }

    @Test
    void normalize_imageWithoutTag_meansLatest() {
        assertThat(ImageNames.normalize("nginx")).isEqualTo("nginx:latest");
        assertThat(ImageNames.normalize("registry:5000/nginx")).isEqualTo("registry:5000/nginx:latest");
        assertThat(ImageNames.normalize("nginx:1.27")).isEqualTo("nginx:1.27");
        assertThat(ImageNames.normalize("nginx@sha256:abc")).isEqualTo("nginx@sha256:abc");
    }
}
