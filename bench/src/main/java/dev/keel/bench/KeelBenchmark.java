package dev.keel.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The defaults every keel benchmark inherits (JMH's annotations are {@code @Inherited}); a class overrides any of them
 * by annotating itself.
 *
 * <p>Why these numbers: the machines are 2-core, so one fork with 3 warm-up and 5 measurement iterations of 2 s gives
 * a stable mean in about 20 s per parameter combination, and the error JMH prints says when it does not. Command-line
 * flags ({@code -f}, {@code -wi}, {@code -i}) override both.
 */
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class KeelBenchmark {}
