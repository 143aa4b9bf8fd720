package dev.keel.sql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keel.storage.ChannelOpener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running checkpoint lets queries go on and makes commits wait, so the state it writes is the log's end. */
final class CheckpointConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void duringACheckpoint_queriesRun_andACommitWaitsUntilItEnds() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Checkpointer.StepListener pause = step -> {
            if (step == Checkpointer.Step.WRITTEN) {
                written.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while paused");
                }
            }
        };
        try (Database db = Database.open(dir, ChannelOpener.system(), Checkpointer.DEFAULT_INTERVAL, pause);
                ExecutorService threads = Executors.newFixedThreadPool(
                        3, Thread.ofPlatform().name("checkpoint-test-", 0).factory())) {
            db.openSession().executeScript("CREATE TABLE t(n INTEGER PRIMARY KEY); INSERT INTO t VALUES (1);");
            CompletableFuture<Void> checkpoint = CompletableFuture.runAsync(
                    () -> {
                        try {
                            db.checkpoint();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    },
                    threads);
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();

            Object count = CompletableFuture.supplyAsync(
                            () -> db.openSession()
                                    .execute("SELECT count(*) FROM t")
                                    .rows()
                                    .getFirst()[0],
                            threads)
                    .get(30, TimeUnit.SECONDS);
            assertThat(count)
                    .as("a query runs while the checkpoint holds the read lock")
                    .isEqualTo(1L);

            AtomicReference<Thread> writer = new AtomicReference<>();
            CompletableFuture<Void> insert = CompletableFuture.runAsync(
                    () -> {
                        writer.set(Thread.currentThread());
                        db.openSession().execute("INSERT INTO t VALUES (2)");
                    },
                    threads);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> writer.get() != null && writer.get().getState() == Thread.State.WAITING);
            assertThat(insert).as("the commit waits for the checkpoint").isNotDone();

            release.countDown();
            checkpoint.get(30, TimeUnit.SECONDS);
            insert.get(30, TimeUnit.SECONDS);
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.openSession().execute("SELECT count(*) FROM t").rows().getFirst()[0])
                    .isEqualTo(2L);
        }
    }
}
