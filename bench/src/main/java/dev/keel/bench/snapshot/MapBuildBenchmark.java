package dev.keel.bench.snapshot;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Building a whole map from arrays of keys and values the fastest way each library offers: keel's
 * {@code PersistentMap.builder()} and Scala's {@code HashMapBuilder} (both mutate their own trie in place), Clojure's
 * transient, PCollections' {@code HashTreePMap.from}, Vavr's repeated {@code put} (it has no transient), and a
 * pre-sized {@code java.util.HashMap}. Microseconds per map.
 *
 * <p>Run: {@code ./keel bench snapshot.MapBuild -f 1 -wi 2 -i 3 -w 1s -r 1s -p size=1024,1048576}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MapBuildBenchmark extends MapFixture {

    @Benchmark
    public Object bulkBuild() {
        return peer.build(present, values);
    }
}
