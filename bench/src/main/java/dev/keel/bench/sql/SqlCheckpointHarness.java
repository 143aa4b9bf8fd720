package dev.keel.bench.sql;

import dev.keel.bench.ScratchDirectory;
import dev.keel.sql.SQLEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What checkpoints cost and buy in a keel file database: the time to open (recover) a database of {@code rows} orders
 * from its log alone, the time of a {@code CHECKPOINT}, the size of the checkpoint and of the log before and after,
 * and the time to open from the checkpoint. The rows are inserted in transactions of 1,000, each forced to disk, with
 * automatic checkpoints far enough apart (16 MiB of log) that the first open replays the whole log.
 *
 * <p>Run: {@code ./keel bench run dev.keel.bench.sql.SqlCheckpointHarness [rows]} (default 100000). Wall-clock
 * times of one run each: on a loaded machine read them as orders of magnitude.
 */
public final class SqlCheckpointHarness {

    private SqlCheckpointHarness() {}

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (ScratchDirectory scratch = ScratchDirectory.create("sql-checkpoint")) {
            Path dir = scratch.path().resolve("db");
            SplittableRandom random = new SplittableRandom(42);
            try (SQLEngine db = SQLEngine.open(dir)) {
                db.execute("CREATE TABLE orders(id INTEGER PRIMARY KEY, customer INTEGER, amount INTEGER,"
                        + " category VARCHAR(16))");
                db.execute("CREATE INDEX orders_amount ON orders(amount)");
                for (int i = 0; i < rows; i++) {
                    if (i % 1000 == 0) {
                        db.execute("BEGIN");
                    }
                    db.execute(
                            "INSERT INTO orders VALUES (?, ?, ?, ?)",
                            i,
                            random.nextInt(rows / 10 + 1),
                            random.nextInt(100_000),
                            "cat" + random.nextInt(20));
                    if (i % 1000 == 999 || i == rows - 1) {
                        db.execute("COMMIT");
                    }
                }
            }
            long logBefore = ScratchDirectory.sizeOfFiles(dir.resolve("log"));
            long start = System.nanoTime();
            long checkpointNanos;
            try (SQLEngine db = SQLEngine.open(dir)) {
                long opened = System.nanoTime();
                System.out.printf(
                        Locale.ROOT,
                        "open from the log (%,d bytes of log, %,d rows): %.0f ms%n",
                        logBefore,
                        rows,
                        (opened - start) / 1e6);
                db.checkpoint();
                checkpointNanos = System.nanoTime() - opened;
            }
            System.out.printf(
                    Locale.ROOT,
                    "CHECKPOINT: %.0f ms, checkpoint file %,d bytes, log after %,d bytes%n",
                    checkpointNanos / 1e6,
                    Files.size(dir.resolve("checkpoint")),
                    ScratchDirectory.sizeOfFiles(dir.resolve("log")));
            start = System.nanoTime();
            try (SQLEngine db = SQLEngine.open(dir)) {
                System.out.printf(
                        Locale.ROOT,
                        "open from the checkpoint: %.0f ms (%s rows)%n",
                        (System.nanoTime() - start) / 1e6,
                        db.query("SELECT count(*) FROM orders")
                                .rows()
                                .getFirst()
                                .get(0));
            }
        }
    }
}
