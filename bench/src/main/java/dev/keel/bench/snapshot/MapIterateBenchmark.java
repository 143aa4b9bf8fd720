package dev.keel.bench.snapshot;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A full iteration of every entry, consuming each key and value, two ways, each compared like with like across the
 * libraries: {@code iterate} through each library's own entry iterator (keel's {@code entrySet()}, Scala's
 * {@code iterator()} of tuples, Clojure's {@code MapEntry}s, Vavr's tuples), and {@code forEach} through its internal
 * iteration, which makes no entry objects (keel's {@code forEach(BiConsumer)}, Scala's {@code foreachEntry},
 * Clojure's {@code kvreduce}, Vavr's {@code forEach(BiConsumer)}). Microseconds per whole-map iteration; divide by the
 * size for the cost per entry. Every map is made by the library's builder or transient (see {@link MapFixture}).
 *
 * <p>Run: {@code ./keel bench snapshot.MapIterate -f 1 -wi 2 -i 3 -w 1s -r 1s -p size=1024,1048576}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MapIterateBenchmark extends MapFixture {

    @Benchmark
    public void iterate(Blackhole blackhole) {
        peer.iterate(full, blackhole);
    }

    @Benchmark
    public void forEach(Blackhole blackhole) {
        peer.forEachEntry(full, blackhole);
    }
}
