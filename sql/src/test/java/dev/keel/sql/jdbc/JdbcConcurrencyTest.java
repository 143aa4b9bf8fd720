package dev.keel.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readers and writers on several JDBC connections to one named in-memory database, each connection on its own thread:
 * writers move money between accounts in transactions (a quarter rolled back), readers check that the total never
 * changes, so no reader sees a transaction half-done or a rolled-back one (serializable isolation, docs/sql.md).
 */
@ExtendWith(SeedExtension.class)
final class JdbcConcurrencyTest {

    private static final int ACCOUNTS = 10;
    private static final long INITIAL = 1_000;

    @FunctionalInterface
    private interface Work {
        void run(Connection connection) throws Exception;
    }

    @Test
    void transfersOnSeveralConnections_readersOnOthers_neverSeeAPartialTransaction(SeededRandom random)
            throws Exception {
        String url = "jdbc:keel:mem:jdbc-concurrency-" + UUID.randomUUID();
        try (Connection setup = DriverManager.getConnection(url);
                Statement s = setup.createStatement()) {
            s.execute("CREATE TABLE accounts(id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)");
            for (int i = 0; i < ACCOUNTS; i++) {
                s.execute("INSERT INTO accounts VALUES (" + i + ", " + INITIAL + ")");
            }
            int writers = 2;
            int readers = 2;
            CyclicBarrier start = new CyclicBarrier(writers + readers);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                SeededRandom r = random.split();
                threads.add(thread("jdbc-writer-" + w, url, start, failure, c -> transfer(c, r)));
            }
            for (int rd = 0; rd < readers; rd++) {
                threads.add(thread("jdbc-reader-" + rd, url, start, failure, JdbcConcurrencyTest::checkTotals));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join(Duration.ofMinutes(2));
                assertThat(t.isAlive()).as(t.getName() + " finished").isFalse();
            }
            assertThat(failure.get()).as("first failure in a worker").isNull();
            assertThat(total(setup)).isEqualTo(ACCOUNTS * INITIAL);
        }
    }

    private static void transfer(Connection c, SeededRandom r) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement debit = c.prepareStatement("UPDATE accounts SET balance = balance - ? WHERE id = ?");
                PreparedStatement credit =
                        c.prepareStatement("UPDATE accounts SET balance = balance + ? WHERE id = ?")) {
            for (int i = 0; i < 200; i++) {
                long amount = 1 + r.nextInt(50);
                debit.setLong(1, amount);
                debit.setInt(2, r.nextInt(ACCOUNTS));
                debit.executeUpdate();
                credit.setLong(1, amount);
                credit.setInt(2, r.nextInt(ACCOUNTS));
                credit.executeUpdate();
                if (r.nextInt(4) == 0) {
                    c.rollback();
                } else {
                    c.commit();
                }
            }
        }
    }

    private static void checkTotals(Connection c) throws SQLException {
        for (int i = 0; i < 200; i++) {
            assertThat(total(c)).isEqualTo(ACCOUNTS * INITIAL);
        }
    }

    private static long total(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT sum(balance), count(*) FROM accounts")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(2)).isEqualTo(ACCOUNTS);
            return rs.getLong(1);
        }
    }

    private static Thread thread(
            String name, String url, CyclicBarrier start, AtomicReference<Throwable> failure, Work work) {
        return Thread.ofPlatform().name(name).unstarted(() -> {
            try (Connection c = DriverManager.getConnection(url)) {
                start.await();
                work.run(c);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        });
    }
}
