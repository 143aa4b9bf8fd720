package dev.keel.cli;

import dev.keel.snapshot.Difference;
import dev.keel.snapshot.ImmutableDataStructure;
import dev.keel.snapshot.PersistentSortedMap;
import dev.keel.snapshot.SnapshotIterator;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The persistent data structures' tour: the seed example, a diff between two versions, and a reader
 * iterating a pinned snapshot while a writer thread commits thousands of versions. Coordinated by latches, so it
 * prints the same every time.
 */
final class SnapshotDemo {

    private static final int WRITES = 10_000;

    private final PrintWriter out;

    SnapshotDemo(PrintWriter out) {
        this.out = out;
    }

    void run() throws InterruptedException {
        out.println("The seed example:");
        ImmutableDataStructure<String, Object> data = new ImmutableDataStructure<>(Map.of("name", "Alice", "age", 30));
        out.println("  data.set(\"age\", 31)      -> version " + data.set("age", 31));
        out.println("  data.set(\"city\", \"NYC\")  -> version " + data.set("city", "NYC"));
        out.println("  data.snapshot(0)         -> " + sorted(data.snapshot(0)));
        out.println("  new SnapshotIterator<>(data, 1):");
        for (Map.Entry<String, Object> e : new SnapshotIterator<>(data, 1)) {
            out.println("    " + e.getKey() + " = " + e.getValue());
        }
        out.println();

        out.println("diff(0, 2), found by skipping the sub-tries the versions share:");
        for (Difference<String, Object> difference : data.diff(0, 2)) {
            out.println("  " + SnapshotScript.describe(difference));
        }
        out.println();
        readerDuringWrites();
    }

    private void readerDuringWrites() throws InterruptedException {
        ImmutableDataStructure<String, Integer> store =
                new ImmutableDataStructure<>(Map.of("a", 1, "b", 2, "c", 3, "d", 4), 8);
        long pinned = store.currentVersion();
        CountDownLatch writerDone = new CountDownLatch(1);
        Thread writer = Thread.ofPlatform().name("snapshot-demo-writer").unstarted(() -> {
            for (int i = 0; i < WRITES; i++) {
                store.set("a", i);
                store.delete("b");
                store.set("e" + (i % 100), i);
            }
            writerDone.countDown();
        });
        out.println("A reader iterates version " + pinned + " while a writer commits " + 3 * WRITES
                + " versions (the store retains only the last 8, and the reader's pin):");
        Map<String, Integer> seen = new TreeMap<>();
        try (SnapshotIterator<String, Integer> reader = new SnapshotIterator<>(store, pinned)) {
            writer.start();
            boolean first = true;
            for (Map.Entry<String, Integer> entry : reader) {
                seen.put(entry.getKey(), entry.getValue());
                if (first) {
                    if (!writerDone.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the demo's writer did not finish within 30 s");
                    }
                    first = false;
                    out.println("  (the writer finished after the reader's first entry: the store is now at version "
                            + store.currentVersion() + ")");
                }
            }
        } finally {
            writer.join();
        }
        out.println("  the reader saw  " + seen);
        out.println("  while version " + store.currentVersion() + " has a=" + store.get("a") + ", "
                + (store.current().containsKey("b") ? "b" : "no b") + ", "
                + store.current().size() + " keys");
        out.println("  retained versions: " + store.versions());
        out.println("Try: printf 'set a 1\\nset b 2\\ndelete a\\ndiff 1 3\\nshow 2\\n' | keel snapshot script");
    }

    private static <V> PersistentSortedMap<String, V> sorted(Map<String, V> map) {
        return PersistentSortedMap.copyOf(new TreeMap<>(map));
    }
}
