/**
 * Benchmarks of keel-storage's write-ahead log against the disk it runs on and against RocksDB's write-ahead log.
 *
 * <p>Reading order: {@link dev.keel.bench.storage.WalAppendHarness} (the main class: what is measured, in what order,
 * and the command), {@link dev.keel.bench.storage.HarnessOptions} (its command line); then what it is built from:
 * {@link dev.keel.bench.storage.LoadRunner} (N named threads, a warm-up, a measured window, merged HdrHistograms) with
 * {@link dev.keel.bench.storage.LoadResult} and {@link dev.keel.bench.storage.LatencySummary};
 * {@link dev.keel.bench.storage.FsyncFloor} (the disk's own {@code force} latency); one class per system measured,
 * {@link dev.keel.bench.storage.KeelWalPeer} and {@link dev.keel.bench.storage.RocksDbPeer}, which write
 * {@link dev.keel.bench.storage.RecordBytes} into a {@link dev.keel.bench.ScratchDirectory} each; and the
 * report's pieces, {@link dev.keel.bench.Report}, {@link dev.keel.bench.MachineDescription} and
 * {@link dev.keel.bench.MarkdownTable}.
 *
 * <p>Why a harness and not JMH: group commit only shows with many threads blocked in {@code fsync} at once, and the
 * question is latency percentiles per append under that load, which JMH's per-invocation timing across 64 threads
 * does not report well. CPU-bound questions are JMH benchmarks here as usual:
 * {@link dev.keel.bench.storage.WalReadBenchmark} reads the log back.
 *
 * <p>Thread safety: the harness and the peers run on the main thread; only {@code LoadRunner}'s workers run
 * concurrently, each confined to its own histogram and counters, which the main thread reads after joining them.
 */
@NullMarked
package dev.keel.bench.storage;

import org.jspecify.annotations.NullMarked;
