package dev.keel.bench.snapshot;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * {@code equals} of two maps with the same entries that share no structure: one built with the library's builder in
 * one order, the other by single updates in another (shuffled) order. A canonical trie (keel, Scala) can compare node
 * by node; a HAMT compares entry by entry with lookups. Microseconds per comparison.
 *
 * <p>Run: {@code ./keel bench snapshot.MapEquals -f 1 -wi 2 -i 3 -w 1s -r 1s -p size=1024,1048576}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MapEqualsBenchmark extends MapFixture {

    private Object other;

    @Override
    void afterBuild() {
        Object[] order = present.clone();
        shuffle(order, new SplittableRandom(7));
        Object copy = peer.build(new Object[0], new Object[0]);
        for (Object key : order) {
            copy = peer.with(copy, key, peer.get(full, key));
        }
        if (!peer.equal(full, copy)) {
            throw new IllegalStateException(map + ": the two maps built in different orders are not equal");
        }
        other = copy;
    }

    @Benchmark
    public boolean equalsOfEqualMaps() {
        return peer.equal(full, other);
    }
}
