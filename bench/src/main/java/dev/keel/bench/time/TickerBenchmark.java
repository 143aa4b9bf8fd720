package dev.keel.bench.time;

import dev.keel.bench.KeelBenchmark;
import dev.keel.time.Ticker;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Does reading time through the {@link Ticker} seam cost anything over calling {@link System#nanoTime()} directly?
 * It should not: the system ticker is a monomorphic call the JIT inlines. This also proves the JMH wiring.
 *
 * <p>Run: {@code ./keel bench time}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TickerBenchmark extends KeelBenchmark {

    private final Ticker ticker = Ticker.system();

    @Benchmark
    public long systemNanoTime() {
        return System.nanoTime();
    }

    @Benchmark
    public long tickerSystem() {
        return ticker.read();
    }
}
