/**
 * Benchmarks of keel's Kubernetes scheduler: kube-scheduler's scheduler_perf workloads reproduced in process
 * ({@link dev.keel.bench.scheduler.SchedulerPerfHarness}), against an exhaustive reference scheduler
 * ({@link dev.keel.bench.scheduler.ExhaustiveScheduler}) in the same run.
 */
@NullMarked
package dev.keel.bench.scheduler;

import org.jspecify.annotations.NullMarked;
