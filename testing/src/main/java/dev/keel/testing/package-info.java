/**
 * Test fixtures that every keel module's tests stand on; a dependency at test scope only.
 *
 * <p>Reading order: {@link dev.keel.testing.ManualTicker} (fake elapsed time, wall time and waiting, with a
 * transcript of waits); {@link dev.keel.testing.SeededRandom} and {@link dev.keel.testing.SeedExtension}
 * (reproducible randomness that names its seed when a test fails and takes {@code -Dkeel.seed=N});
 * {@link dev.keel.testing.Gen} and {@link dev.keel.testing.Gens} (small generators for property and model-based
 * tests) with {@link dev.keel.testing.Property} to run them; {@link dev.keel.testing.ChildJvm} (a child process
 * running a main class, which a crash test can {@code kill -9}); {@link dev.keel.testing.FaultyDisk} (file channels
 * whose unsynced writes are lost, torn or reordered when the test cuts the power; its model is in
 * {@code CachedFile}, {@code WriteFates} and {@code FaultyFileChannel}); {@link dev.keel.testing.FreePorts};
 * {@link dev.keel.testing.KeelAssert} (the base for custom AssertJ assertions) and
 * {@link dev.keel.testing.KeelAssertions} (their entry points).
 *
 * <p>Thread safety: {@code ManualTicker} is thread-safe; {@code SeededRandom} is not (give each thread its own via
 * {@link dev.keel.testing.SeededRandom#split()}); generators are stateless and thread-safe; {@code ChildJvm} is
 * thread-safe; {@code FaultyDisk} and its channels are thread-safe under one lock per disk.
 */
@NullMarked
package dev.keel.testing;

import org.jspecify.annotations.NullMarked;
