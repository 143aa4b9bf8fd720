package dev.keel.bench.snapshot;

import dev.keel.bench.KeelBenchmark;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What every hash-map benchmark shares: the implementation ({@code map}), the size (2^4 to 2^20), the key type
 * (random {@code Integer}s, or random 8-16 character {@code String}s), a map of that size built from the keys, the
 * present keys in a shuffled order, and as many absent keys. Seeded, so every run and every library sees the same
 * keys.
 *
 * <p>The same collector conditions for every library, so that at 1M entries the timed part measures the map and not
 * the collector: a fixed heap of 3 GiB (no resizing while measuring; the default collector, G1), and a full collection
 * at the end of the set-up, which moves the fixture (2M keys, the values, the map: 100-300 MB at 1M String keys) into
 * the old generation. Without it the first young collections of the timed part copy the whole fixture between
 * survivor spaces and on into the old generation, pauses of tens to hundreds of milliseconds landing in whichever
 * iteration they fall in.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms3g", "-Xmx3g"})
public abstract class MapFixture extends KeelBenchmark {

    @Param({"keel", "scala", "clojure", "vavr", "pcollections", "java.util.HashMap"})
    public String map;

    @Param({"16", "1024", "32768", "1048576"})
    public int size;

    @Param({"Integer", "String"})
    public String keys;

    PeerMap peer;
    Object[] present;
    Object[] absent;
    Object[] values;
    Object full;
    int mask;
    int cursor;

    @Setup
    public void buildMap() {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size " + size + " (expected: a power of two)");
        }
        peer = PeerMap.named(map);
        SplittableRandom random = new SplittableRandom(42);
        Set<Object> seen = new HashSet<>();
        present = distinctKeys(random, seen);
        absent = distinctKeys(random, seen);
        values = new Object[size];
        for (int i = 0; i < size; i++) {
            values[i] = i;
        }
        full = peer.build(present, values);
        shuffle(present, random);
        mask = size - 1;
        afterBuild();
        System.gc(); // the fixture into the old generation before anything is timed (see the class comment)
    }

    /**
     * More set-up for a benchmark that needs it, after the map is built. A hook rather than a second {@code @Setup}:
     * JMH does not promise to run a superclass's set-up before a subclass's.
     */
    void afterBuild() {}

    private Object[] distinctKeys(SplittableRandom random, Set<Object> seen) {
        Object[] result = new Object[size];
        for (int i = 0; i < size; ) {
            Object key = keys.equals("Integer") ? Integer.valueOf(random.nextInt()) : randomString(random);
            if (seen.add(key)) {
                result[i++] = key;
            }
        }
        return result;
    }

    private static String randomString(SplittableRandom random) {
        char[] chars = new char[random.nextInt(8, 17)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }

    static void shuffle(Object[] array, SplittableRandom random) {
        for (int i = array.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Object swap = array[i];
            array[i] = array[j];
            array[j] = swap;
        }
    }

    int next() {
        int i = cursor;
        cursor = (i + 1) & mask;
        return i;
    }
}
