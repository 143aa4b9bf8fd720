/**
 * Benchmarks of keel-kv's Redis-protocol server against Redis itself.
 *
 * <p>Reading order: {@link dev.keel.bench.kv.KvServerHarness} (the main class: what is measured, how, and the
 * command), {@link dev.keel.bench.kv.KvHarnessOptions} (its command line); then what it is built from:
 * {@link dev.keel.bench.kv.RedisServerProcess} (a redis-server child process on a free port),
 * {@link dev.keel.bench.kv.RedisBenchmark} (one redis-benchmark run as a child process, its CSV parsed into
 * {@link dev.keel.bench.kv.RedisBenchmark.Result}s) and {@link dev.keel.bench.kv.Executables} (finding both on the
 * {@code PATH}).
 *
 * <p>Thread safety: everything runs on the harness's main thread; only keel's server, started in-process, runs its
 * own threads.
 */
@NullMarked
package dev.keel.bench.kv;

import org.jspecify.annotations.NullMarked;
