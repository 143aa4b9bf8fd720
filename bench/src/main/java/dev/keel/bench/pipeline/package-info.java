/**
 * Benchmarks of keel's lazy pipelines against the JDK's streams and Gatherers, StreamEx, jOOλ's {@code Seq} and Vavr's
 * {@code Stream}, in the same run: {@link dev.keel.bench.pipeline.PrimitiveChainBenchmark} (map-filter-sum over 10M
 * ints), {@link dev.keel.bench.pipeline.BoxedChainBenchmark} (the same over boxed integers),
 * {@link dev.keel.bench.pipeline.WindowedBenchmark} (sliding windows of 16),
 * {@link dev.keel.bench.pipeline.FlatMapBenchmark} (a flatMap-heavy chain),
 * {@link dev.keel.bench.pipeline.MapConcurrentBenchmark} (2,000 tasks of 10 ms simulated I/O, 64 at a time) and
 * {@link dev.keel.bench.pipeline.ParallelReduceBenchmark} (a CPU-bound function over 10M elements, sequential and
 * parallel). Results in {@code bench/results/pipeline-*.md}.
 */
package dev.keel.bench.pipeline;
