package dev.keel.bank;

import static dev.keel.bank.Fixture.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.ManualTicker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sequencer's pipelined commits on a journal whose writes the test holds back: batch N+1 is applied while batch N's
 * force is in flight, and no answer (a write's or a read's) is released before the log is durable to the end of the
 * batch it ran in.
 */
final class PipelinedCommitTest {

    private static final long TIMEOUT_SECONDS = 30;

    /** Seals records as numbers; each write waits for a permit, then counts its records as durable or fails. */
    private static final class GatedJournal implements Journal {
        final Semaphore permits = new Semaphore(0);
        final BlockingQueue<Integer> writesEntered = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> sealedQueue = new LinkedBlockingQueue<>();
        volatile int sealed;
        volatile int durable;
        volatile boolean failNextWrite;
        /** A snapshot falls due (once) after the batch that seals this record. */
        volatile int snapshotAfterRecord = -1;

        final List<String> snapshots = new ArrayList<>();
        /** Seals and finished writes, in the order they happened. */
        final List<String> transcript = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public boolean writes() {
            return true;
        }

        @Override
        public byte[] seal(List<Event> events) {
            sealed++;
            transcript.add("seal " + sealed);
            sealedQueue.add(sealed);
            return new byte[] {(byte) sealed};
        }

        @Override
        public void write(List<byte[]> records) throws IOException {
            writesEntered.add(records.size());
            permits.acquireUninterruptibly();
            if (failNextWrite) {
                throw new IOException("injected: the disk is gone");
            }
            durable += records.size();
            transcript.add("durable " + durable);
        }

        @Override
        public void writeUnforced(byte[] record) {
            throw new UnsupportedOperationException("pipelined commits write and force together");
        }

        @Override
        public void force() {
            throw new UnsupportedOperationException("pipelined commits write and force together");
        }

        @Override
        public boolean snapshotDue() {
            if (sealed != snapshotAfterRecord) {
                return false;
            }
            snapshotAfterRecord = -1;
            return true;
        }

        @Override
        public void startSnapshot(Ledger ledger) {
            snapshots.add("sealed " + sealed + ", durable " + durable);
        }

        @Override
        public void close() {}
    }

    private final GatedJournal journal = new GatedJournal();
    private Sequencer sequencer = newSequencer(64);
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

    private Sequencer newSequencer(int depth) {
        return new Sequencer(
                new Ledger(ManualTicker.create()),
                journal,
                1024,
                depth,
                java.time.Duration.ZERO,
                0,
                dev.keel.time.Ticker.system(),
                "test-sequencer");
    }

    @AfterEach
    void close() throws IOException {
        journal.permits.release(1_000);
        sequencer.close();
        clients.close();
    }

    private <T> CompletableFuture<T> submit(Function<Ledger, T> operation) {
        return CompletableFuture.supplyAsync(() -> sequencer.call(operation), clients);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static int take(BlockingQueue<Integer> queue) throws InterruptedException {
        Integer value = queue.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(value).as("timed out").isNotNull();
        return value;
    }

    private CompletableFuture<TransferOutcome> pay(String id, String amount) {
        return submit(ledger -> ledger.transfer(NewTransfer.of(id, "a", "b", usd(amount), "")));
    }

    private void openAccounts() throws Exception {
        journal.permits.release();
        await(submit(ledger -> {
            ledger.openAccount(NewAccount.customer("a", "A", usd("100.00")));
            return ledger.openAccount(NewAccount.customer("b", "B", usd("100.00")));
        }));
        take(journal.writesEntered);
        take(journal.sealedQueue);
    }

    @Test
    void nextBatch_isAppliedWhileTheForceIsInFlight_butAnsweredOnlyOnceItIsDurable() throws Exception {
        openAccounts();
        CompletableFuture<TransferOutcome> first = pay("t1", "10.00");
        take(journal.sealedQueue);
        assertThat(take(journal.writesEntered)).isEqualTo(1); // t1's force is in flight, held by the test
        CompletableFuture<TransferOutcome> second = pay("t2", "5.00");
        assertThat(take(journal.sealedQueue))
                .as("t2 applied and sealed during t1's force")
                .isEqualTo(3);
        CountDownLatch readRan = new CountDownLatch(1);
        CompletableFuture<Long> read = submit(ledger -> {
            readRan.countDown();
            return ledger.findAccount("a").debitsPosted;
        });
        assertThat(readRan.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        assertThat(read).as("a read that saw t2 waits for t2's force").isNotDone();

        journal.permits.release(); // t1 durable
        assertThat(await(first).result()).isEqualTo(TransferResult.OK);
        assertThat(take(journal.writesEntered))
                .as("t2's record, in a write of its own")
                .isEqualTo(1);
        assertThat(second).isNotDone();
        assertThat(read).as("t1 is durable but the read saw t2").isNotDone();

        journal.permits.release(); // t2 durable
        assertThat(await(second).result()).isEqualTo(TransferResult.OK);
        assertThat(await(read)).isEqualTo(1_500L);
        assertThat(journal.durable).isEqualTo(journal.sealed);
    }

    @Test
    void aRead_withNothingInFlight_isAnsweredWithoutWaitingForTheDisk() throws Exception {
        openAccounts();
        long credits = await(submit(ledger -> ledger.findAccount("b").creditsPosted));
        assertThat(credits).isEqualTo(10_000L);
        assertThat(journal.writesEntered).isEmpty();
    }

    @Test
    void failedForce_failsItsBatch_andTheBatchAppliedBehindIt_andRefusesLaterRequests() throws Exception {
        openAccounts();
        CompletableFuture<TransferOutcome> first = pay("t1", "10.00");
        take(journal.writesEntered);
        CompletableFuture<TransferOutcome> second = pay("t2", "5.00");
        take(journal.sealedQueue);
        take(journal.sealedQueue);
        CompletableFuture<Long> read = submit(ledger -> ledger.findAccount("a").debitsPosted);
        journal.failNextWrite = true;
        journal.permits.release(1_000);
        for (CompletableFuture<?> future : List.of(first, second, read)) {
            assertThatThrownBy(() -> await(future))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(
                            BankException.class, e -> assertThat(e.code()).isEqualTo(BankException.Code.LOG_FAILED));
        }
        assertThatThrownBy(() -> sequencer.call(ledger -> ledger.findAccount("a").debitsPosted))
                .isInstanceOfSatisfying(
                        BankException.class, e -> assertThat(e.code()).isEqualTo(BankException.Code.LOG_FAILED));
        assertThat(journal.durable).isEqualTo(1);
    }

    @Test
    void snapshot_startsOnlyOnceEverySealedRecordIsDurable() throws Exception {
        openAccounts();
        CompletableFuture<TransferOutcome> first = pay("t1", "10.00");
        journal.snapshotAfterRecord = 3;
        take(journal.writesEntered);
        CompletableFuture<TransferOutcome> second = pay("t2", "5.00");
        take(journal.sealedQueue);
        take(journal.sealedQueue);
        journal.permits.release(1_000);
        await(first);
        await(second);
        await(submit(ledger -> null)); // after the batch that started the snapshot
        assertThat(journal.snapshots).containsExactly("sealed 3, durable 3");
    }

    @Test
    void depthZero_waitsForEachForce_beforeItRunsTheNextBatch() throws Exception {
        sequencer.close();
        sequencer = newSequencer(0);
        openAccounts();
        CompletableFuture<TransferOutcome> first = pay("t1", "10.00");
        take(journal.writesEntered);
        CompletableFuture<TransferOutcome> second = pay("t2", "5.00");
        journal.permits.release(2);
        await(first);
        await(second);
        assertThat(journal.transcript)
                .containsExactly("seal 1", "durable 1", "seal 2", "durable 2", "seal 3", "durable 3");
    }

    @Test
    void callOnDurableState_runsOnlyOnceEverythingSealedBeforeItIsDurable() throws Exception {
        openAccounts();
        CompletableFuture<TransferOutcome> first = pay("t1", "10.00");
        take(journal.writesEntered);
        CompletableFuture<String> seen = CompletableFuture.supplyAsync(
                () -> sequencer.callOnDurableState(
                        ledger -> "sealed " + journal.sealed + ", durable " + journal.durable),
                clients);
        journal.permits.release(1_000);
        await(first);
        assertThat(await(seen)).isEqualTo("sealed 2, durable 2");
    }
}
