/**
 * Benchmarks of keel-snapshot's persistent hash map against Scala 2.13, Clojure, Vavr, PCollections and
 * {@code java.util.HashMap}: {@link dev.keel.bench.snapshot.MapFixture} (the shared parameters and data) and
 * {@link dev.keel.bench.snapshot.PeerMap} (one adapter per library), then one class per question: lookups, updates,
 * iteration, equality, bulk building; {@link dev.keel.bench.snapshot.MapMemoryHarness} (bytes per entry, JOL); and
 * {@link dev.keel.bench.snapshot.MapCpuHarness} (CPU time per whole-map iteration or per update, for a
 * loaded machine); {@link dev.keel.bench.snapshot.MapGoalReport} (the goal table from the JMH JSON).
 */
package dev.keel.bench.snapshot;
