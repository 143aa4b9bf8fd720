package dev.keel.bench.snapshot;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Lookups in a persistent hash map: a key that is present (hit) and one that is not (miss), cycling through the keys
 * in a shuffled order so that caches see a realistic spread. keel's CHAMP against Scala 2.13's CHAMP, Clojure's and
 * Vavr's HAMTs, PCollections and {@code java.util.HashMap}. Nanoseconds per lookup.
 *
 * <p>Run: {@code ./keel bench snapshot.MapLookup -f 1 -wi 2 -i 3 -w 1s -r 1s -p size=1024,1048576}; results in
 * {@code bench/results/snapshot-*.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MapLookupBenchmark extends MapFixture {

    @Benchmark
    public Object hit() {
        return peer.get(full, present[next()]);
    }

    @Benchmark
    public Object miss() {
        return peer.get(full, absent[next()]);
    }
}
