package dev.keel.bench.snapshot;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * One persistent update of a map of the given size: insert an absent key, or delete a present one, each returning a
 * new map that shares all but one path with the old (which stays as it was, so every call updates the same map).
 * For {@code java.util.HashMap} each call is a put and a remove (or a remove and a put) of the one mutable map: the
 * cost of the change itself without any copying. Nanoseconds per update.
 *
 * <p>Run: {@code ./keel bench snapshot.MapUpdate -f 1 -wi 2 -i 3 -w 1s -r 1s -p size=1024,1048576}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MapUpdateBenchmark extends MapFixture {

    @Benchmark
    public Object insert() {
        int i = next();
        Object updated = peer.with(full, absent[i], values[i]);
        if (updated == full) {
            peer.without(full, absent[i]);
        }
        return updated;
    }

    @Benchmark
    public Object delete() {
        int i = next();
        Object key = present[i];
        Object updated = peer.without(full, key);
        if (updated == full) {
            peer.with(full, key, values[i]);
        }
        return updated;
    }
}
