package dev.keel.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The second stage of the sequencer: writes sealed log records to the {@link Journal} on its own thread, in the order
 * the sequencer sealed them, and releases each batch's answers only once its record (and so every record before it)
 * is durable. While the force of batch N is in flight, the sequencer already applies batch N+1 in memory.
 *
 * <p>How it is designed, and why: the sequencer used to append and force each batch itself, so the one thread that owns
 * the ledger sat idle for the whole fsync, and a request arriving during it waited for that force to finish before it
 * was even applied. Here the writer thread ({@code keel-bank-commit}) takes every record queued since its last force
 * and writes them with one {@code appendBatch} (one write, one force), which is group commit one level up: the slower
 * the disk, the more batches share a force. The rule that keeps it safe is one line: <b>a request is answered only
 * after the log is durable up to the end of the batch it ran in</b>. Every change a request could have observed was
 * applied in that batch or one before it, and records are written in order, so nothing a client is told (a
 * transfer's result, a balance, a statement) can be lost by a crash after it was told; a read that ran while an
 * earlier batch was still being forced waits for that force ({@link #submit} with no record). A client that crashes
 * never saw anything that a restart can lose. What is in memory but not yet durable is seen only by the sequencer.
 *
 * <p>Failure is fail-stop, as in the log: if a write fails, every commit queued or still to come is failed with
 * {@link BankException.Code#LOG_FAILED} (the requests in them are in doubt: applied in memory, perhaps on disk), the
 * failure is reported to the sequencer, which refuses new requests, and reopening recovers from the disk.
 *
 * <p>Several batches forced concurrently by several threads is the other design, {@link OverlappingForces} (the
 * sequencer writes unforced and force threads call the log's {@code sync()}, which forces outside its I/O role);
 * measured slower on 2 cores (docs/bank.md). Rejected: answering a read at once from state that includes non-durable
 * writes (a client could act on a balance that a crash then takes back).
 *
 * <p>Thread-safe: {@link #submit}, {@link #idle} and {@link #awaitDurable} are called by the sequencer's thread,
 * {@link #failure} by any thread; the writes run on the pipeline's own thread.
 */
final class CommitPipeline implements Commits {

    /** A sealed record (null for a batch that changed nothing) and the replies that wait for it. */
    private record Commit(byte @Nullable [] record, List<? extends Reply> replies) {}

    /** Records coalesced into one write beyond this many bytes are split (one force each). */
    static final int MAX_WRITE_BYTES = 32 << 20;

    private static final Commit STOP = new Commit(null, List.of());

    private final Journal journal;
    private final Consumer<BankException> onFailure;
    private final BlockingQueue<Commit> queue;
    /** Commits submitted and not yet released or failed. */
    private final AtomicInteger inFlight = new AtomicInteger();

    private final Thread thread;
    private volatile @Nullable BankException failure;

    /** Starts the writer thread {@code name}; {@code onFailure} is told (once, on that thread) if the journal fails. */
    CommitPipeline(Journal journal, int depth, String name, Consumer<BankException> onFailure) {
        this.journal = journal;
        this.onFailure = onFailure;
        this.queue = new ArrayBlockingQueue<>(depth);
        this.thread = Thread.ofPlatform().name(name).start(this::loop);
    }

    /**
     * Queues {@code record} (null if the batch wrote nothing) to be written after every record queued before it, and
     * {@code replies} to be released once it is durable. Blocks while the pipeline is full (back-pressure: the
     * sequencer never runs more than {@code depth} batches ahead of the disk).
     */
    @Override
    public void submit(byte @Nullable [] record, List<? extends Reply> replies) {
        inFlight.incrementAndGet();
        Uninterruptible.put(queue, new Commit(record, List.copyOf(replies)));
    }

    /** Whether every commit submitted so far has been released: a batch that wrote nothing may then answer at once. */
    @Override
    public boolean idle() {
        return inFlight.get() == 0;
    }

    /** Why the pipeline stopped writing, or null while it has not failed. */
    @Override
    public @Nullable BankException failure() {
        return failure;
    }

    /**
     * Waits until every record submitted so far is durable (a snapshot must cover exactly what the ledger holds).
     * Returns false if the pipeline failed instead.
     */
    @Override
    public boolean awaitDurable() {
        CompletableFuture<Boolean> durable = new CompletableFuture<>();
        submit(null, List.of(new Reply() {
            @Override
            public void release() {
                durable.complete(true);
            }

            @Override
            public void fail(RuntimeException reason) {
                durable.complete(false);
            }
        }));
        return durable.join(); // never completed exceptionally; join waits through interrupts, which stay set
    }

    private void loop() {
        List<Commit> taken = new ArrayList<>();
        List<byte[]> records = new ArrayList<>();
        while (true) {
            Commit first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                continue; // nobody interrupts this thread; close() stops it through the queue
            }
            taken.add(first);
            queue.drainTo(taken);
            boolean stopping = false;
            int from = 0;
            long bytes = 0;
            for (int i = 0; i < taken.size(); i++) {
                Commit commit = taken.get(i);
                if (commit == STOP) {
                    stopping = true;
                } else if (commit.record() != null) {
                    records.add(commit.record());
                    bytes += commit.record().length;
                }
                if (i == taken.size() - 1 || bytes >= MAX_WRITE_BYTES) {
                    write(records, taken.subList(from, i + 1)); // STOP has no replies: it releases nothing
                    records.clear();
                    bytes = 0;
                    from = i + 1;
                }
            }
            taken.clear();
            if (stopping) {
                return;
            }
        }
    }

    /** Writes {@code records} with one force, then releases {@code commits} in order; fails them if the log failed. */
    private void write(List<byte[]> records, List<Commit> commits) {
        if (failure == null && !records.isEmpty()) {
            BankException failed = Commits.write(journal, records);
            if (failed != null) {
                failure = failed;
                onFailure.accept(failed);
            }
        }
        BankException failed = failure;
        for (Commit commit : commits) {
            Commits.answer(commit.replies(), failed);
            if (commit != STOP) {
                inFlight.decrementAndGet();
            }
        }
    }

    /** Writes and releases everything submitted, then stops the thread. Called once, by the sequencer's thread. */
    @Override
    public void close() {
        Uninterruptible.put(queue, STOP);
        Uninterruptible.join(thread);
    }
}
