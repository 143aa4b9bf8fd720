/**
 * keel's Kubernetes scheduler: kube-scheduler's scheduling framework, in Java.
 *
 * <p>Reading order: the model, immutable records ({@link dev.keel.scheduler.Resources}, {@link dev.keel.scheduler.Node}
 * with {@link dev.keel.scheduler.Taint}, {@link dev.keel.scheduler.Pod} with {@link dev.keel.scheduler.Container},
 * selectors, affinities, {@link dev.keel.scheduler.Toleration}, {@link dev.keel.scheduler.TopologySpreadConstraint});
 * the entry point {@link dev.keel.scheduler.KubernetesScheduler} and what it returns
 * ({@link dev.keel.scheduler.Binding}, {@link dev.keel.scheduler.SchedulingResult} with its
 * {@link dev.keel.scheduler.Diagnosis}, messages from {@link dev.keel.scheduler.FailureMessage}); the framework: a
 * {@link dev.keel.scheduler.Profile} of {@link dev.keel.scheduler.Plugin}s behind the extension points
 * ({@link dev.keel.scheduler.QueueSortPlugin}, {@link dev.keel.scheduler.PreFilterPlugin},
 * {@link dev.keel.scheduler.FilterPlugin}, {@link dev.keel.scheduler.PostFilterPlugin},
 * {@link dev.keel.scheduler.PreScorePlugin}, {@link dev.keel.scheduler.ScorePlugin},
 * {@link dev.keel.scheduler.ReservePlugin}, {@link dev.keel.scheduler.PermitPlugin},
 * {@link dev.keel.scheduler.BindPlugin}) returning {@link dev.keel.scheduler.Status}, sharing a
 * {@link dev.keel.scheduler.CycleState}, reading the {@link dev.keel.scheduler.Cluster} of
 * {@link dev.keel.scheduler.NodeInfo}s, which also keeps {@link dev.keel.scheduler.DomainPodCounts} per
 * {@link dev.keel.scheduler.PodMatcher} and topology key up to date for the spread and affinity PreFilters; Permit answers with a {@link dev.keel.scheduler.PermitVerdict} and may hold
 * a {@link dev.keel.scheduler.WaitingPod} among the {@link dev.keel.scheduler.WaitingPods}; plugins give
 * QueueingHints for {@link dev.keel.scheduler.ClusterEvent}s through {@link dev.keel.scheduler.EnqueueExtensions}.
 * Inside: {@code SchedulingQueue} (active, backoff, unschedulable) asking {@code QueueingHints},
 * {@code SchedulingCycle} (one pod through the extension points, with node sampling), {@code Nominations} (pods
 * preemption nominated), {@code TopologyDomains} (label keys and values interned, so that the domain counts are
 * arrays read by a node's domain id) and {@code WaitingRoom}.
 *
 * <p>Thread safety: model records are immutable; {@code KubernetesScheduler} is thread-safe behind one lock that
 * also confines the mutable {@code Cluster}, {@code NodeInfo}s and {@code CycleState}s to one scheduling cycle at a
 * time. Time comes from the injected {@link dev.keel.time.Ticker}.
 */
@NullMarked
package dev.keel.scheduler;

import org.jspecify.annotations.NullMarked;
