package dev.keel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Readers and writers on several threads: transactions are serializable and never seen half-done. */
@ExtendWith(SeedExtension.class)
final class ConcurrencyTest {

    private static final int ACCOUNTS = 20;
    private static final long INITIAL = 1_000;

    private final SQLEngine db = SQLEngine.inMemory();

    private void accounts() {
        db.execute("CREATE TABLE accounts(id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)");
        for (int i = 0; i < ACCOUNTS; i++) {
            db.execute("INSERT INTO accounts VALUES (?, ?)", i, INITIAL);
        }
    }

    @Test
    void transfers_andReaders_neverSeeMoneyCreatedOrDestroyed(SeededRandom random) throws Exception {
        accounts();
        int writers = 3;
        int readers = 3;
        CyclicBarrier start = new CyclicBarrier(writers + readers);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            SeededRandom r = random.split();
            threads.add(Thread.ofPlatform()
                    .name("writer-" + w)
                    .unstarted(() -> run(failure, start, () -> {
                        for (int i = 0; i < 300; i++) {
                            int from = r.nextInt(ACCOUNTS);
                            int to = r.nextInt(ACCOUNTS);
                            long amount = 1 + r.nextInt(50);
                            db.execute("BEGIN");
                            db.execute("UPDATE accounts SET balance = balance - ? WHERE id = ?", amount, from);
                            db.execute("UPDATE accounts SET balance = balance + ? WHERE id = ?", amount, to);
                            if (r.nextInt(4) == 0) {
                                db.execute("ROLLBACK");
                            } else {
                                db.execute("COMMIT");
                            }
                        }
                    })));
        }
        for (int rd = 0; rd < readers; rd++) {
            threads.add(Thread.ofPlatform()
                    .name("reader-" + rd)
                    .unstarted(() -> run(failure, start, () -> {
                        for (int i = 0; i < 300; i++) {
                            Row row = db.query("SELECT sum(balance), count(*) FROM accounts")
                                    .rows()
                                    .getFirst();
                            assertThat(row.getLong("sum(balance)")).isEqualTo(ACCOUNTS * INITIAL);
                            assertThat(row.getLong("count(*)")).isEqualTo(ACCOUNTS);
                        }
                    })));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(60));
            assertThat(t.isAlive()).as(t.getName() + " finished").isFalse();
        }
        assertThat(failure.get()).as("first failure in a worker").isNull();
        assertThat(db.query("SELECT sum(balance) FROM accounts")
                        .rows()
                        .getFirst()
                        .get(0))
                .isEqualTo(ACCOUNTS * INITIAL);
    }

    private static void run(AtomicReference<Throwable> failure, CyclicBarrier start, ThrowingRunnable body) {
        try {
            start.await();
            body.run();
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void uncommittedInsert_isNotVisible_readerWaitsForTheOutcome() throws Exception {
        accounts();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch decide = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = Thread.ofPlatform().name("writer").start(() -> {
            try {
                db.execute("BEGIN");
                db.execute("INSERT INTO accounts VALUES (99, 5)");
                inserted.countDown();
                decide.await();
                db.execute("ROLLBACK");
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        });
        inserted.await();
        AtomicReference<Long> seen = new AtomicReference<>();
        Thread reader = Thread.ofPlatform().name("reader").start(() -> {
            try {
                seen.set((Long) db.query("SELECT count(*) FROM accounts")
                        .rows()
                        .getFirst()
                        .get(0));
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> reader.getState() == Thread.State.WAITING);
        assertThat(seen.get()).as("nothing read while the transaction is open").isNull();
        decide.countDown();
        writer.join(Duration.ofSeconds(10));
        reader.join(Duration.ofSeconds(10));

        assertThat(failure.get()).isNull();
        assertThat(seen.get()).isEqualTo((long) ACCOUNTS);
    }
}
