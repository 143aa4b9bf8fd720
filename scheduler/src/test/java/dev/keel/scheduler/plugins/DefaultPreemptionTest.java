package dev.keel.scheduler.plugins;

import static dev.keel.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.scheduler.LabelSelector;
import dev.keel.scheduler.Pod;
import dev.keel.scheduler.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DefaultPreemption's budget arithmetic, as upstream's filterPodsWithPDBViolation. */
final class DefaultPreemptionTest {

    @Test
    void splitByBudgets_spendsAllowedDisruptionsMostImportantFirst() {
        PodDisruptionBudget oneMore =
                new PodDisruptionBudget("default", "web", LabelSelector.matching(Map.of("app", "web")), 1);
        PodDisruptionBudget emptySelector = new PodDisruptionBudget("default", "all", LabelSelector.EVERYTHING, 0);
        Pod first = pod("a", 1, 1).toBuilder().label("app", "web").build();
        Pod second = pod("b", 1, 1).toBuilder().label("app", "web").build();
        Pod unlabelled = pod("c", 1, 1);
        List<Pod> violating = new ArrayList<>();
        List<Pod> nonViolating = new ArrayList<>();

        DefaultPreemption.splitByBudgets(
                List.of(first, second, unlabelled), List.of(oneMore, emptySelector), violating, nonViolating);

        assertThat(violating).containsExactly(second);
        assertThat(nonViolating).as("an empty selector covers nothing").containsExactly(first, unlabelled);
    }
}
