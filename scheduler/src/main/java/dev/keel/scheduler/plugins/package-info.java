/**
 * kube-scheduler's default plugins, each a small class behind the framework's extension points, with upstream's
 * formulas and messages.
 *
 * <p>Reading order: {@link dev.keel.scheduler.plugins.DefaultPlugins} (the default profile and the registry by name);
 * the filters {@link dev.keel.scheduler.plugins.NodeUnschedulable}, {@link dev.keel.scheduler.plugins.NodeName},
 * {@link dev.keel.scheduler.plugins.TaintToleration}, {@link dev.keel.scheduler.plugins.NodeAffinityPlugin},
 * {@link dev.keel.scheduler.plugins.NodePorts}, {@link dev.keel.scheduler.plugins.NodeResourcesFit} (with its
 * {@link dev.keel.scheduler.plugins.ScoringStrategy}), {@link dev.keel.scheduler.plugins.PodTopologySpread}
 * (its per-cycle {@code SpreadCounts}), {@link dev.keel.scheduler.plugins.InterPodAffinity} (its {@code AffinityCounts});
 * both read the counts the cluster keeps up to date instead of recounting pods; the scorers
 * {@link dev.keel.scheduler.plugins.NodeResourcesBalancedAllocation} and
 * {@link dev.keel.scheduler.plugins.ImageLocality}; {@link dev.keel.scheduler.plugins.DefaultPreemption};
 * {@link dev.keel.scheduler.plugins.PrioritySort}; {@link dev.keel.scheduler.plugins.DefaultBinder}.
 *
 * <p>Thread safety: every plugin is immutable; per-cycle data lives in the cycle's
 * {@link dev.keel.scheduler.CycleState}.
 */
@NullMarked
package dev.keel.scheduler.plugins;

import org.jspecify.annotations.NullMarked;
