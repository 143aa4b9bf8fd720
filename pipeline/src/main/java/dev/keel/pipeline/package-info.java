/**
 * keel's lazy pipelines: pull-based, fused into one loop per run, lazy to the element, closing their sources on every
 * exit, with ordered concurrent mapping on virtual threads and parallel reduction for CPU work.
 *
 * <p>Reading order: {@link dev.keel.pipeline.LazyPipeline} (the entry point: sources, operations, terminal
 * operations; a facade whose methods check their arguments through the classes below and build or run a chain) and {@link dev.keel.pipeline.PipelineException} (the one failure type, with a stable code); inside,
 * {@code Cursor} (the pull protocol every operation implements) and {@code Stage} (an operation between two cursors),
 * the sources in {@code Sources}, the operations grouped by shape ({@code ElementStages}, {@code Slicing},
 * {@code Expanding}, {@code BufferedStage}, {@code Remembering}, {@code Windowed}, {@code Combining}), the terminal
 * operations in {@code Terminals}, the caller-held runs a pipeline closes in {@code OpenRuns}; the concurrency:
 * {@code MapConcurrent} and {@link dev.keel.pipeline.ParallelPipeline} over {@code Splittable} sources cut by
 * {@code PartPlan}; the primitive specialisations {@link dev.keel.pipeline.IntPipeline} and
 * {@link dev.keel.pipeline.LongPipeline} (over {@code LongCursors}, {@code PrimitiveTerminals} and
 * {@code PrimitiveWindows}); the value types {@link dev.keel.pipeline.Pair},
 * {@link dev.keel.pipeline.Indexed}, {@link dev.keel.pipeline.Partition}.
 *
 * <p>Thread safety: pipelines are immutable recipes and thread-safe; each run (a terminal operation, an iterator) is
 * confined to one thread and is not thread-safe. {@code mapConcurrent} runs the caller's function on virtual threads
 * and {@code parallel()} on the executor's threads, and hands results back to the run's thread; neither leaves a task
 * running when the terminal operation returns.
 */
@NullMarked
package dev.keel.pipeline;

import org.jspecify.annotations.NullMarked;
