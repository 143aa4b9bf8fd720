package dev.keel.bench.kv;

import dev.keel.bench.MachineDescription;
import dev.keel.bench.ScratchDirectory;
import dev.keel.kv.KeyValueStore;
import dev.keel.kv.KvOptions;
import dev.keel.kv.KvStats;
import dev.keel.storage.SyncPolicy;
import dev.keel.time.Ticker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;

/**
 * Does compaction keep disk use bounded under an overwrite-heavy workload? Writes N keys, then overwrites every key
 * ten times over, with the store's default background compaction (triggered at half the log dead); after each round
 * prints the log's size on disk against the live data. Issue #4's "disk use after 10x overwrite with compaction".
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.kv.OverwriteHarness [KEYS]} (default 200,000 keys of 100-byte values,
 * 8 MiB segments so that compaction has segments to work with).
 */
public final class OverwriteHarness {

    private static final int ROUNDS = 10;

    private OverwriteHarness() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int keys = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 200_000;
        Ticker ticker = Ticker.system();
        try (ScratchDirectory scratch = ScratchDirectory.create("keel-kv-overwrite-")) {
            Path directory = scratch.path();
            KvOptions options = KvOptions.builder(directory)
                    .syncPolicy(SyncPolicy.NONE)
                    .segmentSize(8L << 20)
                    .build();
            System.out.println("# keel kv: disk use under 10x overwrite, " + keys + " keys of 100 bytes");
            System.out.println();
            System.out.println("Command: `./keel bench run dev.keel.bench.kv.OverwriteHarness " + keys + "`");
            System.out.println();
            for (String line : MachineDescription.probe(directory, InstantSource.system(), List.of())
                    .markdownLines()) {
                System.out.println(line);
            }
            System.out.println();
            System.out.println(
                    "| after round | bytes written so far MiB | log on disk MiB | live MiB | disk / live | compactions |");
            System.out.println("|---:|---:|---:|---:|---:|---:|");
            long start = ticker.read();
            try (KeyValueStore store = KeyValueStore.open(options)) {
                long written = 0;
                byte[] value = new byte[100];
                for (int round = 0; round <= ROUNDS; round++) {
                    for (int i = 0; i < keys; i++) {
                        value[0] = (byte) round;
                        store.put(String.format("key:%012d", i).getBytes(StandardCharsets.UTF_8), value);
                        written += 16 + 100;
                    }
                    KvStats stats = store.stats();
                    long disk = ScratchDirectory.sizeOfFiles(directory.resolve("log"));
                    System.out.printf(
                            "| %d | %d | %d | %d | %.2f | %d |%n",
                            round,
                            written >> 20,
                            disk >> 20,
                            stats.liveBytes() >> 20,
                            (double) disk / stats.liveBytes(),
                            stats.compactions());
                    System.out.flush();
                }
            }
            System.out.printf(
                    "%nTotal %.1f s. Round 0 is the initial load; rounds 1-10 overwrite every key.%n",
                    (ticker.read() - start) / 1e9);
        }
    }
}
