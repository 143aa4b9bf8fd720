package dev.keel.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OverlappingForces} on a journal whose forces the test holds open: two forces are in flight at once, a batch
 * is answered only by a force that started after it was written, forces may finish in any order, and a failed force
 * fails everything not yet answered.
 */
final class OverlappingForcesTest {

    private static final long TIMEOUT_SECONDS = 30;

    /** Records writes; each force blocks on a gate the test completes (normally, or with an exception). */
    private static final class GatedJournal implements Journal {
        final List<String> transcript = Collections.synchronizedList(new ArrayList<>());
        final BlockingQueue<CompletableFuture<Void>> forcesEntered = new LinkedBlockingQueue<>();
        /** Once set, forces no longer wait for a gate (closing the commits at the end of a test). */
        volatile boolean open;

        @Override
        public boolean writes() {
            return true;
        }

        @Override
        public byte[] seal(List<Event> events) {
            throw new UnsupportedOperationException("the test hands records to the commits directly");
        }

        @Override
        public void write(List<byte[]> records) {
            throw new UnsupportedOperationException("overlapping forces write unforced, then force");
        }

        @Override
        public void writeUnforced(byte[] record) {
            transcript.add("write " + record[0]);
        }

        @Override
        public void force() throws IOException {
            if (open) {
                return;
            }
            CompletableFuture<Void> gate = new CompletableFuture<>();
            forcesEntered.add(gate);
            if (open) {
                gate.complete(null); // opened while this force was entering: the test's drain may have missed it
            }
            try {
                gate.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
        }

        @Override
        public boolean snapshotDue() {
            return false;
        }

        @Override
        public void startSnapshot(Ledger ledger) {}

        @Override
        public void close() {}
    }

    /** A reply that completes a future: with the outcome, or the failure. */
    private static final class FutureReply implements Commits.Reply {
        final CompletableFuture<String> answer = new CompletableFuture<>();

        @Override
        public void release() {
            answer.complete("ok");
        }

        @Override
        public void fail(RuntimeException reason) {
            answer.completeExceptionally(reason);
        }
    }

    private final GatedJournal journal = new GatedJournal();
    private final List<BankException> reported = Collections.synchronizedList(new ArrayList<>());
    private OverlappingForces commits = new OverlappingForces(journal, 2, "test-force", reported::add);

    @AfterEach
    void close() {
        journal.open = true; // forces from now on return at once
        CompletableFuture<Void> gate;
        while ((gate = journal.forcesEntered.poll()) != null) {
            gate.complete(null);
        }
        taken.forEach(held -> held.complete(null)); // no-op for the gates a test completed itself
        commits.close();
    }

    /** Every gate a test took, so that closing can open those it left shut. */
    private final List<CompletableFuture<Void>> taken = new ArrayList<>();

    private CompletableFuture<Void> nextForce() throws InterruptedException {
        CompletableFuture<Void> gate = journal.forcesEntered.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(gate).as("a force started within %d s", TIMEOUT_SECONDS).isNotNull();
        taken.add(gate);
        return gate;
    }

    private static byte[] record(int number) {
        return new byte[] {(byte) number};
    }

    private static String await(FutureReply reply) throws Exception {
        return reply.answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void secondBatch_isForcedWhileTheFirstForceIsInFlight_andItsForceAnswersBoth() throws Exception {
        FutureReply first = new FutureReply();
        FutureReply second = new FutureReply();

        commits.submit(record(1), List.of(first));
        CompletableFuture<Void> firstForce = nextForce();
        commits.submit(record(2), List.of(second));
        CompletableFuture<Void> secondForce = nextForce(); // two forces in flight at once

        assertThat(first.answer).as("no force has returned").isNotDone();
        assertThat(second.answer).isNotDone();
        secondForce.complete(null); // the later force returns first: it covers both writes
        assertThat(await(first)).isEqualTo("ok");
        assertThat(await(second)).isEqualTo("ok");
        assertThat(commits.idle()).isTrue();
        firstForce.complete(null);
        assertThat(journal.transcript).containsExactly("write 1", "write 2");
    }

    @Test
    void batchWrittenDuringAForce_isNotAnsweredByThatForce() throws Exception {
        commits = replaceWith(1);
        FutureReply first = new FutureReply();
        FutureReply second = new FutureReply();
        commits.submit(record(1), List.of(first));
        CompletableFuture<Void> firstForce = nextForce();
        commits.submit(record(2), List.of(second)); // written after the force started

        firstForce.complete(null);
        assertThat(await(first)).isEqualTo("ok");
        CompletableFuture<Void> secondForce = nextForce();
        assertThat(second.answer)
                .as("only a force that started after its write answers it")
                .isNotDone();
        assertThat(commits.idle()).isFalse();
        secondForce.complete(null);
        assertThat(await(second)).isEqualTo("ok");
    }

    @Test
    void readBehindAnUnforcedWrite_waitsForTheForce_butARead_withNothingInFlight_isAnsweredAtOnce() throws Exception {
        FutureReply write = new FutureReply();
        FutureReply read = new FutureReply();
        commits.submit(record(1), List.of(write));
        CompletableFuture<Void> force = nextForce();
        commits.submit(null, List.of(read));
        assertThat(read.answer).as("the read may have seen the unforced write").isNotDone();
        force.complete(null);
        assertThat(await(write)).isEqualTo("ok");
        assertThat(await(read)).isEqualTo("ok");

        FutureReply later = new FutureReply();
        commits.submit(null, List.of(later));
        assertThat(later.answer).as("everything written is durable").isDone();
    }

    @Test
    void awaitRoom_waitsWhileEveryForceThreadIsForcing() throws Exception {
        commits = replaceWith(1);
        commits.submit(record(1), List.of(new FutureReply()));
        CompletableFuture<Void> force = nextForce();
        CompletableFuture<Void> room = CompletableFuture.runAsync(commits::awaitRoom);
        assertThat(room).as("the only force thread is forcing").isNotDone();
        force.complete(null);
        room.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(commits.awaitDurable()).isTrue();
    }

    @Test
    void failedForce_failsEveryUnansweredBatch_reportsOnce_andFailsLaterSubmits() throws Exception {
        FutureReply first = new FutureReply();
        FutureReply second = new FutureReply();
        commits.submit(record(1), List.of(first));
        CompletableFuture<Void> firstForce = nextForce();
        commits.submit(record(2), List.of(second));
        nextForce(); // in flight; opened when the test closes

        firstForce.completeExceptionally(new IOException("injected: the disk is gone"));
        for (FutureReply reply : List.of(first, second)) {
            assertThatFailsWithLogFailed(reply);
        }
        assertThat(reported).hasSize(1);
        assertThat(commits.failure()).isNotNull();
        assertThat(commits.awaitDurable()).isFalse();

        FutureReply after = new FutureReply();
        commits.submit(record(3), List.of(after));
        assertThatFailsWithLogFailed(after);
        assertThat(journal.transcript)
                .as("nothing is written after the failure")
                .containsExactly("write 1", "write 2");
    }

    @Test
    void close_forcesAndAnswersEverythingSubmitted() throws Exception {
        FutureReply reply = new FutureReply();
        commits.submit(record(1), List.of(reply));
        CompletableFuture<Void> closed = CompletableFuture.runAsync(commits::close);
        nextForce().complete(null);
        closed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(await(reply)).isEqualTo("ok");
    }

    private OverlappingForces replaceWith(int threads) {
        commits.close();
        return new OverlappingForces(journal, threads, "test-force", reported::add);
    }

    private static void assertThatFailsWithLogFailed(FutureReply reply) throws InterruptedException {
        try {
            reply.answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("expected LOG_FAILED, got an answer");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(BankException.class);
            assertThat(((BankException) e.getCause()).code()).isEqualTo(BankException.Code.LOG_FAILED);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
