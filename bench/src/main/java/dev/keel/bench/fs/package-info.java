/**
 * Benchmarks of keel's in-memory file system against Jimfs (Unix configuration), in the same run:
 * {@link dev.keel.bench.fs.SmallFileChurnBenchmark} (10,000 files of 1 KiB), {@link dev.keel.bench.fs.DeepLookupBenchmark}
 * (depth 16 through a symbolic link), {@link dev.keel.bench.fs.SequentialIoBenchmark} (64 MiB through a channel),
 * {@link dev.keel.bench.fs.ListingBenchmark} (100,000 entries) and {@link dev.keel.bench.fs.SmallFileHeapHarness}
 * (heap for 100,000 files of 1 KiB). Results in {@code bench/results/fs-vs-jimfs.md}.
 */
package dev.keel.bench.fs;
