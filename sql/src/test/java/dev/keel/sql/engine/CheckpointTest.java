package dev.keel.sql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.sql.SqlException;
import dev.keel.storage.ChannelOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checkpoints: a reopened database is the checkpoint plus the log after it, whatever step a crash interrupted, and
 * the log is truncated behind each checkpoint.
 */
final class CheckpointTest {

    private static final String[] QUERIES = {
        "SELECT rowid, * FROM plain ORDER BY rowid",
        "SELECT * FROM items ORDER BY id",
        "SELECT * FROM expensive ORDER BY id",
        "SELECT * FROM very_expensive ORDER BY id",
        "SELECT id FROM items WHERE price = 2.5",
    };

    @TempDir
    Path dir;

    /** A schema with every kind of object and rows whose rowids have gaps. */
    private static void populate(Session s) {
        s.executeScript("""
                CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, price REAL DEFAULT ((1 + 2) * 3),
                                   data BLOB);
                CREATE INDEX items_price ON items(price DESC, name);
                CREATE TABLE plain("odd name" TEXT, n INTEGER);
                CREATE VIEW expensive AS SELECT id, name FROM items WHERE price > 2;
                CREATE VIEW very_expensive AS SELECT id FROM expensive WHERE id > 1;
                CREATE TRIGGER audit AFTER INSERT ON items BEGIN SELECT 1; END;
                """);
        for (int i = 1; i <= 20; i++) {
            s.execute(
                    "INSERT INTO items(id, name, price, data) VALUES (?, ?, ?, ?)",
                    i,
                    "item " + i,
                    i / 2.0,
                    new byte[] {(byte) i});
            s.execute("INSERT INTO plain VALUES (?, ?)", i % 3 == 0 ? null : "row " + i, i);
        }
        s.execute("DELETE FROM plain WHERE n % 4 = 0");
        s.execute("INSERT INTO items(id, name) VALUES (21, 'defaulted')");
    }

    private static List<List<Object>> snapshot(Database db) {
        Session s = db.openSession();
        List<List<Object>> all = new ArrayList<>();
        for (String q : QUERIES) {
            for (Object[] row : s.execute(q).rows()) {
                all.add(Arrays.asList(row));
            }
        }
        return all;
    }

    private Database open(long interval, Checkpointer.StepListener listener) throws IOException {
        return Database.open(dir, ChannelOpener.system(), interval, listener);
    }

    @Test
    void checkpoint_thenMoreWork_reopenRestoresEverythingWithItsRowids() throws IOException {
        List<List<Object>> before;
        try (Database db = Database.open(dir)) {
            populate(db.openSession());
            db.checkpoint();
            Session s = db.openSession();
            s.execute("INSERT INTO plain VALUES ('after', 99)");
            s.execute("UPDATE items SET price = 7 WHERE id = 1");
            before = snapshot(db);
        }
        assertThat(dir.resolve(Checkpointer.FILE_NAME)).exists();
        try (Database db = Database.open(dir)) {
            assertThat(snapshot(db)).isEqualTo(before);
            Session s = db.openSession();
            assertThat(s.execute("EXPLAIN SELECT * FROM items WHERE price = 2.5")
                            .rows())
                    .anyMatch(r -> r[0].toString().contains("USING INDEX items_price"));
            assertThatThrownBy(() -> s.execute("INSERT INTO items(id, name) VALUES (22, 'item 3')"))
                    .isInstanceOf(SqlException.class)
                    .hasMessageContaining("UNIQUE constraint failed: items.name");
            assertThatThrownBy(() -> s.execute("CREATE TRIGGER audit AFTER DELETE ON items BEGIN SELECT 1; END"))
                    .hasMessageContaining("trigger audit already exists");
            s.execute("INSERT INTO plain VALUES ('next', 100)");
            assertThat(s.execute("SELECT rowid FROM plain WHERE n = 100").rows().getFirst()[0])
                    .as("the next rowid follows the largest, kept through the checkpoint")
                    .isEqualTo(21L);
        }
    }

    @Test
    void logGrowth_triggersCheckpoints_andTheLogIsTruncatedBehindThem() throws IOException {
        List<List<Object>> before;
        try (Database db = open(4096, Checkpointer.StepListener.NONE)) {
            Session s = db.openSession();
            populate(s);
            for (int i = 0; i < 300; i++) {
                s.execute("UPDATE plain SET n = n + 1 WHERE rowid = ?", 1 + i % 5);
            }
            before = snapshot(db);
        }
        long logBytes;
        try (Stream<Path> files = Files.list(dir.resolve(Database.LOG_DIRECTORY))) {
            logBytes = files.mapToLong(CheckpointTest::size).sum();
        }
        assertThat(dir.resolve(Checkpointer.FILE_NAME)).exists();
        assertThat(logBytes)
                .as("the log holds about one interval, not the 300+ transactions")
                .isLessThan(4 * 4096);
        try (Database db = Database.open(dir)) {
            assertThat(snapshot(db)).isEqualTo(before);
        }
    }

    /** Each step in turn is where the "crash" happens: the checkpoint stops there and the database is abandoned. */
    @ParameterizedTest
    @EnumSource(Checkpointer.Step.class)
    void crash_atEachCheckpointStep_reopensWithEveryCommittedTransaction(Checkpointer.Step crashAt) throws IOException {
        List<List<Object>> before;
        try (Database db = open(2048, Checkpointer.StepListener.NONE)) {
            populate(db.openSession());
        }
        Checkpointer.StepListener crash = step -> {
            if (step == crashAt) {
                throw new IOException("simulated crash at " + step);
            }
        };
        try (Database db = open(2048, crash)) {
            Session s = db.openSession();
            for (int i = 0; i < 40; i++) { // several automatic checkpoints, each stopped at the step
                s.execute("INSERT INTO plain VALUES (?, ?)", "crash " + i, 1000 + i);
            }
            assertThatThrownBy(db::checkpoint).hasMessageContaining("simulated crash at " + crashAt);
            before = snapshot(db);
        }
        if (crashAt == Checkpointer.Step.WRITTEN) {
            // a real crash would leave the temporary file; the next open must delete it and ignore it
            Files.writeString(dir.resolve("." + Checkpointer.FILE_NAME + ".1234.tmp"), "half a checkpoint");
        }
        try (Database db = Database.open(dir)) {
            assertThat(snapshot(db)).isEqualTo(before);
            db.openSession().execute("INSERT INTO plain VALUES ('after', 2000)");
            db.checkpoint();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(Checkpointer.FILE_NAME, Database.LOG_DIRECTORY);
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.openSession()
                            .execute("SELECT count(*) FROM plain WHERE n = 2000")
                            .rows()
                            .getFirst()[0])
                    .isEqualTo(1L);
        }
    }

    @Test
    void open_damagedCheckpoint_failsNamingTheFile() throws IOException {
        try (Database db = Database.open(dir)) {
            populate(db.openSession());
            db.checkpoint();
        }
        Path file = dir.resolve(Checkpointer.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);

        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("checkpoint " + file);
    }

    @Test
    void open_checkpointMissingButLogTruncated_isRefused() throws IOException {
        try (Database db = open(2048, Checkpointer.StepListener.NONE)) {
            populate(db.openSession());
        }
        Files.delete(dir.resolve(Checkpointer.FILE_NAME));

        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("there is no checkpoint");
    }

    @Test
    void checkpointStatement_insideATransaction_isRefused_inMemory_isANoOp() throws IOException {
        try (Database db = Database.open(dir)) {
            Session s = db.openSession();
            s.execute("BEGIN");
            assertThatThrownBy(() -> s.execute("CHECKPOINT"))
                    .isInstanceOf(SqlException.class)
                    .hasMessageContaining("cannot checkpoint within a transaction")
                    .extracting(e -> ((SqlException) e).sqlState())
                    .isEqualTo("25000");
            s.execute("ROLLBACK");
            s.execute("CHECKPOINT");
        }
        Session memory = new Database().openSession();
        assertThat(memory.execute("CHECKPOINT").updateCount()).isZero();
    }

    @Test
    void createWithParameters_isRefused_becauseACheckpointCouldNotRecreateIt() {
        Session s = new Database().openSession();

        assertThatThrownBy(() -> s.execute("CREATE VIEW v AS SELECT ? AS x", 1))
                .isInstanceOf(SqlException.class)
                .hasMessageContaining("CREATE VIEW takes no ? parameters");
    }

    @Test
    void open_oldLayoutWithTheLogAtTheTop_isRefusedWithWhatToDo() throws IOException {
        Files.writeString(dir.resolve("wal.lock"), "");

        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("layout before checkpoints");
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
