/**
 * JMH benchmarks for every keel system against its best peer, one class per question, in
 * {@code dev.keel.bench.<system>}. Run by hand, never by CI: {@code ./keel bench <system> [JMH args]}.
 *
 * <p>Reading order: {@link dev.keel.bench.KeelBenchmark} (the shared warm-up, measurement and fork defaults), then any
 * system's package. Each benchmark class's javadoc says what it measures, why, and the exact command; peers are
 * compared in the same run through a {@code @Param}, and the numbers quoted in {@code docs/<system>.md} come from
 * that command on the machine the doc names.
 *
 * <p>Thread safety: JMH state objects are confined as their {@code @State} scope declares.
 */
@NullMarked
package dev.keel.bench;

import org.jspecify.annotations.NullMarked;
