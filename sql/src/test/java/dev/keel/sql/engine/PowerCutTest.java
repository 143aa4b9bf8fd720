package dev.keel.sql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.sql.SqlException;
import dev.keel.testing.FaultyDisk;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power cuts under a file database at seeded points (keel-testing's {@link FaultyDisk}: unsynced writes lost, torn or
 * reordered): after reopening from what reached the disk, every acknowledged transaction is there and nothing that
 * was not acknowledged, except possibly the one in flight when the power went.
 */
@ExtendWith(SeedExtension.class)
final class PowerCutTest {

    @TempDir
    Path root;

    @Test
    void powerCut_atSeededPoints_keepsExactlyTheAcknowledgedTransactions(SeededRandom random) throws Exception {
        for (int round = 0; round < 20; round++) {
            Path dir = Files.createDirectory(root.resolve("db" + round));
            FaultyDisk disk = FaultyDisk.create(random.split())
                    .cutPowerAfterWrites(1 + random.nextInt(40))
                    .crashMode(FaultyDisk.CrashMode.values()[random.nextInt(FaultyDisk.CrashMode.values().length)]);
            List<Long> acknowledged = new ArrayList<>();
            boolean tableAcknowledged = false;
            long inFlight = -1;
            // Odd rounds checkpoint every 2 KiB of log (segments of 1 KiB), so the cut also lands around checkpoints.
            long interval = round % 2 == 0 ? Checkpointer.DEFAULT_INTERVAL : 2048;
            Database db = Database.open(dir, disk::open, interval, Checkpointer.StepListener.NONE);
            try {
                Session session = db.openSession();
                session.execute("CREATE TABLE t(n INTEGER PRIMARY KEY, pad TEXT)");
                tableAcknowledged = true;
                for (long n = 1; n <= 200; n++) {
                    inFlight = n;
                    if (n % 3 == 0) {
                        session.execute("BEGIN");
                        session.execute("INSERT INTO t VALUES (?, ?)", n, "x".repeat((int) n));
                        session.execute("COMMIT");
                    } else {
                        session.execute("INSERT INTO t VALUES (?, ?)", n, "x".repeat((int) n));
                    }
                    acknowledged.add(n);
                }
            } catch (SqlException e) {
                assertThat(e.sqlState())
                        .as("only the log can fail here: " + e.getMessage())
                        .isEqualTo("58030");
            } finally {
                try {
                    db.close();
                } catch (SqlException closingAFailedLog) {
                    // the power is off: closing may fail too; what matters is what reached the disk
                }
            }
            try (Database reopened = Database.open(dir)) {
                Session session = reopened.openSession();
                if (!tableAcknowledged) {
                    continue;
                }
                List<Long> present = new ArrayList<>();
                for (Object[] row :
                        session.execute("SELECT n FROM t ORDER BY n").rows()) {
                    present.add((Long) row[0]);
                }
                assertThat(present).as("round " + round + ", " + disk).containsAll(acknowledged);
                List<Long> extra = new ArrayList<>(present);
                extra.removeAll(acknowledged);
                assertThat(extra)
                        .as("round " + round + ": nothing beyond the acknowledged and the one in flight")
                        .isSubsetOf(List.of(inFlight));
            }
        }
    }
}
