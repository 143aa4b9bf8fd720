package dev.keel.bench.kv;

import dev.keel.bench.MachineDescription;
import dev.keel.bench.ScratchDirectory;
import dev.keel.kv.KeyValueStore;
import dev.keel.kv.KvOptions;
import dev.keel.kv.WriteBatch;
import dev.keel.storage.SyncPolicy;
import dev.keel.time.Ticker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;

/**
 * How long the key-value store takes to open with N keys: from its key-directory checkpoint (after a clean close), and
 * by replaying the whole log (the checkpoint removed), issue #4's "restart time for 10 million keys".
 *
 * <p>Loads N keys of 16-byte names with 100-byte values in batches of 1,000 under {@code SyncPolicy.NONE} (the close
 * forces everything), closes, then times three opens: with the checkpoint, with the checkpoint again (page cache
 * warm either way: this measures the CPU work of rebuilding the directory, not a cold disk), and without it. The heap
 * must hold the directory: run with a large enough {@code -Xmx} (the launcher's JVM uses the default, a quarter of
 * RAM). Reports the log size and the heap in use after each open.
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.kv.RestartHarness [KEYS]} (default 10,000,000).
 */
public final class RestartHarness {

    private RestartHarness() {}

    public static void main(String[] args) throws IOException {
        long keys = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        if (keys <= 0) {
            System.err.println("RestartHarness: KEYS (" + args[0] + ") must be positive");
            System.exit(2);
        }
        Ticker ticker = Ticker.system();
        try (ScratchDirectory scratch = ScratchDirectory.create("keel-kv-restart-")) {
            Path directory = scratch.path();
            KvOptions options = KvOptions.builder(directory)
                    .syncPolicy(SyncPolicy.NONE)
                    .compactionTrigger(0.999)
                    .valueCacheBytes(0)
                    .build();
            System.out.println("# keel kv restart time, " + keys + " keys");
            System.out.println();
            System.out.println("Command: `./keel bench run dev.keel.bench.kv.RestartHarness " + keys + "`");
            System.out.println();
            for (String line : MachineDescription.probe(directory, InstantSource.system(), List.of())
                    .markdownLines()) {
                System.out.println(line);
            }
            System.out.println("- Max heap: " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
            System.out.println();
            long start = ticker.read();
            try (KeyValueStore store = KeyValueStore.open(options)) {
                byte[] value = new byte[100];
                WriteBatch batch = new WriteBatch();
                for (long i = 0; i < keys; i++) {
                    batch.put(String.format("key:%012d", i).getBytes(StandardCharsets.UTF_8), value);
                    if (batch.size() == 1_000 || i == keys - 1) {
                        store.write(batch);
                        batch = new WriteBatch();
                    }
                    if (i > 0 && i % 1_000_000 == 0) {
                        System.err.println("loaded " + i + " keys");
                    }
                }
            }
            double loadSeconds = (ticker.read() - start) / 1e9;
            long logBytes = ScratchDirectory.sizeOfFiles(directory.resolve("log"));
            System.out.printf(
                    "Loaded and closed in %.1f s; log %d MiB; checkpoint %d MiB%n%n",
                    loadSeconds, logBytes >> 20, Files.size(directory.resolve("keydir.checkpoint")) >> 20);
            System.out.println("| open | seconds | keys | heap used MiB | startup |");
            System.out.println("|---|---:|---:|---:|---|");
            timeOpen("from the checkpoint", options, ticker);
            timeOpen("from the checkpoint, again", options, ticker);
            Files.delete(directory.resolve("keydir.checkpoint"));
            timeOpen("replaying the whole log", options, ticker);
        }
    }

    private static void timeOpen(String label, KvOptions options, Ticker ticker) throws IOException {
        System.gc();
        long start = ticker.read();
        try (KeyValueStore store = KeyValueStore.open(options)) {
            double seconds = (ticker.read() - start) / 1e9;
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            long heap = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
            System.out.printf(
                    "| %s | %.2f | %d | %d | %s |%n",
                    label, seconds, store.stats().keys(), heap, store.stats().startup());
            System.out.flush();
        }
    }
}
