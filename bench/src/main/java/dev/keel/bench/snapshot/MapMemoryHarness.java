package dev.keel.bench.snapshot;

import java.util.List;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

/**
 * Bytes per entry of each hash map at 1,000,000 entries (Integer keys and values), measured by JOL's object-graph
 * walk: everything reachable from the map, minus the key and value objects themselves (they are the caller's and the
 * same for every library). So the number is the structure's own overhead: nodes, arrays, entry or tuple objects,
 * cached hashes.
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.snapshot.MapMemoryHarness [entries]} (compressed oops and 12-byte
 * headers, the JVM's defaults on this heap size; the first line says what JOL sees).
 */
public final class MapMemoryHarness {

    private MapMemoryHarness() {}

    public static void main(String[] args) {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Object[] keys = new Object[entries];
        Object[] values = new Object[entries];
        for (int i = 0; i < entries; i++) {
            keys[i] = Integer.valueOf(i * 0x9E3779B9);
            values[i] = Integer.valueOf(i + 1_000_000);
        }
        System.out.println(VM.current().details().lines().findFirst().orElse(""));
        GraphLayout keysAndValues = GraphLayout.parseInstance(keys, values);
        System.out.printf("%-20s %14s %16s%n", "map", "bytes", "bytes per entry");
        for (String name : List.of("keel", "scala", "clojure", "vavr", "pcollections", "java.util.HashMap")) {
            Object map = PeerMap.named(name).build(keys, values);
            long bytes = GraphLayout.parseInstance(map).subtract(keysAndValues).totalSize();
            System.out.printf("%-20s %,14d %16.1f%n", name, bytes, bytes / (double) entries);
        }
    }
}
